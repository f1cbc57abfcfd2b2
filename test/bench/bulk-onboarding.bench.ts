import OpenAI from 'openai';
import { Client } from 'pg';
import { isManagedName } from '@keygate/provisioners';
import type { BenchContext } from './support/bench-context';
import { check, type BenchResult } from './support/bench-result';
import { readSizes } from './support/bench-sizes';
import { startOpenAIStack, type OpenAIStack } from './support/openai-stack';
import { startRateLimitProxy, type RateLimitProxy } from './support/rate-limit-proxy';
import { elapsedMs, mapWithConcurrency, percentile, round } from './support/stats';

interface Outcome {
  ok: boolean;
  problem: string;
  ms: number;
}

/** One developer onboarded the way a script over the API would: create the developer, then provision their key. */
async function onboard(stack: OpenAIStack, n: number): Promise<Outcome> {
  const t = performance.now();
  try {
    const developerId = await stack.createDeveloper(n);
    const res = await stack.api.http.post<{ api_key?: string; code?: string; details?: { operation?: string } }>('/api/v1/keys/provision', { vendor: 'openai', developer_id: developerId }, { token: stack.api.token });
    const ok = res.status === 201 && typeof res.body.api_key === 'string';
    return { ok, problem: ok ? '' : `${res.status} ${res.body.code ?? ''}${res.body.details?.operation ? ` during ${res.body.details.operation}` : ''}`, ms: elapsedMs(t) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message.slice(0, 80) : String(error), ms: elapsedMs(t) };
  }
}

interface Inventory {
  managedProjects: number;
  /** Managed projects no key row knows: nothing in KeyGate would ever clean them up. */
  orphans: number;
  /** Projects of rows left pending or failed: owned, waiting for the reconciler's stale-intent pass. */
  leftovers: number;
  activeWithoutProject: number;
  states: Record<string, number>;
}

/** The vendor's own view (official SDK, straight to the simulator) against KeyGate's rows. */
async function inventory(stack: OpenAIStack, databaseUrl: string): Promise<Inventory> {
  const admin = new OpenAI({ adminAPIKey: stack.sim.credentials.openaiAdminKey, apiKey: null, baseURL: stack.sim.urls.openai, maxRetries: 0 }).admin.organization;
  const projects = new Set<string>();
  for await (const project of admin.projects.list({ limit: 100 })) {
    if (isManagedName(project.name) && project.status !== 'archived') projects.add(project.id);
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ scope_id: string | null; state: string }>(`SELECT scope_id, state FROM issued_keys`);
    const active = new Set(rows.filter((r) => r.state === 'active' && r.scope_id).map((r) => r.scope_id as string));
    const owned = new Set(rows.filter((r) => r.scope_id).map((r) => r.scope_id as string));
    const states: Record<string, number> = {};
    for (const r of rows) states[r.state] = (states[r.state] ?? 0) + 1;
    return {
      managedProjects: projects.size,
      orphans: [...projects].filter((id) => !owned.has(id)).length,
      leftovers: [...projects].filter((id) => owned.has(id) && !active.has(id)).length,
      activeWithoutProject: [...active].filter((id) => !projects.has(id)).length,
      states,
    };
  } finally {
    await db.end();
  }
}

/** Bulk onboarding through KeyGate while the vendor's admin API allows R calls per second. */
export async function benchBulkOnboarding(ctx: BenchContext): Promise<BenchResult> {
  const sizes = readSizes();
  const started = performance.now();
  const rate = sizes.onboardRatePerSecond;
  const burst = sizes.onboardBurst > 0 ? sizes.onboardBurst : rate;
  const held: { proxy?: RateLimitProxy } = {};
  const stack = await startOpenAIStack(ctx, 'onboarding', async (sim) => {
    held.proxy = await startRateLimitProxy({ target: new URL(sim.urls.openai).origin, ratePerSecond: rate, burst, limitedPath: /^\/v1\/organization\// });
    return `${held.proxy.url}/v1`;
  }, sizes.onboardRetryAttempts > 0 ? { VENDOR_RETRY_ATTEMPTS: String(sizes.onboardRetryAttempts) } : {});
  const proxy = held.proxy;
  try {
    if (!proxy) throw new Error('rate-limit proxy did not start');
    const since = await stack.journalHead();
    const t0 = performance.now();
    const outcomes = await mapWithConcurrency(
      Array.from({ length: sizes.onboardDevelopers }, (_, n) => n),
      sizes.onboardConcurrency,
      (n) => onboard(stack, n),
    );
    const makespanS = elapsedMs(t0) / 1000;
    const vendorCalls = (await stack.sim.control.journal({ vendor: 'openai', since })).length;
    const { forwarded, limited } = proxy.counts();
    const boundS = vendorCalls / rate;
    const failures = outcomes.filter((o) => !o.ok);
    const problems = new Map<string, number>();
    for (const f of failures) problems.set(f.problem, (problems.get(f.problem) ?? 0) + 1);
    const inv = await inventory(stack, stack.databaseUrl);
    const perKey = outcomes.map((o) => o.ms);
    return {
      name: 'Bulk onboarding',
      setup: [
        `${sizes.onboardDevelopers} developers, ${sizes.onboardConcurrency} at a time: POST /developers then POST /keys/provision (OpenAI, default policy) against \`main.js serve\`.`,
        `KeyGate's vendor retry attempts: ${sizes.onboardRetryAttempts > 0 ? `${sizes.onboardRetryAttempts} (VENDOR_RETRY_ATTEMPTS)` : 'default (4)'}; background jobs off.`,
        `Admin rate limit R = ${rate} calls/s (burst ${burst}) played by a loopback proxy in front of the simulator (it has no admin rate limit of its own): excess calls get OpenAI's 429 rate_limit_exceeded with retry-after-ms.`,
        'Vendor calls = calls the simulator served (its journal); the ideal makespan is vendor calls / R. After the run the vendor\'s managed projects (official SDK, straight to the simulator) are matched against issued_keys.',
      ],
      checks: [
        check(
          `makespan <= 1.1 x vendor calls / R (R = ${rate}/s)`,
          `${round(makespanS)} s vs ${vendorCalls} calls / ${rate} = ${round(boundS)} s (${round(makespanS / boundS, 2)} x)${failures.length > 0 ? '; not a valid result while keys fail (failed keys make fewer calls)' : ''}`,
          failures.length === 0 && makespanS <= 1.1 * boundS,
        ),
        check('0 failures', `${failures.length} of ${sizes.onboardDevelopers}${failures.length > 0 ? `: ${[...problems].map(([p, n]) => `${n} x ${p}`).join(', ')}` : ''}`, failures.length === 0),
        check(
          '0 orphans at the vendor',
          `${inv.orphans} project(s) of ${inv.managedProjects} owned by no key row; ${inv.leftovers} owned by pending/failed rows, left for the reconciler (jobs off); ${inv.activeWithoutProject} active key(s) without a project`,
          inv.orphans === 0 && inv.leftovers === 0 && inv.activeWithoutProject === 0,
        ),
      ],
      details: [
        `Admin calls forwarded by the proxy: ${forwarded}; answered 429 by it: ${limited} (${round((limited / Math.max(1, forwarded)) * 100)} % extra attempts).`,
        `Vendor calls per key: ${round(vendorCalls / sizes.onboardDevelopers)} (no lookups on the happy path, so the count does not grow with the organization).`,
        `Per developer (create + provision): p50 ${round(percentile(perKey, 50) / 1000, 2)} s, p99 ${round(percentile(perKey, 99) / 1000, 2)} s.`,
        `Key rows by state: ${Object.entries(inv.states).map(([s, n]) => `${s} ${n}`).join(', ')}.`,
      ],
      seconds: elapsedMs(started) / 1000,
    };
  } finally {
    await stack.close();
    await proxy?.close();
  }
}
