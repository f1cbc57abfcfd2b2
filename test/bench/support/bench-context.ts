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
  /** Drops a benchmark's database, so its vacuum and checkpoint work cannot disturb the next benchmark. */
  dropDatabase(name: string): Promise<void>;
  /** Flushes dirty pages now (after seeding), not in the middle of a measurement. */
  checkpoint(): Promise<void>;
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
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    dir,
    adminUrl,
    async freshDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS kg_bench_${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE kg_bench_${name}`);
      const url = withDatabase(adminUrl, `kg_bench_${name}`);
      await runMigrations({ url });
      return url;
    },
    dropDatabase: (name) => admin(`DROP DATABASE IF EXISTS kg_bench_${name} WITH (FORCE)`),
    checkpoint: () => admin('CHECKPOINT'),
    log: (name) => join(dir, `${name}.log`),
    async close() {
      if (!embedded) return;
      await embedded.stop();
      if (process.env.BENCH_KEEP !== '1') rmSync(join(dir, 'postgres'), { recursive: true, force: true });
    },
  };
}
