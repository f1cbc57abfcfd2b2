import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startVendorSimForTests, type TestVendorSim } from './start-vendor-sim-for-tests';

// Faults injected through the typed control client, observed through the vendors' real SDKs.
describe('vendor-sim faults seen through the real SDKs', () => {
  let sim: TestVendorSim;
  let openai: OpenAI;

  beforeAll(async () => {
    sim = await startVendorSimForTests();
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await sim.control.reset();
    openai = new OpenAI({
      adminAPIKey: sim.credentials.openaiAdminKey,
      baseURL: sim.urls.openai,
      maxRetries: 0,
    });
  });

  it('a 429 with Retry-After is honoured by the SDK retry, which then succeeds', async () => {
    const since = (await sim.control.journal()).at(-1)?.seq ?? 0;
    await sim.control.addFault({
      vendor: 'openai',
      method: 'POST',
      path: '^/v1/organization/projects$',
      action: { type: 'status', status: 429, retryAfterSeconds: 1 },
    });
    const retrying = new OpenAI({
      adminAPIKey: sim.credentials.openaiAdminKey,
      baseURL: sim.urls.openai,
      maxRetries: 2,
    });
    const started = Date.now();
    const project = await retrying.admin.organization.projects.create({ name: 'kg-after-429' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(project.name).toBe('kg-after-429');
    const calls = await sim.control.journal({ vendor: 'openai', since });
    expect(calls.map((call) => [call.status, call.outcome])).toEqual([
      [429, 'fault_status'],
      [200, 'answered'],
    ]);
  });

  it('a 429 fault answers with the vendor error envelope when the client does not retry', async () => {
    await sim.control.addFault({
      vendor: 'openai',
      action: { type: 'status', status: 429, retryAfterSeconds: 7 },
    });
    const error = (await openai.admin.organization.projects
      .list()
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('7');
    expect(error.requestID).toMatch(/^req_/);
  });

  it('drop_after leaves the object created although the client saw a connection error', async () => {
    await sim.control.addFault({
      vendor: 'openai',
      method: 'POST',
      path: '/projects$',
      action: { type: 'drop_after' },
    });
    await expect(openai.admin.organization.projects.create({ name: 'kg-dropped' })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionError,
    );
    const names: string[] = [];
    for await (const project of openai.admin.organization.projects.list()) names.push(project.name ?? '');
    expect(names).toContain('kg-dropped');
  });

  it('drop_before loses the call: nothing is created', async () => {
    await sim.control.addFault({
      vendor: 'openai',
      method: 'POST',
      path: '/projects$',
      action: { type: 'drop_before' },
    });
    await expect(openai.admin.organization.projects.create({ name: 'kg-lost' })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionError,
    );
    const page = await openai.admin.organization.projects.list();
    expect(page.data.map((project) => project.name)).not.toContain('kg-lost');
  });

  it('pause holds an Anthropic call before it acts until the control API releases it', async () => {
    const anthropic = new Anthropic({
      apiKey: sim.credentials.anthropicAdminKey,
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
    await sim.control.addFault({
      vendor: 'anthropic',
      method: 'POST',
      path: '/workspaces$',
      action: { type: 'pause' },
    });
    const creating = anthropic.organization.workspaces.create({ name: 'kg-paused' });
    const [paused] = await sim.control.waitForPaused(1);
    expect(paused).toMatchObject({
      vendor: 'anthropic',
      method: 'POST',
      path: '/v1/organizations/workspaces',
    });
    const before = await anthropic.organization.workspaces.list();
    expect(before.data).toHaveLength(0);

    await sim.control.release(paused?.id ?? '');
    await expect(creating).resolves.toMatchObject({ name: 'kg-paused' });
    expect(await sim.control.listPaused()).toEqual([]);
  });

  it('a 529 fault on Anthropic comes back as the overloaded_error envelope with request_id', async () => {
    const anthropic = new Anthropic({
      apiKey: sim.credentials.anthropicAdminKey,
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
    await sim.control.addFault({ vendor: 'anthropic', action: { type: 'status', status: 529 } });
    const error = (await anthropic.organization.workspaces
      .list()
      .catch((caught: unknown) => caught)) as InstanceType<typeof Anthropic.APIError>;
    expect(error.status).toBe(529);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
    expect(error.requestID).toMatch(/^req_/);
  });

  it('the Console hook returns a key secret once; the admin API only ever shows its hint', async () => {
    const anthropic = new Anthropic({
      apiKey: sim.credentials.anthropicAdminKey,
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
    const workspace = await anthropic.organization.workspaces.create({ name: 'kg-console' });
    const created = await sim.control.anthropic.createConsoleKey({ workspace_id: workspace.id, name: 'dev' });
    const read = await anthropic.organization.apiKeys.retrieve(created.api_key.id);
    expect(read.partial_key_hint).toBe(created.api_key.partial_key_hint);
    expect(JSON.stringify(read)).not.toContain(created.secret);
  });

  it('reset clears faults, the clock offset and vendor state', async () => {
    await sim.control.addFault({ vendor: '*', times: 0, action: { type: 'latency', ms: 1 } });
    await sim.control.advanceClock(3_600_000);
    await openai.admin.organization.projects.create({ name: 'kg-before-reset' });
    await sim.control.reset();
    expect(await sim.control.listFaults()).toEqual([]);
    expect((await sim.control.clock()).offset_ms).toBe(0);
    const page = await openai.admin.organization.projects.list();
    expect(page.data.map((project) => project.name)).toEqual(['Default project']);
  });
});
