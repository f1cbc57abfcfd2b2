import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@api/config/load-config';
import { Env } from '@api/config/env-parsers';
import { startEmbeddedPostgres } from '@api/database/embedded-postgres';

export interface DatabaseTarget {
  url: string;
  ssl: boolean | 'require';
  /** For messages: never the connection string (it holds the password). */
  description: string;
  close(): Promise<void>;
}

/**
 * The database KeyGate uses: DATABASE_URL, or else the embedded cluster in KEYGATE_DATA_DIR as `start` runs it.
 * A cluster a running `start` already serves is used where it is (its port is in postmaster.pid).
 */
export async function openDatabaseTarget(env: Env, purpose: 'backup' | 'restore'): Promise<DatabaseTarget> {
  const config = loadConfig(env, env.DATABASE_URL?.trim() ? 'migrate' : 'start');
  if (config.database.url) {
    const host = new URL(config.database.url);
    return {
      url: config.database.url,
      ssl: config.database.ssl,
      description: `database ${host.pathname.slice(1)} on ${host.hostname}`,
      close: () => Promise.resolve(),
    };
  }
  const clusterDir = join(config.dataDir, 'pg');
  if (purpose === 'backup' && !existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new Error(
      `DATABASE_URL is not set and there is no embedded database in ${clusterDir} (set DATABASE_URL or KEYGATE_DATA_DIR)`,
    );
  }
  const running = runningClusterUrl(config.dataDir);
  if (running)
    return {
      url: running,
      ssl: false,
      description: `embedded database in ${clusterDir} (served by a running KeyGate)`,
      close: () => Promise.resolve(),
    };
  const embedded = await startEmbeddedPostgres({ dir: config.dataDir });
  return {
    url: embedded.url,
    ssl: false,
    description: `embedded database in ${clusterDir}`,
    close: () => embedded.stop(),
  };
}

function runningClusterUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const passwordFile = join(dataDir, 'postgres.password');
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  const password = readFileSync(passwordFile, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/keygate`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One connection with the session settings COPY text needs to mean the same on both ends. */
export async function connectForCopy(target: DatabaseTarget, applicationName: string): Promise<Client> {
  const client = new Client({
    connectionString: target.url,
    ssl: target.ssl ? { rejectUnauthorized: target.ssl !== 'require' } : undefined,
    application_name: applicationName,
  });
  await client.connect();
  try {
    await client.query(
      `SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET TimeZone = 'UTC'; SET extra_float_digits = 3`,
    );
  } catch (error) {
    await client.end();
    throw error;
  }
  return client;
}
