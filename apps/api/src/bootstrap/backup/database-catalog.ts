import { ClientBase } from 'pg';
import { ForeignKey } from './table-order';

/** KeyGate's own bookkeeping of applied migrations: recorded in the archive header, never copied as data. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface TableInfo {
  name: string;
  /** Columns a COPY can write (stored generated columns are left out), in table order. */
  columns: string[];
}

export interface IdentityColumn {
  table: string;
  column: string;
  /** Qualified, quoted sequence name as PostgreSQL reports it. */
  sequence: string;
}

/** Catalog look-ups on the `public` schema, where KeyGate's migrations create everything. */
export async function listTables(client: ClientBase): Promise<TableInfo[]> {
  const result = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.tables t
       JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> $1 AND c.is_generated <> 'ALWAYS'
      GROUP BY c.table_name
      ORDER BY c.table_name`,
    [MIGRATIONS_TABLE],
  );
  return result.rows.map((r) => ({ name: r.table_name, columns: r.columns }));
}

export async function listForeignKeys(client: ClientBase): Promise<ForeignKey[]> {
  const result = await client.query<ForeignKey>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  return result.rows;
}

export async function listIdentityColumns(client: ClientBase): Promise<IdentityColumn[]> {
  const result = await client.query<{ table: string; column: string; sequence: string | null }>(
    `SELECT table_name AS "table", column_name AS "column",
            pg_get_serial_sequence(format('public.%I', table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
      ORDER BY table_name, column_name`,
  );
  return result.rows.flatMap((r) =>
    r.sequence ? [{ table: r.table, column: r.column, sequence: r.sequence }] : [],
  );
}

/** Names of the applied migrations, oldest first; null when the database has never been migrated. */
export async function appliedMigrations(client: ClientBase): Promise<string[] | null> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!exists.rows[0]?.found) return null;
  const result = await client.query<{ name: string }>(
    `SELECT name FROM public.${MIGRATIONS_TABLE} ORDER BY timestamp, id`,
  );
  return result.rows.map((r) => r.name);
}

export async function countRows(client: ClientBase, table: string): Promise<number> {
  const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteTable(client, table)}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Triggers that fire on TRUNCATE (the audit log's append-only guard) on the given tables. */
export async function truncateTriggers(
  client: ClientBase,
  tables: string[],
): Promise<Array<{ table: string; trigger: string }>> {
  const result = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS "table", t.tgname AS "trigger"
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0 AND c.relname = ANY($1)
      ORDER BY 1, 2`,
    [tables],
  );
  return result.rows;
}

export function quoteTable(client: ClientBase, table: string): string {
  return `public.${client.escapeIdentifier(table)}`;
}

export function quoteColumns(client: ClientBase, columns: string[]): string {
  return columns.map((c) => client.escapeIdentifier(c)).join(', ');
}
