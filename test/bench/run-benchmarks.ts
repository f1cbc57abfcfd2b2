import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchReadEndpoints } from './read-endpoints.bench';
import { benchTimeToKey } from './time-to-key.bench';
import { benchBulkOnboarding } from './bulk-onboarding.bench';
import { benchBundleSize } from './bundle-size.bench';
import { openBenchContext, REPO_ROOT, type BenchContext } from './support/bench-context';
import { failedResult, type BenchResult } from './support/bench-result';
import { readSizes } from './support/bench-sizes';
import { benchmarksMarkdown } from './support/benchmarks-markdown';
import { describeMachine, loadNow } from './support/machine';

const BENCHMARKS: Array<[string, (ctx: BenchContext) => Promise<BenchResult>]> = [
  // The read benchmark last: its million-row seed leaves the most background work behind.
  ['bundle', benchBundleSize],
  ['ttk', benchTimeToKey],
  ['onboarding', benchBulkOnboarding],
  ['reads', benchReadEndpoints],
];

async function postgresVersion(adminUrl: string): Promise<string> {
  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return `PostgreSQL ${rows[0]?.v ?? '?'}`;
  } finally {
    await db.end();
  }
}

/** Runs every selected benchmark in turn, prints each result, and rewrites BENCHMARKS.md. */
async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const only = readSizes().only;
  const ctx = await openBenchContext();
  process.stdout.write(`Benchmark run folder: ${ctx.dir}\n`);
  const results: BenchResult[] = [];
  try {
    for (const [name, run] of BENCHMARKS) {
      if (only.length > 0 && !only.includes(name)) continue;
      process.stdout.write(`\n== ${name} ==\n`);
      const t = performance.now();
      try {
        results.push(await run(ctx));
      } catch (error) {
        process.stdout.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        results.push(failedResult(name, error, (performance.now() - t) / 1000));
      }
      const last = results[results.length - 1];
      for (const c of last?.checks ?? []) process.stdout.write(`  [${c.met === null ? '??' : c.met ? 'ok' : 'NO'}] ${c.target}: ${c.measured}\n`);
    }
    const command = only.length > 0 ? `BENCH_ONLY=${only.join(',')} npm run bench` : 'npm run bench';
    const markdown = benchmarksMarkdown({ machine, startedAt, seconds: (Date.now() - startedAt.getTime()) / 1000, command, postgres: await postgresVersion(ctx.adminUrl), loadAtEnd: loadNow() }, results);
    // A subset run must not replace the full record: it goes beside the build instead.
    const target = only.length > 0 ? join(REPO_ROOT, '.keygate-bench/BENCHMARKS.partial.md') : join(REPO_ROOT, 'BENCHMARKS.md');
    writeFileSync(target, markdown);
    process.stdout.write(`\nWrote ${target}\n`);
  } finally {
    await ctx.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
