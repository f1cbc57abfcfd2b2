import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { BASELINE_MAIN, type BenchContext } from './support/bench-context';
import { check, type BenchResult, type TargetCheck } from './support/bench-result';
import { readSizes } from './support/bench-sizes';
import { runLoad, type LoadOptions, type LoadResult } from './support/http-load';
import { startKeygateApi, type KeygateApi } from './support/keygate-api';
import { spawnNode } from './support/node-process';
import { elapsedMs, percentile, round } from './support/stats';
import { seedAuditEvents } from './seed/seed-audit-events';
import { seedIssuedKeys } from './seed/seed-issued-keys';

const CURSORS = 200;
const round1 = (value: number) => round(value, 1);
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Keyset cursors spread evenly over the seeded rows, in the API's own format, plus the first page. */
async function cursorsFor(databaseUrl: string, organizationId: string): Promise<{ keys: string[]; audit: string[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const keys = await db.query<{ created_at: Date; id: string }>(
      `SELECT created_at, id FROM (SELECT created_at, id, row_number() OVER (ORDER BY created_at, id) AS n, count(*) OVER () AS total
         FROM issued_keys WHERE organization_id = $1) k WHERE n % greatest(1, total / $2) = 0`,
      [organizationId, CURSORS],
    );
    const head = await db.query<{ last_seq: string }>(`SELECT last_seq FROM audit_chain_heads WHERE organization_id = $1`, [organizationId]);
    const lastSeq = Number(head.rows[0]?.last_seq ?? 1);
    const auditSeqs = Array.from({ length: CURSORS }, (_, i) => Math.max(2, Math.round(((i + 1) / CURSORS) * lastSeq)));
    return {
      keys: ['', ...keys.rows.map((r) => b64(JSON.stringify([r.created_at.toISOString(), r.id])))],
      audit: ['', ...auditSeqs.map((seq) => b64(String(seq)))],
    };
  } finally {
    await db.end();
  }
}

const withCursor = (path: string, cursor: string) => (cursor ? `${path}?limit=50&cursor=${cursor}` : `${path}?limit=50`);

interface Rounds {
  perRound: number[];
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  worstP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

const median = (values: number[]) => percentile(values, 50);

function summarize(runs: LoadResult[]): Rounds {
  return {
    perRound: runs.map((r) => round1(r.requestsPerSecond)),
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    worstP99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}

/**
 * Warm both servers up, then alternate KeyGate and bare runs: other agents load these cores unevenly, and
 * alternating exposes both to the same noise. Each figure is the median over the rounds.
 */
async function measurePair(endpoint: string, keygate: LoadOptions, bare: LoadOptions, rounds: number, warmupSeconds: number): Promise<{ keygate: Rounds; bare: Rounds }> {
  await runLoad({ ...keygate, durationSeconds: warmupSeconds });
  await runLoad({ ...bare, durationSeconds: warmupSeconds });
  const kg: LoadResult[] = [];
  const bareRuns: LoadResult[] = [];
  for (let n = 1; n <= rounds; n += 1) {
    for (const [label, options, into] of [['KeyGate', keygate, kg], ['bare', bare, bareRuns]] as const) {
      const result = await runLoad(options);
      into.push(result);
      process.stdout.write(`  ${endpoint} ${label} round ${n}: ${round1(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors, ${result.non2xx} non-2xx, load ${loadavg()[0]?.toFixed(1)}\n`);
    }
  }
  return { keygate: summarize(kg), bare: summarize(bareRuns) };
}

function compare(endpoint: string, keygate: Rounds, bare: Rounds): TargetCheck[] {
  const ratio = keygate.requestsPerSecond / bare.requestsPerSecond;
  const clean = keygate.errors === 0 && keygate.non2xx === 0;
  const health = clean ? '' : ` (${keygate.errors} errors, ${keygate.non2xx} non-2xx)`;
  return [
    check(`${endpoint}: req/s >= 0.6 x bare Fastify + pg`, `${round(keygate.requestsPerSecond)} vs ${round(bare.requestsPerSecond)} req/s = ${round(ratio, 2)} x${health}`, ratio >= 0.6 && clean),
    check(`${endpoint}: p99 <= 25 ms at 64 connections`, `p99 ${keygate.p99Ms} ms (p50 ${keygate.p50Ms} ms, worst round ${keygate.worstP99Ms} ms); bare: p99 ${bare.p99Ms} ms. With 64 requests always in flight the mean latency is 64 / throughput (Little's law): ${round(64_000 / keygate.requestsPerSecond)} ms for KeyGate, ${round(64_000 / bare.requestsPerSecond)} ms for bare; 25 ms needs over ${Math.round(64_000 / 25)} req/s`, keygate.p99Ms <= 25 && clean),
  ];
}

/** Pages 1 and 2 of GET /keys must not share a key. */
async function paginationOverlap(api: KeygateApi): Promise<number> {
  type Page = { items: Array<{ key_id: string }>; next_cursor: string | null };
  const first = await api.http.get<Page>('/api/v1/keys?limit=50', { token: api.token });
  if (!first.body.next_cursor) return 0;
  const second = await api.http.get<Page>(`/api/v1/keys?limit=50&cursor=${first.body.next_cursor}`, { token: api.token });
  const seen = new Set(first.body.items.map((k) => k.key_id));
  return second.body.items.filter((k) => seen.has(k.key_id)).length;
}

/** GET /keys and GET /audit under autocannon, against a bare Fastify + pg server running the same SQL. */
export async function benchReadEndpoints(ctx: BenchContext): Promise<BenchResult> {
  const sizes = readSizes();
  const started = performance.now();
  const databaseUrl = await ctx.freshDatabase('reads');
  const api = await startKeygateApi(ctx, 'reads', databaseUrl, { DATABASE_POOL_MAX: '20' });
  const details: string[] = [];
  try {
    const connection = await api.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'bench', admin_api_key: `sk-admin-bench-${randomBytes(16).toString('hex')}` }, { token: api.token });
    if (connection.status !== 201) throw new Error(`connection: ${connection.status} ${connection.text}`);
    let t = performance.now();
    await seedIssuedKeys(databaseUrl, api.organizationId, connection.body.id, sizes.keys, sizes.keyDevelopers);
    details.push(`Seeded ${sizes.keys} keys over ${sizes.keyDevelopers} developers with generate_series in ${round(elapsedMs(t) / 1000)} s.`);
    t = performance.now();
    await seedAuditEvents(databaseUrl, api.organizationId, sizes.auditEvents);
    details.push(`Seeded ${sizes.auditEvents} hash-chained audit events with one recursive SQL statement in ${round(elapsedMs(t) / 1000)} s (both seeds vacuumed, analyzed and checkpointed before any measurement).`);
    await ctx.checkpoint();
    if (sizes.verifyAudit) {
      t = performance.now();
      const verify = await api.http.get<{ ok: boolean; checked: number }>('/api/v1/audit/verify', { token: api.token });
      details.push(`GET /audit/verify over the seeded chain: ok=${String(verify.body.ok)}, ${verify.body.checked} events checked in ${round(elapsedMs(t) / 1000)} s.`);
    }
    const overlap = await paginationOverlap(api);
    details.push(`Pagination check: page 2 of GET /keys repeats ${overlap} key(s) of page 1${overlap > 0 ? ' (cursor loses the microseconds of issued_keys.created_at)' : ''}.`);

    const cursors = await cursorsFor(databaseUrl, api.organizationId);
    const baseline = spawnNode(BASELINE_MAIN, [], { DATABASE_URL: databaseUrl, BENCH_ORG_ID: api.organizationId }, ctx.log('baseline'));
    try {
      const [, port] = await baseline.waitForLine(/\{"listening":(\d+)\}/);
      const bareUrl = `http://127.0.0.1:${port}`;
      const load = { connections: sizes.connections, durationSeconds: sizes.loadSeconds };
      const auth = { authorization: `Bearer ${api.token}` };
            const keys = await measurePair(
        'GET /keys',
        { ...load, baseUrl: api.url, headers: auth, paths: cursors.keys.map((c) => withCursor('/api/v1/keys', c)) },
        { ...load, baseUrl: bareUrl, paths: cursors.keys.map((c) => withCursor('/keys', c)) },
        sizes.loadRounds,
        sizes.warmupSeconds,
      );
      const audit = await measurePair(
        'GET /audit',
        { ...load, baseUrl: api.url, headers: auth, paths: cursors.audit.map((c) => withCursor('/api/v1/audit', c)) },
        { ...load, baseUrl: bareUrl, paths: cursors.audit.map((c) => withCursor('/audit', c)) },
        sizes.loadRounds,
        sizes.warmupSeconds,
      );
      details.push(
        `req/s per round, KeyGate vs bare: GET /keys ${keys.keygate.perRound.join(', ')} vs ${keys.bare.perRound.join(', ')}; GET /audit ${audit.keygate.perRound.join(', ')} vs ${audit.bare.perRound.join(', ')}.`,
        `Requests measured: GET /keys ${keys.keygate.requests} (KeyGate) / ${keys.bare.requests} (bare); GET /audit ${audit.keygate.requests} / ${audit.bare.requests}. ` +
          `Bare server errors: ${keys.bare.errors + audit.bare.errors}, non-2xx: ${keys.bare.non2xx + audit.bare.non2xx}. Load average after the runs: ${loadavg()[0]?.toFixed(1)}.`,
      );
      return {
        name: 'Read endpoints under load',
        setup: [
          `${sizes.keys} issued keys, ${sizes.auditEvents} audit events (one organization), page size 50, cursors spread evenly over the table (${CURSORS + 1} distinct pages, first page included).`,
          `autocannon ${sizes.connections} connections; after a ${sizes.warmupSeconds} s warm-up of each server, ${sizes.loadRounds} rounds of ${sizes.loadSeconds} s alternating KeyGate and bare; figures are medians over the rounds. Runner, API, baseline and PostgreSQL share the same cores.`,
          'KeyGate: `main.js serve` (JWT auth, validation, role check, DTO mapping, JSON request log at info), pool of 20. Baseline: bare Fastify without logger, pg pool of 20, the same SQL and cursors.',
        ],
        checks: [...compare('GET /keys', keys.keygate, keys.bare), ...compare('GET /audit', audit.keygate, audit.bare)],
        details,
        seconds: elapsedMs(started) / 1000,
      };
    } finally {
      await baseline.stop();
    }
  } finally {
    await api.stop();
    await ctx.dropDatabase('reads');
  }
}
