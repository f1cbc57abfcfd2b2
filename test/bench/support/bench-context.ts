import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@api/database/embedded-postgres';
import { runMigrations } from '@api/database/data-source';
import { Client } from 'pg';

/** Where the compiled runner lives: `<root>/.keygate-bench/dist/test/bench/support/`. */
export const BUILD_ROOT = resolve(__dirname, '../../..');
export const REPO_ROOT = resolve(BUILD_ROOT, '../..');
export const API_MAIN = join(BUILD_ROOT, 'apps/api/src/main.js');
export const SIM_MAIN = join(BUILD_ROOT, 'apps/vendor-sim/src/main.js');
export const BASELINE_MAIN = join(BUILD_ROOT, 'test/bench/baseline/bare-fastify-server.js');

export interface BenchContext {
  /** This run's folder under /tmp: every log, and the PostgreSQL cluster (removed at the end unless BENCH_KEEP=1). */
  dir: string;
  adminUrl: string;
  /** A fresh migrated database for one benchmark. */
  freshDatabase(name: string): Promise<string>;
  log(name: string): string;
  close(): Promise<void>;
}

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One PostgreSQL for the whole run: embedded in the run folder, or the server of BENCH_DATABASE_URL. */
export async function openBenchContext(): Promise<BenchContext> {
  const dir = mkdtempSync(join(tmpdir(), 'keygate-bench-'));
  chmodSync(dir, 0o711); // the embedded server runs as its own OS user under root and must reach its folder
  const external = process.env.BENCH_DATABASE_URL;
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl: string;
  if (external) {
    adminUrl = withDatabase(external, 'postgres');
  } else {
    embedded = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), database: 'postgres' });
    adminUrl = embedded.adminUrl;
  }
  return {
    dir,
    adminUrl,
    async freshDatabase(name) {
      const database = `kg_bench_${name}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${database}`);
      } finally {
        await admin.end();
      }
      const url = withDatabase(adminUrl, database);
      await runMigrations({ url });
      return url;
    },
    log: (name) => join(dir, `${name}.log`),
    async close() {
      if (!embedded) return;
      await embedded.stop();
      if (process.env.BENCH_KEEP !== '1') rmSync(join(dir, 'postgres'), { recursive: true, force: true });
    },
  };
}
