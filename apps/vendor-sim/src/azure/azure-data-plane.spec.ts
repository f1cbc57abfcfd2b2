import {
  type AzureFixture,
  chat,
  armToken,
  controlRequest,
  httpsJson,
  openAiAccount,
  RESOURCE_GROUP,
  startAzureFixture,
  SUBSCRIPTION_ID,
} from '@sim/azure/azure-sim-fixture.test';

jest.setTimeout(60_000);

const deploymentBody = (capacity: number) => ({
  sku: { name: 'Standard', capacity },
  properties: { model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' } },
});

describe('Azure simulator: the OpenAI data plane of the accounts it creates', () => {
  let fixture: AzureFixture;
  let endpoint: string;

  beforeAll(async () => {
    fixture = await startAzureFixture();
    const account = await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-carol',
      openAiAccount('keygate-dev-carol'),
    );
    endpoint = account.properties?.endpoint ?? '';
    const deployment = await fixture.arm.deployments.beginCreateOrUpdateAndWait(
      RESOURCE_GROUP,
      'dev-carol',
      'chat',
      deploymentBody(5),
    );
    expect(deployment.properties?.provisioningState).toBe('Succeeded');
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  it('answers with key1, then rejects key1 once it is regenerated while key2 keeps working', async () => {
    const before = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-carol');
    const first = await chat(endpoint, 'chat', before.key1 ?? '', fixture.sim.caPem);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      usage: { total_tokens: expect.any(Number) as unknown },
    });

    const after = await fixture.arm.accounts.regenerateKey(RESOURCE_GROUP, 'dev-carol', 'Key1');
    expect(after.key1).not.toBe(before.key1);
    expect(after.key2).toBe(before.key2);
    expect((await chat(endpoint, 'chat', before.key1 ?? '', fixture.sim.caPem)).status).toBe(401);
    expect((await chat(endpoint, 'chat', before.key2 ?? '', fixture.sim.caPem)).status).toBe(200);
    expect((await chat(endpoint, 'chat', after.key1 ?? '', fixture.sim.caPem)).status).toBe(200);
  });

  it('answers 404 for a model the account has no deployment of', async () => {
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-carol');
    const answer = await chat(endpoint, 'gpt-4o', keys.key1 ?? '', fixture.sim.caPem);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'DeploymentNotFound' } });
  });

  it('publishes the rate limits derived from capacity and enforces them with 429 and Retry-After', async () => {
    const deployment = await fixture.arm.deployments.beginCreateOrUpdateAndWait(
      RESOURCE_GROUP,
      'dev-carol',
      'tiny',
      deploymentBody(1),
    );
    expect(deployment.properties?.rateLimits).toEqual([
      { key: 'request', renewalPeriod: 10, count: 1 },
      { key: 'token', renewalPeriod: 60, count: 1000 },
    ]);
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-carol');
    expect((await chat(endpoint, 'tiny', keys.key2 ?? '', fixture.sim.caPem)).status).toBe(200);
    const limited = await chat(endpoint, 'tiny', keys.key2 ?? '', fixture.sim.caPem);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    fixture.ctx.clock.advance(10_000);
    expect((await chat(endpoint, 'tiny', keys.key2 ?? '', fixture.sim.caPem)).status).toBe(200);
  });

  it('raising the capacity through PATCH raises the published limits', async () => {
    const updated = await fixture.arm.deployments.beginUpdateAndWait(RESOURCE_GROUP, 'dev-carol', 'tiny', {
      sku: { name: 'Standard', capacity: 3 },
    });
    expect(updated.sku?.capacity).toBe(3);
    expect(updated.properties?.rateLimits?.[0]).toEqual({ key: 'request', renewalPeriod: 10, count: 3 });
  });

  it('refuses a deployment beyond the regional per-model quota', async () => {
    await expect(
      fixture.arm.deployments.beginCreateOrUpdateAndWait(
        RESOURCE_GROUP,
        'dev-carol',
        'huge',
        deploymentBody(5000),
      ),
    ).rejects.toMatchObject({ statusCode: 400, code: 'InsufficientQuota' });
  });

  it('records usage per account, deployment and key', async () => {
    const usage = (await controlRequest(fixture.ctx, 'GET', '/vendors/azure/usage')).body as {
      data: Array<Record<string, unknown>>;
    };
    expect(usage.data.length).toBeGreaterThanOrEqual(4);
    expect(usage.data[0]).toMatchObject({
      accountId: expect.stringContaining('/accounts/dev-carol') as unknown,
      deployment: 'chat',
      model: 'gpt-4o-mini',
      keyName: 'key1',
      promptTokens: expect.any(Number) as unknown,
      completionTokens: expect.any(Number) as unknown,
    });
  });

  it('serves Azure Monitor metrics per deployment computed from the recorded calls', async () => {
    const usage = (await controlRequest(fixture.ctx, 'GET', '/vendors/azure/usage')).body as {
      data: Array<{ deployment: string; promptTokens: number; completionTokens: number }>;
    };
    const now = fixture.ctx.clock.nowMs();
    const query = new URLSearchParams({
      'api-version': '2023-10-01',
      metricnames: 'TokenTransaction,AzureOpenAIRequests',
      timespan: `${new Date(now - 3 * 60 * 60 * 1000).toISOString()}/${new Date(now + 60 * 1000).toISOString()}`,
      interval: 'PT1H',
      aggregation: 'Total',
      $filter: "ModelDeploymentName eq '*'",
    });
    const accountId = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/dev-carol`;
    const answer = await httpsJson(
      `${fixture.sim.url}${accountId}/providers/Microsoft.Insights/metrics?${query.toString()}`,
      fixture.sim.caPem,
      {
        headers: { authorization: `Bearer ${await armToken(fixture)}` },
      },
    );
    expect(answer.status).toBe(200);
    type Series = { metadatavalues: Array<{ value: string }>; data: Array<{ total: number }> };
    const metrics = (answer.body as { value: Array<{ name: { value: string }; timeseries: Series[] }> })
      .value;
    const totalFor = (metric: string, deployment: string) =>
      (metrics.find((entry) => entry.name.value === metric)?.timeseries ?? [])
        .filter((series) => series.metadatavalues[0]?.value === deployment)
        .flatMap((series) => series.data)
        .reduce((sum, point) => sum + point.total, 0);
    const chatCalls = usage.data.filter((record) => record.deployment === 'chat');
    expect(totalFor('AzureOpenAIRequests', 'chat')).toBe(chatCalls.length);
    expect(totalFor('TokenTransaction', 'chat')).toBe(
      chatCalls.reduce((sum, record) => sum + record.promptTokens + record.completionTokens, 0),
    );
    expect(totalFor('AzureOpenAIRequests', 'tiny')).toBe(usage.data.length - chatCalls.length);
  });

  it('serves an account without a custom subdomain on its regional endpoint, found by its key', async () => {
    const regional = await fixture.arm.accounts.beginCreateAndWait(RESOURCE_GROUP, 'dev-regional', {
      location: 'westeurope',
      kind: 'OpenAI',
      sku: { name: 'S0' },
    });
    expect(regional.properties?.endpoint).toBe(`${fixture.sim.url}/regions/westeurope/`);
    await fixture.arm.deployments.beginCreateOrUpdateAndWait(
      RESOURCE_GROUP,
      'dev-regional',
      'chat',
      deploymentBody(2),
    );
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-regional');
    expect(
      (await chat(regional.properties?.endpoint ?? '', 'chat', keys.key1 ?? '', fixture.sim.caPem)).status,
    ).toBe(200);
    const carolKeys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-carol');
    expect(
      (await chat(regional.properties?.endpoint ?? '', 'chat', carolKeys.key2 ?? '', fixture.sim.caPem))
        .status,
    ).toBe(401);
  });

  it('stops every key when local auth is disabled or the account is deleted', async () => {
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-carol');
    await fixture.arm.accounts.beginUpdateAndWait(RESOURCE_GROUP, 'dev-carol', {
      properties: { disableLocalAuth: true },
    });
    expect((await chat(endpoint, 'chat', keys.key2 ?? '', fixture.sim.caPem)).status).toBe(403);
    await fixture.arm.accounts.beginUpdateAndWait(RESOURCE_GROUP, 'dev-carol', {
      properties: { disableLocalAuth: false },
    });
    expect((await chat(endpoint, 'chat', keys.key2 ?? '', fixture.sim.caPem)).status).toBe(200);
    await fixture.arm.accounts.beginDeleteAndWait(RESOURCE_GROUP, 'dev-carol');
    expect((await chat(endpoint, 'chat', keys.key2 ?? '', fixture.sim.caPem)).status).toBe(401);
  });
});
