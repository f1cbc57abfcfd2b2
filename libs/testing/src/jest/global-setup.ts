import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@api/database/embedded-postgres';
import { prepareTemplateDatabase } from '../database/template-database';
import { setTestServer } from './test-server-registry';

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server in DATABASE_URL) and a migrated template
 * database; every test file then clones its own database from the template.
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    await prepareTemplateDatabase(admin.toString());
    process.env.KEYGATE_TEST_ADMIN_URL = admin.toString();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'keygate-test-'));
  const database = await startEmbeddedPostgres({ dir, database: 'postgres' });
  setTestServer({ dir, stop: () => database.stop() });
  await prepareTemplateDatabase(database.adminUrl);
  process.env.KEYGATE_TEST_ADMIN_URL = database.adminUrl;
}
