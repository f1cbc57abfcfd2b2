import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The archive's lines (uncompressed), the last one being the checksum trailer. */
export function archiveLines(archive: Buffer): string[] {
  return gunzipSync(archive).toString('utf8').split('\n').slice(0, -1);
}

/** Re-packs edited lines; with `reseal` the checksum is recomputed, as a careful forger would. */
export function packArchive(lines: string[], reseal: boolean): Buffer {
  const body = lines
    .slice(0, -1)
    .map((l) => `${l}\n`)
    .join('');
  const trailer = reseal
    ? JSON.stringify({ sha256: createHash('sha256').update(body).digest('hex') })
    : (lines.at(-1) ?? '');
  return gzipSync(`${body}${trailer}\n`);
}

/** Where a table's rows are in `archiveLines` output: rows are lines [first, end), `end` is its `\.` line. */
export function tableSection(lines: string[], table: string): { first: number; end: number } {
  const header = JSON.parse(lines[0] ?? '{}') as { tables: Array<{ name: string; rows: number }> };
  let first = 1;
  for (const t of header.tables) {
    if (t.name === table) return { first, end: first + t.rows };
    first += t.rows + 1;
  }
  throw new Error(`no table ${table} in the archive`);
}
