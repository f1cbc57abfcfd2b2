import { loadConfig } from '@api/config/load-config';
import { RunMode } from '@api/config/app-config';
import { runMigrations } from '@api/database/data-source';
import { startEmbeddedPostgres } from '@api/database/embedded-postgres';
import { createHttpApp } from './create-http-app';
import { ensureFirstOwner } from './first-owner';
import { createLogger } from './logger';
import { resolveRuntimeSecrets } from './runtime-secrets';
import { printBanner } from './banner';
import { connectSandbox } from './sandbox/connect-sandbox';
import { startSandboxVendors } from './sandbox/sandbox-vendors';

/**
 * `serve`: the production process (external database, migrated beforehand by `migrate`).
 * `start`: everything on one machine: embedded PostgreSQL in the data folder, migrations, first owner.
 */
export async function serveCommand(mode: Extract<RunMode, 'serve' | 'start'>): Promise<void> {
  let config = loadConfig(process.env, mode);
  const logger = createLogger(config.logLevel);
  const cleanups: Array<() => Promise<void>> = [];
  const sandbox = config.sandbox ? await startSandboxVendors(config.dataDir, logger) : null;
  if (sandbox) {
    cleanups.push(() => sandbox.stop());
    config = loadConfig({ ...process.env, ...sandbox.env }, mode);
  }
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres({ dir: config.dataDir, onLog: (line) => logger.debug({ component: 'postgres' }, line) });
    cleanups.push(() => embedded.stop());
    databaseUrl = embedded.url;
    logger.info({ dataDir: embedded.dataDir }, 'Embedded PostgreSQL started');
  }
  if (mode === 'start') {
    const applied = await runMigrations({ url: databaseUrl, ssl: config.database.ssl });
    if (applied.length) logger.info({ applied }, 'Migrations applied');
  }
  const secrets = resolveRuntimeSecrets(config, (message) => logger.warn(message));
  const app = await createHttpApp({ config, secrets, databaseUrl }, logger);
  cleanups.unshift(() => app.close());
  const firstOwner = await ensureFirstOwner(app, (message) => logger.warn(message));
  if (sandbox) await connectSandbox(app, sandbox.connections);
  await app.listen({ port: config.http.port, host: config.http.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info({ port, mode }, 'KeyGate is listening');
  if (mode === 'start') printBanner(`http://localhost:${port}`, firstOwner, sandbox !== null);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => logger.error({ err: error }, 'Shutdown step failed'));
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
}
