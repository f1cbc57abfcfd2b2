import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '@api/database/data-source';

export const TEMPLATE_DATABASE = 'keygate_test_template';
export const TEST_DATABASE_PREFIX = 'kg_test_';

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the template database with every committed migration applied. */
export async function prepareTemplateDatabase(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await runMigrations({ url: withDatabase(adminUrl, TEMPLATE_DATABASE) });
}

export interface TestDatabase {
  url: string;
  name: string;
}

/**
 * A fresh, migrated database for one test file, cloned from the template in milliseconds. It is kept until the end
 * of the run, when the secret canary scans it, and goes away with the test cluster.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.KEYGATE_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('KEYGATE_TEST_ADMIN_URL is not set: run this test through the jest integration or e2e project');
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return { url: withDatabase(adminUrl, name), name };
}
