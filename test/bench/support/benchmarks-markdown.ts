import type { BenchResult } from './bench-result';
import { SIZE_VARIABLES } from './bench-sizes';
import type { Machine } from './machine';

const metCell = (met: boolean | null) => (met === null ? 'not measured' : met ? 'yes' : '**no**');
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export interface RunInfo {
  machine: Machine;
  startedAt: Date;
  seconds: number;
  command: string;
  postgres: string;
  loadAtEnd: number;
}

/** BENCHMARKS.md, rewritten by every run: machine, date, commands, then target vs measured vs met. */
export function benchmarksMarkdown(run: RunInfo, results: BenchResult[]): string {
  const m = run.machine;
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run-benchmarks.ts); do not edit by hand. These are measurements, not',
    'tests: nothing here is asserted in `npm test`. Numbers come from one run on a shared machine; compare runs only',
    'on the same setup.',
    '',
    '## Run',
    '',
    `- Date: ${run.startedAt.toISOString()} (${Math.round(run.seconds)} s)`,
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory (from /proc); load average ${m.loadAtStart.toFixed(2)} at start and ${run.loadAtEnd.toFixed(2)} at the end (other agents share the cores, so figures move between runs)`,
    `- Node ${m.node}; ${run.postgres}; everything on loopback`,
    `- Command: \`${run.command}\``,
    '',
    '## Results',
    '',
    '| Benchmark | Target | Measured | Met |',
    '| --- | --- | --- | --- |',
    ...results.flatMap((r) => r.checks.map((c) => `| ${cell(r.name)} | ${cell(c.target)} | ${cell(c.measured)} | ${metCell(c.met)} |`)),
    '',
  ];
  for (const r of results) {
    lines.push(`## ${r.name}`, '', `Took ${Math.round(r.seconds)} s.`, '');
    if (r.setup.length > 0) lines.push('Setup:', '', ...r.setup.map((s) => `- ${s}`), '');
    if (r.details.length > 0) lines.push('Observed:', '', ...r.details.map((d) => `- ${d}`), '');
  }
  lines.push(
    '## How to run',
    '',
    '```sh',
    'npm run bench                                   # every benchmark, default sizes (about ten minutes)',
    'BENCH_ONLY=reads,ttk npm run bench              # a subset (written to .keygate-bench/BENCHMARKS.partial.md)',
    'BENCH_AUDIT_EVENTS=5000000 BENCH_LOAD_SECONDS=60 npm run bench   # bigger runs',
    '```',
    '',
    '`npm run bench` compiles the server, the simulator and test/bench with swc into `.keygate-bench/dist` (its own',
    'folder, so a shared `dist/` is never touched) and runs the runner with Node 24. Each benchmark gets a fresh',
    'database in an embedded PostgreSQL under `/tmp/keygate-bench-*` (or the server in `BENCH_DATABASE_URL`), and',
    'starts the API, the vendor simulator and the baseline as their own processes.',
    '',
    '| Variable | Meaning (default) |',
    '| --- | --- |',
    ...SIZE_VARIABLES.map(([name, meaning]) => `| \`${name}\` | ${meaning} |`),
    '',
  );
  return lines.join('\n');
}
