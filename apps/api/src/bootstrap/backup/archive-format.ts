import { z } from 'zod';

/**
 * A KeyGate backup archive is gzip'd text, one line each:
 *   1. the header (JSON): what is inside, in load order, with each table's row count;
 *   2. per table, in header order: exactly `rows` lines of PostgreSQL COPY text format, then a line `\.`;
 *   3. the trailer (JSON): the SHA-256 of every byte before it (uncompressed).
 * COPY text escapes newlines, tabs and backslashes, so a row is always one line and never reads `\.`.
 */
export const ARCHIVE_FORMAT = 'keygate-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
});

const sequenceSchema = z.object({
  table: z.string().min(1),
  column: z.string().min(1),
  last_value: z.string().regex(/^-?\d+$/),
  is_called: z.boolean(),
});

const headerSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  format_version: z.literal(ARCHIVE_FORMAT_VERSION),
  keygate_version: z.string(),
  created_at: z.string(),
  migrations: z.array(z.string().min(1)).min(1),
  tables: z.array(tableSchema),
  sequences: z.array(sequenceSchema),
});

const trailerSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export type ArchiveTable = z.infer<typeof tableSchema>;
export type ArchiveSequence = z.infer<typeof sequenceSchema>;
export type ArchiveHeader = z.infer<typeof headerSchema>;
export type ArchiveTrailer = z.infer<typeof trailerSchema>;

/** The archive cannot be used: corrupt, edited, truncated, or not a KeyGate backup. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export function parseHeader(line: string): ArchiveHeader {
  const json = parseJsonLine(line, 'header');
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== ARCHIVE_FORMAT) throw new ArchiveError('not a KeyGate backup archive');
  const version = (json as { format_version?: unknown }).format_version;
  if (version !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      `archive format version ${String(version)} is not supported by this KeyGate (it reads version ${ARCHIVE_FORMAT_VERSION})`,
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new ArchiveError('the archive header is malformed');
  return parsed.data;
}

export function parseTrailer(line: string): ArchiveTrailer {
  const parsed = trailerSchema.safeParse(parseJsonLine(line, 'trailer'));
  if (!parsed.success) throw new ArchiveError('the archive trailer (checksum) is malformed');
  return parsed.data;
}

function parseJsonLine(line: string, what: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new ArchiveError(`the archive ${what} is not valid JSON (corrupt or not a KeyGate backup)`);
  }
}
