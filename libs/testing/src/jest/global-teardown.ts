import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { recordedSecrets } from '../canary/secret-registry';
import { scanDatabases, scanLogs } from '../canary/secret-scanner';
import { scanServerErrors } from '../canary/server-error-scanner';
import { TEST_DATABASE_PREFIX } from '../database/template-database';
import { takeTestServer } from './test-server-registry';

/**
 * Checks over the whole tier, then stops the test PostgreSQL. The secret canary: after every test of the tier has run, no recorded secret (password, admin credential, issued
 * key) may appear in any log line or any row of any test database. A finding fails the run.
 * And no request may have been answered with a 5xx, except those a test provoked on purpose.
 */
export default async function globalTeardown(): Promise<void> {
  const server = takeTestServer();
  if (!server) return;
  try {
    const secrets = recordedSecrets(server.dir);
    const findings = [...scanLogs(join(server.dir, 'logs'), secrets), ...(await scanDatabases(server.adminUrl, TEST_DATABASE_PREFIX, secrets))];
    process.stdout.write(`\nSecret canary: scanned logs and databases for ${secrets.length} secret(s): ${findings.length} finding(s)\n`);
    if (findings.length > 0) {
      throw new Error(`Secret canary failed:\n${findings.map((f) => `  ${f.secretPreview} found in ${f.where}`).join('\n')}`);
    }
    const serverErrors = scanServerErrors(join(server.dir, 'logs'));
    process.stdout.write(`Server errors: ${serverErrors.length} unexpected 5xx answer(s) in the logs\n`);
    if (serverErrors.length > 0) throw new Error(`No request may get a 5xx unless a test provokes it:\n  ${serverErrors.join('\n  ')}`);
  } finally {
    await server.stop();
    if (!process.env.KEEP_TEST_RUN) rmSync(server.dir, { recursive: true, force: true });
  }
}
