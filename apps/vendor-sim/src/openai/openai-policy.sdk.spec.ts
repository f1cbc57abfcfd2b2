import OpenAI from 'openai';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

// The project policy KeyGate pushes (rate limit, model allow-list, hard spend limit) is enforced on inference.
describe('simulated OpenAI enforces project policy on inference', () => {
  let sim: RunningVendorSim;
  let admin: OpenAI;
  let projectId: string;
  let keyId: string;
  let developer: OpenAI;
  const org = () => admin.admin.organization;

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.urls.control}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const chat = (model = 'gpt-4o-mini') =>
    developer.chat.completions.create({ model, messages: [{ role: 'user', content: 'ping' }] });

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { openaiAdminKey: 'sk-admin-spec-policy' } });
  });
  afterAll(() => sim.stop());

  /** Moves the simulated clock to the start of a minute, so a rate window cannot roll over mid-test. */
  const startOfMinute = () => sim.ctx.clock.advance(60_000 - (sim.ctx.clock.nowMs() % 60_000) + 1);

  beforeEach(async () => {
    await control('POST', '/reset');
    admin = new OpenAI({
      adminAPIKey: sim.credentials.openaiAdminKey,
      baseURL: sim.urls.openai,
      maxRetries: 0,
    });
    const project = await org().projects.create({ name: 'kg-policy' });
    const account = await org().projects.serviceAccounts.create(project.id, { name: 'kg-sa' });
    projectId = project.id;
    keyId = account.api_key?.id ?? '';
    developer = new OpenAI({ apiKey: account.api_key?.value ?? '', baseURL: sim.urls.openai, maxRetries: 0 });
  });

  it('seeds one rate limit per model and enforces max_requests_per_1_minute with 429 and Retry-After', async () => {
    const limits = await org().projects.rateLimits.listRateLimits(projectId);
    const models = limits.data.map((limit) => limit.model);
    expect(models).toEqual(expect.arrayContaining(['gpt-4o', 'gpt-4o-mini']));
    const mini = limits.data.find((limit) => limit.model === 'gpt-4o-mini');
    const updated = await org().projects.rateLimits.updateRateLimit(mini?.id ?? '', {
      project_id: projectId,
      max_requests_per_1_minute: 2,
    });
    expect(updated.max_requests_per_1_minute).toBe(2);

    startOfMinute();
    await chat();
    await chat();
    const error = (await chat().catch((caught: unknown) => caught)) as InstanceType<
      typeof OpenAI.RateLimitError
    >;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expect(chat('gpt-4o')).resolves.toBeDefined();

    sim.ctx.clock.advance(60_000);
    await expect(chat()).resolves.toBeDefined();
  });

  it('enforces max_tokens_per_1_minute with a tokens 429', async () => {
    await org().projects.rateLimits.updateRateLimit('rl-gpt-4o-mini', {
      project_id: projectId,
      max_tokens_per_1_minute: 50,
    });
    const long = 'x'.repeat(100); // 25 prompt tokens + 9 reply tokens: one call fits in 50, two do not
    const ask = () =>
      developer.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: long }],
      });
    startOfMinute();
    const first = await ask().withResponse();
    expect(Number(first.response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(50);
    await expect(ask()).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'tokens' });
    sim.ctx.clock.advance(60_000);
    await expect(ask()).resolves.toBeDefined();
  });

  it('rejects a rate limit above the organization limit', async () => {
    await expect(
      org().projects.rateLimits.updateRateLimit('rl-gpt-4o', {
        project_id: projectId,
        max_requests_per_1_minute: 10_000_000,
      }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('enforces the model allow-list on chat and on the model list', async () => {
    const permissions = await org().projects.modelPermissions.update(projectId, {
      mode: 'allow_list',
      model_ids: ['gpt-4o-mini'],
    });
    expect(permissions).toMatchObject({ object: 'project.model_permissions', mode: 'allow_list' });
    await expect(chat('gpt-4o-mini')).resolves.toBeDefined();
    await expect(chat('gpt-4o')).rejects.toMatchObject({ status: 403, code: 'model_not_found' });
    const listed = await developer.models.list();
    expect(listed.data.map((model) => model.id)).toEqual(['gpt-4o-mini']);

    await org().projects.modelPermissions.delete(projectId);
    await expect(chat('gpt-4o')).resolves.toBeDefined();
  });

  it('stops inference with insufficient_quota once recorded spend reaches the hard spend limit', async () => {
    const limit = await org().projects.spendLimit.update(projectId, {
      threshold_amount: 100,
      currency: 'USD',
      interval: 'month',
    });
    expect(limit).toMatchObject({ threshold_amount: 100, enforcement: { status: 'inactive' } });
    await expect(chat()).resolves.toBeDefined();

    // 1M input tokens of gpt-4o = 250 cents, as if the developer had used the key heavily.
    const recorded = await control('POST', '/vendors/openai/usage', {
      project_id: projectId,
      api_key_id: keyId,
      model: 'gpt-4o',
      input_tokens: 1_000_000,
    });
    expect(recorded.status).toBe(200);
    await expect(chat()).rejects.toMatchObject({
      status: 429,
      code: 'insufficient_quota',
      type: 'insufficient_quota',
    });
    await expect(org().projects.spendLimit.retrieve(projectId)).resolves.toMatchObject({
      enforcement: { status: 'enforcing' },
    });

    await org().projects.spendLimit.delete(projectId);
    await expect(chat()).resolves.toBeDefined();
  });

  it('reports usage and costs per project and api key from what inference recorded', async () => {
    const start = sim.ctx.clock.nowSeconds() - 60;
    await chat();
    await chat('gpt-4o');
    const usage = await org().usage.completions({
      start_time: start,
      group_by: ['project_id', 'api_key_id', 'model'],
      project_ids: [projectId],
    });
    const results = usage.data.flatMap((bucket) => bucket.results) as unknown as Array<
      Record<string, unknown>
    >;
    expect(results).toHaveLength(2);
    expect(results.every((result) => result.project_id === projectId && result.api_key_id === keyId)).toBe(
      true,
    );
    expect(results.map((result) => result.model).sort()).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(results.reduce((sum, result) => sum + Number(result.num_model_requests), 0)).toBe(2);

    const costs = await org().usage.costs({
      start_time: start,
      group_by: ['api_key_id'],
      api_key_ids: [keyId],
    });
    const costResults = costs.data.flatMap((bucket) => bucket.results) as Array<{
      amount?: { value: number };
    }>;
    expect(costResults).toHaveLength(1);
    expect(costResults[0]?.amount?.value).toBeGreaterThan(0);
  });
});
