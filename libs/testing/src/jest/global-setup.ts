import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@api/database/embedded-postgres';
import { prepareTemplateDatabase } from '../database/template-database';
import { setTestServer } from './test-server-registry';

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server in DATABASE_URL) and a migrated template
 * database; every test file then clones its own database from the template. Logs and recorded secrets of the
 * run go to KEYGATE_TEST_RUN_DIR, which the teardown scans.
 */
export default async function globalSetup(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'keygate-test-'));
  chmodSync(runDir, 0o711); // the embedded server runs as its own OS user under root and must reach its folder
  mkdirSync(join(runDir, 'logs'), { recursive: true });
  process.env.KEYGATE_TEST_RUN_DIR = runDir;
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    await prepareTemplateDatabase(admin.toString());
    process.env.KEYGATE_TEST_ADMIN_URL = admin.toString();
    setTestServer({ dir: runDir, adminUrl: admin.toString(), stop: () => Promise.resolve() });
    return;
  }
  const database = await startEmbeddedPostgres({ dir: join(runDir, 'postgres'), database: 'postgres' });
  await prepareTemplateDatabase(database.adminUrl);
  process.env.KEYGATE_TEST_ADMIN_URL = database.adminUrl;
  setTestServer({ dir: runDir, adminUrl: database.adminUrl, stop: () => database.stop() });
}
