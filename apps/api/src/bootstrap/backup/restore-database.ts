import { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveHeader, ArchiveTable } from './archive-format';
import { readArchive } from './archive-reader';
import {
  listForeignKeys,
  listTables,
  quoteColumns,
  quoteTable,
  TableInfo,
  truncateTriggers,
} from './database-catalog';
import { firstOutOfOrder, truncationSet } from './table-order';

/** Server-wide state a fresh KeyGate writes on first start; replacing it loses nothing an operator made. */
const SERVER_STATE_TABLES = new Set(['server_keys', 'job_leases']);

const BATCH_BYTES = 256 * 1024;
const LOCK_TIMEOUT = '60s';
const LOCK_NOT_AVAILABLE = '55P03';

/** The target holds KeyGate data and --force was not given: nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(tables: string[]) {
    super(
      `the database already holds KeyGate data (rows in ${tables.join(', ')}); restore replaces everything in it only with --force`,
    );
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreInput {
  header: ArchiveHeader;
  /** Checksum of the verified archive: the load must read the very same bytes. */
  sha256: string;
  open(): Readable;
  force: boolean;
}

/** Tables that hold at least one row. */
export async function tablesWithRows(client: ClientBase, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const result = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quoteTable(client, table.name)}) AS any`,
    );
    if (result.rows[0]?.any) found.push(table.name);
  }
  return found;
}

/** Of the non-empty tables, those holding data an operator made (anything but server state). */
export function withKeyGateData(nonEmpty: string[]): string[] {
  return nonEmpty.filter((t) => !SERVER_STATE_TABLES.has(t));
}

/**
 * Replaces the database's data with the archive's in ONE transaction: all of it, or (on any error) none of it.
 * The schema must already be at the archive's migration.
 */
export async function restoreDatabase(client: ClientBase, input: RestoreInput): Promise<void> {
  await client.query('BEGIN');
  try {
    const tables = await listTables(client);
    assertSchemaFits(input.header, tables);
    const foreignKeys = await listForeignKeys(client);
    const outOfOrder = firstOutOfOrder(
      input.header.tables.map((t) => t.name),
      foreignKeys,
    );
    if (outOfOrder)
      throw new Error(
        `the archive loads ${outOfOrder.child} before ${outOfOrder.parent}, which it references`,
      );
    await lockTables(client, tables);
    const nonEmpty = await tablesWithRows(client, tables);
    const keygateData = withKeyGateData(nonEmpty);
    if (keygateData.length && !input.force) throw new RestoreRefusedError(keygateData);
    if (nonEmpty.length) await emptyTables(client, truncationSet(nonEmpty, foreignKeys));
    const loaded = await readArchive(input.open(), { table: (table, rows) => copyInto(client, table, rows) });
    if (loaded.sha256 !== input.sha256) throw new Error('the archive changed while it was being restored');
    for (const sequence of input.header.sequences) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence(format('public.%I', $1::text), $2), $3::bigint, $4)`,
        [sequence.table, sequence.column, sequence.last_value, sequence.is_called],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Nobody may read or write while the data is replaced; a server in the middle of work makes this wait, not hang. */
async function lockTables(client: ClientBase, tables: TableInfo[]): Promise<void> {
  if (!tables.length) return;
  await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  try {
    await client.query(
      `LOCK TABLE ${tables.map((t) => quoteTable(client, t.name)).join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) {
      throw new Error(
        `the tables stayed in use for ${LOCK_TIMEOUT} (is KeyGate still running on this database? stop it first)`,
      );
    }
    throw error;
  }
}

function assertSchemaFits(header: ArchiveHeader, tables: TableInfo[]): void {
  for (const table of header.tables) {
    const target = tables.find((t) => t.name === table.name);
    if (!target) throw new Error(`the database has no table ${table.name}, which the archive holds`);
    const missing = table.columns.filter((c) => !target.columns.includes(c));
    if (missing.length)
      throw new Error(`table ${table.name} has no column ${missing.join(', ')}, which the archive holds`);
  }
}

/**
 * TRUNCATE the tables (those with rows and the tables referencing them). The audit log's append-only trigger rejects
 * TRUNCATE, so exactly that trigger is disabled around the statement, inside this transaction (needs the table owner).
 */
async function emptyTables(client: ClientBase, toTruncate: string[]): Promise<void> {
  const triggers = await truncateTriggers(client, toTruncate);
  for (const t of triggers)
    await client.query(
      `ALTER TABLE ${quoteTable(client, t.table)} DISABLE TRIGGER ${client.escapeIdentifier(t.trigger)}`,
    );
  await client.query(`TRUNCATE ${toTruncate.map((t) => quoteTable(client, t)).join(', ')}`);
  for (const t of triggers)
    await client.query(
      `ALTER TABLE ${quoteTable(client, t.table)} ENABLE TRIGGER ${client.escapeIdentifier(t.trigger)}`,
    );
}

/** One COPY per table: identity values are kept as written, and a self-reference is checked at the end of it. */
async function copyInto(client: ClientBase, table: ArchiveTable, rows: AsyncIterable<Buffer>): Promise<void> {
  const stream = client.query(
    copyFrom(`COPY ${quoteTable(client, table.name)} (${quoteColumns(client, table.columns)}) FROM STDIN`),
  );
  await pipeline(Readable.from(batches(rows)), stream);
  if (stream.rowCount !== table.rows)
    throw new Error(`table ${table.name}: loaded ${stream.rowCount} rows, the archive holds ${table.rows}`);
}

async function* batches(rows: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const row of rows) {
    pending.push(row);
    size += row.length;
    if (size >= BATCH_BYTES) {
      yield Buffer.concat(pending);
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield Buffer.concat(pending);
}
