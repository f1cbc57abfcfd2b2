import Anthropic from '@anthropic-ai/sdk';
import type { BetaAnalyticsCostItem } from '@anthropic-ai/sdk/resources/beta/organization/analytics/cost';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// The beta analytics cost report, read through the SDK: cost per API key inside a shared workspace.
describe('simulated Anthropic analytics cost report', () => {
  let sim: RunningVendorSim;
  let client: Anthropic;

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { anthropicAdminKey: 'sk-ant-admin01-spec-analytics' } });
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await fetch(`${sim.urls.control}/reset`, { method: 'POST' });
    client = new Anthropic({ apiKey: sim.credentials.anthropicAdminKey, baseURL: sim.urls.anthropic, maxRetries: 0 });
  });

  async function control<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${sim.urls.control}/vendors/anthropic${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }
  const consoleKey = (workspaceId: string) =>
    control<{ api_key: { id: string } }>('/console/api-keys', { workspace_id: workspaceId, name: 'dev' }).then((made) => made.api_key.id);
  /** claude-sonnet-4-6 input costs 300 cents per million tokens in the simulator's price list. */
  const spend = (apiKeyId: string, inputTokens: number, atMs: number) =>
    control('/usage', { api_key_id: apiKeyId, model: 'claude-sonnet-4-6', input_tokens: inputTokens, at_ms: atMs });

  /** Two keys in one workspace and one in another; usage two hours ago, so whole-hour rounding keeps it. */
  async function sharedWorkspace() {
    const team = await client.organization.workspaces.create({ name: 'kg-team-analytics' });
    const solo = await client.organization.workspaces.create({ name: 'kg-solo-analytics' });
    const heavy = await consoleKey(team.id);
    const light = await consoleKey(team.id);
    const alone = await consoleKey(solo.id);
    const at = sim.ctx.clock.nowMs() - 2 * HOUR_MS;
    await spend(heavy, 2_000_000, at);
    await spend(heavy, 1_000_000, at);
    await spend(light, 100_000, at);
    await spend(alone, 10_000, at);
    return { team: team.id, solo: solo.id, heavy, light, alone, from: new Date(at - 3 * HOUR_MS).toISOString() };
  }

  async function allRows(params: Parameters<typeof client.beta.organization.analytics.cost.list>[0]) {
    const rows: BetaAnalyticsCostItem[] = [];
    for await (const row of client.beta.organization.analytics.cost.list(params)) rows.push(row);
    return rows;
  }

  it('breaks cost out per API key and workspace, in fractional cents, highest first', async () => {
    const w = await sharedWorkspace();
    const rows = await allRows({ starting_at: w.from, group_by: ['workspace_id', 'api_key_id'] });
    expect(rows.map((row) => [row.group.workspace_id, row.group.api_key_id, Number(row.cost.amount), row.cost.requests])).toEqual([
      [w.team, w.heavy, 900, 2],
      [w.team, w.light, 30, 1],
      [w.solo, w.alone, 3, 1],
    ]);
    expect(rows[0]?.cost).toMatchObject({ currency: 'USD', list_amount: rows[0]?.cost.amount });
    expect(rows[0]?.group.model).toBeNull();
  });

  it('aggregates the whole range into one row without group_by', async () => {
    const w = await sharedWorkspace();
    const rows = await allRows({ starting_at: w.from });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.cost.amount)).toBe(933);
    expect(rows[0]?.group.workspace_id).toBeNull();
  });

  it('pages through every row with next_page', async () => {
    const w = await sharedWorkspace();
    const first = await client.beta.organization.analytics.cost.list({ starting_at: w.from, group_by: ['api_key_id'], limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const rows = await allRows({ starting_at: w.from, group_by: ['api_key_id'], limit: 1 });
    expect(rows.map((row) => row.group.api_key_id)).toEqual([w.heavy, w.light, w.alone]);
  });

  it('reports the current hour only with a time bucket, which needs ending_at', async () => {
    const team = await client.organization.workspaces.create({ name: 'kg-now-analytics' });
    const key = await consoleKey(team.id);
    if (sim.ctx.clock.nowMs() % HOUR_MS < 60_000) sim.ctx.clock.advance(60_000); // a minute into the hour at least
    const now = sim.ctx.clock.nowMs();
    await spend(key, 1_000_000, now - 1);
    const from = new Date(now - 2 * DAY_MS).toISOString();
    // Whole hours only without a bucket: the hour under way is not in the report yet.
    const hourly = await allRows({ starting_at: from, ending_at: new Date(now).toISOString(), group_by: ['api_key_id'] });
    expect(hourly.map((row) => row.group.api_key_id)).not.toContain(key);
    const daily = await allRows({ starting_at: from, ending_at: new Date(now).toISOString(), time_bucket_width: '1d', group_by: ['api_key_id'] });
    expect(daily.map((row) => [row.group.api_key_id, Number(row.cost.amount), row.starting_at])).toEqual([
      [key, 300, new Date(now - (now % DAY_MS)).toISOString()],
    ]);
    await expect(client.beta.organization.analytics.cost.list({ starting_at: from, time_bucket_width: '1d' })).rejects.toMatchObject({ status: 400 });
  });

  it('rejects a range over 31 days, a start before 2026 and an unknown dimension with 400', async () => {
    const now = sim.ctx.clock.nowMs();
    const list = (params: Parameters<typeof client.beta.organization.analytics.cost.list>[0]) => client.beta.organization.analytics.cost.list(params);
    await expect(list({ starting_at: new Date(now - 40 * DAY_MS).toISOString(), ending_at: new Date(now).toISOString() })).rejects.toMatchObject({ status: 400 });
    await expect(list({ starting_at: '2025-12-31T00:00:00Z' })).rejects.toMatchObject({ status: 400 });
    await expect(list({ starting_at: new Date(now - DAY_MS).toISOString(), group_by: ['rbac_group_id'] })).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a request without the analytics beta header', async () => {
    const response = await fetch(`${sim.urls.anthropic}/v1/organizations/analytics/cost?starting_at=${encodeURIComponent(new Date().toISOString())}`, {
      headers: { 'x-api-key': sim.credentials.anthropicAdminKey, 'anthropic-version': '2023-06-01' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(body.error.message).toContain('analytics-usage-cost-2026-08-24');
  });
});

