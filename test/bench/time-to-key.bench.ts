import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { OpenAIProvisioner, type DecryptedConnection, type ProvisionIntent } from '@keygate/provisioners';
import type { BenchContext } from './support/bench-context';
import { check, type BenchResult } from './support/bench-result';
import { readSizes } from './support/bench-sizes';
import { startOpenAIStack, type OpenAIStack } from './support/openai-stack';
import { elapsedMs, percentile, round } from './support/stats';

const WARMUP = 2;
const DAY_MS = 86_400_000;

interface Sample {
  ms: number;
  vendorCalls: number;
  /** From sending the request to the first vendor call, and from the last vendor call to the answer (journal clock). */
  beforeVendorMs: number;
  afterVendorMs: number;
}

/** Times one path and places its vendor calls (the simulator's journal) inside that window. */
async function timed(stack: OpenAIStack, run: () => Promise<void>): Promise<Sample> {
  const since = await stack.journalHead();
  const startedAt = Date.now();
  const t = performance.now();
  await run();
  const ms = elapsedMs(t);
  const endedAt = Date.now();
  const calls = (await stack.sim.control.journal({ vendor: 'openai', since })).map((e) => Date.parse(e.at));
  return { ms, vendorCalls: calls.length, beforeVendorMs: Math.min(...calls) - startedAt, afterVendorMs: endedAt - Math.max(...calls) };
}

/** POST /keys/provision through KeyGate, timed from request to the full response holding the key. */
async function throughKeygate(stack: OpenAIStack, n: number): Promise<Sample> {
  const developerId = await stack.createDeveloper(n);
  return timed(stack, async () => {
    const res = await stack.api.http.post<{ api_key?: string; status: string }>('/api/v1/keys/provision', { vendor: 'openai', developer_id: developerId }, { token: stack.api.token });
    if (res.status !== 201 || !res.body.api_key) throw new Error(`provision through KeyGate: ${res.status} ${res.body.status ?? ''}`);
  });
}

/** The same SDK calls without KeyGate: the OpenAI provisioner KeyGate uses, called directly with the same default policy. */
async function direct(stack: OpenAIStack, provisioner: OpenAIProvisioner, conn: DecryptedConnection, n: number): Promise<Sample> {
  const intent: ProvisionIntent = {
    intentId: randomUUID(),
    keyId: `key_${randomBytes(12).toString('hex')}`,
    developer: { id: randomUUID(), name: `Direct Dev ${n}`, email: `direct.dev.${n}@example.com`, team: `team-${n % 20}` },
    policy: { budgetLimitUsd: 50, rateLimitRpm: 60, modelsAllowed: null, expiresAt: new Date(Date.now() + 90 * DAY_MS) },
  };
  return timed(stack, async () => {
    const result = await provisioner.provision(conn, intent, () => Promise.resolve());
    if (!result.secret) throw new Error('direct provision returned no key');
  });
}

const median = (values: number[]) => percentile(values, 50);

interface RoundTrips {
  /** After the caller sat idle for as long as one vendor call takes. */
  afterIdle: number;
  backToBack: number;
}

/** Medians of one exchange made after an idle wait (as KeyGate's are, around each vendor call) and right after another. */
async function roundTrips(idleMs: number, exchange: () => Promise<unknown>): Promise<RoundTrips> {
  const afterIdle: number[] = [];
  const backToBack: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    await sleep(idleMs);
    let t = performance.now();
    await exchange();
    afterIdle.push(elapsedMs(t));
    t = performance.now();
    await exchange();
    backToBack.push(elapsedMs(t));
  }
  return { afterIdle: median(afterIdle), backToBack: median(backToBack) };
}

/** What this machine charges for the exchanges KeyGate cannot avoid: one HTTP request, three database statements. */
async function machineFloor(stack: OpenAIStack, idleMs: number): Promise<{ http: RoundTrips; db: RoundTrips; floorMs: number }> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    const db = await roundTrips(idleMs, () => client.query('SELECT 1'));
    const http = await roundTrips(idleMs, () => stack.api.http.get('/health'));
    // The request arrives after idle; the read and Tx A follow it; Tx B follows the last vendor call's wait.
    return { http, db, floorMs: http.afterIdle + db.afterIdle + db.backToBack + db.afterIdle };
  } finally {
    await client.end();
  }
}
const fmt = (values: number[]) => `p50 ${round(percentile(values, 50))} ms, p95 ${round(percentile(values, 95))} ms`;

/** Time-to-key through KeyGate against the provisioner's own SDK calls, with latency on every vendor call. */
export async function benchTimeToKey(ctx: BenchContext): Promise<BenchResult> {
  const sizes = readSizes();
  const started = performance.now();
  const stack = await startOpenAIStack(ctx, 'ttk');
  try {
    await stack.sim.control.addFault({ vendor: 'openai', times: 0, action: { type: 'latency', ms: sizes.vendorLatencyMs } });
    const provisioner = new OpenAIProvisioner({ openai: { baseUrl: stack.sim.urls.openai } });
    const conn: DecryptedConnection = { id: stack.connectionId, vendor: 'openai', label: 'bench', adminCredential: stack.sim.credentials.openaiAdminKey, settings: {} };
    const keygate: Sample[] = [];
    const bare: Sample[] = [];
    // Alternate the two paths so both see the same machine load and the same number of projects at the vendor.
    for (let n = 0; n < WARMUP + sizes.timeToKeySamples; n += 1) {
      const k = await throughKeygate(stack, n);
      const d = await direct(stack, provisioner, conn, n);
      if (n >= WARMUP) {
        keygate.push(k);
        bare.push(d);
      }
    }
    const floor = await machineFloor(stack, sizes.vendorLatencyMs);
    const kgMs = keygate.map((s) => s.ms);
    const directMs = bare.map((s) => s.ms);
    const p50Kg = percentile(kgMs, 50);
    const p50Direct = percentile(directMs, 50);
    const ratio = p50Kg / p50Direct;
    const overhead = p50Kg - p50Direct;
    const calls = (samples: Sample[]) => `${Math.min(...samples.map((s) => s.vendorCalls))}-${Math.max(...samples.map((s) => s.vendorCalls))}`;
    return {
      name: 'Time to key',
      setup: [
        `${sizes.timeToKeySamples} samples per path (after ${WARMUP} warm-up pairs), alternating; a ${sizes.vendorLatencyMs} ms latency fault on every call to the simulated OpenAI.`,
        'KeyGate: POST /api/v1/keys/provision (default policy) against `main.js serve`, timed until the response with the key arrives.',
        'Direct: the same OpenAIProvisioner.provision KeyGate runs (the same official-SDK calls, same policy), called in the runner with no database, no HTTP hop and no step records.',
      ],
      checks: [
        check(`p50 ratio KeyGate / direct <= 1.15 (${sizes.vendorLatencyMs} ms vendor latency)`, `${round(p50Kg)} / ${round(p50Direct)} ms = ${round(ratio, 3)}`, ratio <= 1.15),
        check('p50 overhead <= 5 ms', `${round(overhead)} ms`, overhead <= 5),
      ],
      details: [
        `KeyGate: ${fmt(kgMs)}; direct: ${fmt(directMs)}.`,
        `Where KeyGate's time goes (medians, journal clock at millisecond resolution): request to first vendor call ${round(median(keygate.map((x) => x.beforeVendorMs)))} ms (direct ${round(median(bare.map((x) => x.beforeVendorMs)))} ms); last vendor call to response ${round(median(keygate.map((x) => x.afterVendorMs)))} ms (direct ${round(median(bare.map((x) => x.afterVendorMs)))} ms); the rest is between vendor calls (KeyGate's process shares the two cores with the simulator and PostgreSQL; a provision that finishes within a second writes no step rows of its own).`,
        `This machine's floor for the exchanges KeyGate cannot avoid: an HTTP exchange with KeyGate (GET /health) takes ${round(floor.http.afterIdle)} ms after a ${sizes.vendorLatencyMs} ms idle wait and ${round(floor.http.backToBack)} ms back to back; a PostgreSQL round trip (SELECT 1) ${round(floor.db.afterIdle)} / ${round(floor.db.backToBack)} ms. A key needs the request, the developer and connection read, Tx A (committed before any vendor call) and Tx B (committed before the secret is returned, after the last vendor call's wait): at least ${round(floor.floorMs)} ms before any statement does work or any commit reaches the disk.`,
        `Vendor calls per key (from the simulator's journal): KeyGate ${calls(keygate)}, direct ${calls(bare)} (constant: the happy path makes no lookups).`,
      ],
      seconds: elapsedMs(started) / 1000,
    };
  } finally {
    await stack.close();
  }
}
