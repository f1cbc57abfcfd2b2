import Anthropic from '@anthropic-ai/sdk';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

// Workspace rate-limit overrides set through the SDK are enforced on /v1/messages.
describe('simulated Anthropic workspace rate limits', () => {
  let sim: RunningVendorSim;
  let admin: Anthropic;

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { anthropicAdminKey: 'sk-ant-admin01-spec-rl' } });
  });
  afterAll(() => sim.stop());

  /** Moves the simulated clock to the start of a minute, so a rate window cannot roll over mid-test. */
  const startOfMinute = () => sim.ctx.clock.advance(60_000 - (sim.ctx.clock.nowMs() % 60_000) + 1);
  beforeEach(async () => {
    await fetch(`${sim.urls.control}/reset`, { method: 'POST' });
    admin = new Anthropic({
      apiKey: sim.credentials.anthropicAdminKey,
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
  });

  async function workspaceKey(name: string) {
    const workspace = await admin.organization.workspaces.create({ name });
    const response = await fetch(`${sim.urls.control}/vendors/anthropic/console/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_id: workspace.id, name: 'dev' }),
    });
    const { secret } = (await response.json()) as { secret: string };
    return {
      workspaceId: workspace.id,
      client: new Anthropic({ apiKey: secret, baseURL: sim.urls.anthropic, maxRetries: 0 }),
    };
  }
  const ask = (client: Anthropic, model = 'claude-haiku-4-5') =>
    client.messages.create({ model, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });

  it('lists organization limits per model group, and none overridden in a new workspace', async () => {
    const organization = await admin.organization.rateLimits.list();
    const haiku = organization.data.find((limit) => limit.models?.includes('claude-haiku-4-5'));
    expect(haiku?.limits).toEqual(expect.arrayContaining([{ type: 'requests_per_minute', value: 4000 }]));
    const { workspaceId } = await workspaceKey('kg-rl-list');
    expect((await admin.organization.workspaces.rateLimits.list(workspaceId)).data).toEqual([]);
    const inherited = await admin.organization.workspaces.rateLimits.list(workspaceId, {
      include_inherited: true,
    });
    expect(inherited.data.length).toBe(organization.data.length);
  });

  it('enforces a workspace requests_per_minute override with 429 and Retry-After, per workspace', async () => {
    const limited = await workspaceKey('kg-rl-limited');
    const other = await workspaceKey('kg-rl-other');
    const organization = await admin.organization.rateLimits.list({ model: 'claude-haiku-4-5' });
    const rateLimitId = organization.data[0]?.id ?? '';
    const updated = await admin.organization.workspaces.rateLimits.update(rateLimitId, {
      workspace_id: limited.workspaceId,
      limits: [{ type: 'requests_per_minute', value: 1 }],
    });
    expect(updated.limits).toEqual(
      expect.arrayContaining([
        { type: 'requests_per_minute', value: 1, org_limit: 4000, source: { type: 'workspace' } },
      ]),
    );

    startOfMinute();
    await ask(limited.client);
    const error = (await ask(limited.client).catch((caught: unknown) => caught)) as InstanceType<
      typeof Anthropic.RateLimitError
    >;
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expect(ask(limited.client, 'claude-sonnet-4-6')).resolves.toBeDefined();
    await expect(ask(other.client)).resolves.toBeDefined();

    await admin.organization.workspaces.rateLimits.update(rateLimitId, {
      workspace_id: limited.workspaceId,
      limits: [{ type: 'requests_per_minute', value: null }],
    });
    await expect(ask(limited.client)).resolves.toBeDefined();
  });

  it('refuses an override above the organization limit', async () => {
    const { workspaceId } = await workspaceKey('kg-rl-above');
    const organization = await admin.organization.rateLimits.list();
    await expect(
      admin.organization.workspaces.rateLimits.update(organization.data[0]?.id ?? '', {
        workspace_id: workspaceId,
        limits: [{ type: 'requests_per_minute', value: 1_000_000 }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });
});
