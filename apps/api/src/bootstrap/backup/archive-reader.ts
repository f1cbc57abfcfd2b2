import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  ArchiveError,
  ArchiveHeader,
  ArchiveTable,
  END_OF_TABLE,
  parseHeader,
  parseTrailer,
} from './archive-format';
import { lineText, splitLines } from './archive-lines';

export interface ArchiveVisitor {
  /** Called once the header is read, before any row. Throwing stops the read. */
  header?(header: ArchiveHeader): Promise<void> | void;
  /** Receives exactly the table's rows (COPY text lines, newline included); rows it does not read are skipped. */
  table?(table: ArchiveTable, rows: AsyncIterable<Buffer>): Promise<void>;
}

export interface ArchiveSummary {
  header: ArchiveHeader;
  sha256: string;
}

/**
 * Reads an archive from start to end, checking its structure and, last, its checksum: a caller that must not act on
 * a damaged archive reads it once with no visitor (verification) before acting, and keeps its changes uncommitted
 * until this resolves.
 */
export async function readArchive(input: Readable, visitor: ArchiveVisitor = {}): Promise<ArchiveSummary> {
  const gunzip = createGunzip();
  input.once('error', (error) => gunzip.destroy(error));
  const lines = splitLines(input.pipe(gunzip))[Symbol.asyncIterator]();
  const hash = createHash('sha256');
  const next = async (what: string): Promise<Buffer> => {
    const result = await lines.next();
    if (result.done || result.value[result.value.length - 1] !== 0x0a)
      throw new ArchiveError(`the archive ends early (${what} missing): it is truncated`);
    return result.value;
  };
  try {
    const headerLine = await next('header');
    hash.update(headerLine);
    const header = parseHeader(lineText(headerLine));
    await visitor.header?.(header);
    for (const table of header.tables) {
      let read = 0;
      async function* rows(): AsyncGenerator<Buffer> {
        while (read < table.rows) {
          const line = await next(`rows of ${table.name}`);
          hash.update(line);
          if (lineText(line) === END_OF_TABLE)
            throw new ArchiveError(`table ${table.name} has fewer rows than the archive header says`);
          read++;
          yield line;
        }
      }
      if (visitor.table) await visitor.table(table, rows());
      // Rows the visitor left unread still count towards the checksum.
      const rest = rows();
      while (!(await rest.next()).done);
      const end = await next(`end of ${table.name}`);
      hash.update(end);
      if (lineText(end) !== END_OF_TABLE)
        throw new ArchiveError(`table ${table.name} has more rows than the archive header says`);
    }
    const trailer = parseTrailer(lineText(await next('checksum trailer')));
    if (!(await lines.next()).done) throw new ArchiveError('the archive has data after its checksum trailer');
    const sha256 = hash.digest('hex');
    if (sha256 !== trailer.sha256)
      throw new ArchiveError('checksum mismatch: the archive is corrupt or was modified');
    return { header, sha256 };
  } catch (error) {
    if (isZlibError(error))
      throw new ArchiveError('the archive is not a valid gzip file: it is corrupt or truncated');
    throw error;
  } finally {
    input.destroy();
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
