import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TestDatabase } from '@keygate/testing';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database with nothing in it, not even the schema (unlike createTestDatabase, which clones a migrated template). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.KEYGATE_TEST_ADMIN_URL;
  if (!adminUrl)
    throw new Error('KEYGATE_TEST_ADMIN_URL is not set: run this test through the jest e2e project');
  const name = `kg_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

/**
 * Every table's full content as one digest per table (rows as text, sorted), plus identity counters: two databases
 * with equal fingerprints hold the same data.
 */
export function fingerprintDatabase(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = await c.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const digest = await c.query<{ rows: string; md5: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM public.${c.escapeIdentifier(name)} x`,
      );
      result[name] = `${digest.rows[0]?.rows ?? '?'} rows ${digest.rows[0]?.md5 ?? '?'}`;
    }
    const sequence = await c.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM audit_events_id_seq`,
    );
    result['audit_events_id_seq'] =
      `${sequence.rows[0]?.last_value ?? '?'} ${String(sequence.rows[0]?.is_called)}`;
    return result;
  });
}

/** Whether the database has KeyGate's schema at all (a restore refused up front must not even migrate). */
export function hasKeyGateSchema(url: string): Promise<boolean> {
  return withClient(
    url,
    async (c) =>
      (
        await c.query<{ found: boolean }>(
          `SELECT to_regclass('public.schema_migrations') IS NOT NULL AS found`,
        )
      ).rows[0]?.found ?? false,
  );
}
