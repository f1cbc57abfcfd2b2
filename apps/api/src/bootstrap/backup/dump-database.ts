import { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveHeader,
  ArchiveSequence,
  ArchiveTable,
} from './archive-format';
import { ArchiveWriter } from './archive-writer';
import {
  appliedMigrations,
  countRows,
  listForeignKeys,
  listIdentityColumns,
  listTables,
  quoteColumns,
  quoteTable,
} from './database-catalog';
import { loadOrder } from './table-order';

/**
 * Writes every table of the public schema into the archive from ONE snapshot (REPEATABLE READ, read only), so the
 * archive is consistent even while KeyGate keeps serving. Rows stream from COPY straight into the archive.
 */
export async function dumpDatabase(
  client: ClientBase,
  writer: ArchiveWriter,
  keygateVersion: string,
): Promise<ArchiveHeader> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const migrations = await appliedMigrations(client);
    if (!migrations?.length)
      throw new Error('the database has no KeyGate schema: nothing to back up (has KeyGate ever run on it?)');
    const tables = await listTables(client);
    const order = loadOrder(
      tables.map((t) => t.name),
      await listForeignKeys(client),
    );
    const archiveTables: ArchiveTable[] = [];
    for (const name of order) {
      const columns = tables.find((t) => t.name === name)?.columns ?? [];
      archiveTables.push({ name, columns, rows: await countRows(client, name) });
    }
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      format_version: ARCHIVE_FORMAT_VERSION,
      keygate_version: keygateVersion,
      created_at: new Date().toISOString(),
      migrations,
      tables: archiveTables,
      sequences: await readSequences(client),
    };
    await writer.writeHeader(header);
    for (const table of archiveTables) await copyTable(client, table, writer);
    await client.query('COMMIT');
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function copyTable(client: ClientBase, table: ArchiveTable, writer: ArchiveWriter): Promise<void> {
  const stream = client.query(
    copyTo(`COPY ${quoteTable(client, table.name)} (${quoteColumns(client, table.columns)}) TO STDOUT`),
  );
  for await (const chunk of stream) await writer.write(chunk as Buffer);
  // Same snapshot as the count: a difference means the snapshot was not what this code assumes.
  if (stream.rowCount !== table.rows)
    throw new Error(`table ${table.name}: counted ${table.rows} rows but COPY produced ${stream.rowCount}`);
  await writer.endTable();
}

/** Identity and serial counters, so restored rows and new rows never collide and ids are not reused. */
async function readSequences(client: ClientBase): Promise<ArchiveSequence[]> {
  const sequences: ArchiveSequence[] = [];
  for (const identity of await listIdentityColumns(client)) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${identity.sequence}`,
    );
    const row = state.rows[0];
    if (row)
      sequences.push({
        table: identity.table,
        column: identity.column,
        last_value: row.last_value,
        is_called: row.is_called,
      });
  }
  return sequences;
}
