import { OpenAI, AuthenticationError, PermissionDeniedError } from 'openai';
import type { DecryptedConnection } from '../contract';
import { collect, FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { startSimHarness, type SimHarness } from '../test-support/sim-harness.test';
import { OpenAIProvisioner } from './openai-provisioner';

describe('OpenAIProvisioner against the vendor simulator', () => {
  let sim: SimHarness;
  let provisioner: OpenAIProvisioner;
  let conn: DecryptedConnection;
  let admin: OpenAI['admin']['organization'];

  const chat = (secret: string, model = 'gpt-4o-mini') =>
    new OpenAI({ apiKey: secret, baseURL: sim.urls.openai, maxRetries: 0 }).chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'hello' }],
    });

  beforeAll(async () => {
    sim = await startSimHarness();
    provisioner = new OpenAIProvisioner({ openai: { baseUrl: sim.urls.openai }, retry: FAST_RETRY });
    conn = { id: 'conn_openai', vendor: 'openai', label: 'Sandbox org', adminCredential: sim.credentials.openaiAdminKey, settings: {} };
    admin = new OpenAI({ adminAPIKey: sim.credentials.openaiAdminKey, baseURL: sim.urls.openai, maxRetries: 0 }).admin.organization;
  });

  afterEach(() => sim.clearFaults());
  afterAll(() => sim.stop());

  it('issues a key that works with the OpenAI SDK, and stops working once revoked', async () => {
    const { record, steps } = recordSteps();
    const result = await provisioner.provision(conn, intentFor(), record);

    expect(result.secret).toMatch(/^sk-/);
    expect(result.hint).toMatch(/….{4}$/);
    expect(result.hint).not.toContain(result.secret?.slice(-8, -4));
    expect(result.instructions).toMatchObject({ base_url: sim.urls.openai, auth_header: 'Authorization: Bearer <key>' });
    expect(steps.map((s) => s.step)).toEqual(['project_created', 'policy_pushed', 'service_account_created', 'key_created']);
    const reply = await chat(result.secret ?? '');
    expect(reply.choices[0]?.message.content).toBeTruthy();

    await provisioner.revoke(conn, result, { offboard: false });
    await expect(chat(result.secret ?? '')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('pushes budget, rate limit and model allow-list to the project, where the vendor enforces them', async () => {
    const result = await provisioner.provision(conn, intentFor({ budgetLimitUsd: 12.34, rateLimitRpm: 2, modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record);

    const permissions = await admin.projects.modelPermissions.retrieve(result.scopeId);
    expect(permissions).toMatchObject({ mode: 'allow_list', model_ids: ['gpt-4o-mini'] });
    expect((await admin.projects.spendLimit.retrieve(result.scopeId)).threshold_amount).toBe(1234);
    const limits = await collect(admin.projects.rateLimits.listRateLimits(result.scopeId));
    expect(limits.find((limit) => limit.model === 'gpt-4o-mini')?.max_requests_per_1_minute).toBe(2);
    await expect(provisioner.readPolicy(conn, result)).resolves.toEqual({ rateLimitRpm: 2, modelsAllowed: ['gpt-4o-mini'], budgetLimitUsd: 12.34 });

    await expect(chat(result.secret ?? '', 'gpt-4o')).rejects.toBeInstanceOf(PermissionDeniedError);
    await chat(result.secret ?? '');
    await chat(result.secret ?? '');
    await expect(chat(result.secret ?? '')).rejects.toMatchObject({ status: 429 });
  });

  it('without an allow-list, limits every model and leaves model permissions open', async () => {
    const result = await provisioner.provision(conn, intentFor({ rateLimitRpm: 7, modelsAllowed: null }), recordSteps().record);
    const limits = await collect(admin.projects.rateLimits.listRateLimits(result.scopeId));
    expect(limits.length).toBeGreaterThan(1);
    expect(new Set(limits.map((limit) => limit.max_requests_per_1_minute))).toEqual(new Set([7]));
    await expect(provisioner.readPolicy(conn, result)).resolves.toEqual({ rateLimitRpm: 7, modelsAllowed: null, budgetLimitUsd: 25 });
    await chat(result.secret ?? '', 'gpt-4o');
  });

  it("keeps the organization's limit when the requested rate limit is above it", async () => {
    const result = await provisioner.provision(conn, intentFor({ rateLimitRpm: 1_000_000, modelsAllowed: ['gpt-4o'] }), recordSteps().record);
    const limits = await collect(admin.projects.rateLimits.listRateLimits(result.scopeId));
    expect(limits.find((limit) => limit.model === 'gpt-4o')?.max_requests_per_1_minute).toBe(5000);
    await chat(result.secret ?? '', 'gpt-4o');
  });

  it('gives the key an expiry at OpenAI', async () => {
    const expiresAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const result = await provisioner.provision(conn, intentFor({ expiresAt }), recordSteps().record);
    const key = await admin.projects.apiKeys.retrieve(result.vendorKeyId ?? '', { project_id: result.scopeId });
    expect(Math.abs((key.expires_at ?? 0) - expiresAt.getTime() / 1000)).toBeLessThan(120);
  });

  it('treats revoking twice as success and archives the project when offboarding', async () => {
    const result = await provisioner.provision(conn, intentFor(), recordSteps().record);
    await provisioner.revoke(conn, result, { offboard: false });
    await provisioner.revoke(conn, result, { offboard: false });
    await provisioner.revoke(conn, result, { offboard: true });
    expect((await admin.projects.retrieve(result.scopeId)).status).toBe('archived');
    await provisioner.revoke(conn, result, { offboard: true });
  });

  it('rotates inside the same project: both keys work until the old one is revoked', async () => {
    const intent = intentFor();
    const first = await provisioner.provision(conn, intent, recordSteps().record);
    const second = await provisioner.rotate(conn, first, { ...intentFor(), developer: intent.developer }, recordSteps().record);

    expect(second.scopeId).toBe(first.scopeId);
    expect(second.refs['service_account_id']).not.toBe(first.refs['service_account_id']);
    await chat(first.secret ?? '');
    await chat(second.secret ?? '');
    await provisioner.revokeSuperseded(conn, first);
    await expect(chat(first.secret ?? '')).rejects.toBeInstanceOf(AuthenticationError);
    await chat(second.secret ?? '');
  });

  it('survives a dropped answer to project creation without making a second project', async () => {
    const intent = intentFor();
    sim.addFault({ vendor: 'openai', method: 'POST', path: '/organization/projects$', action: { type: 'drop_after' } });
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    const named = (await collect(admin.projects.list({ limit: 100 }))).filter((project) => project.name === result.scopeName);
    expect(named).toHaveLength(1);
    await chat(result.secret ?? '');
  });

  it('replaces the service account when a key nobody received exists, even where OpenAI refuses to delete SA keys', async () => {
    await sim.control('PUT', '/vendors/openai/settings', { service_account_key_deletion: 'rejected' });
    try {
      sim.addFault({ vendor: 'openai', method: 'POST', path: '/api_keys$', action: { type: 'drop_after' } });
      const result = await provisioner.provision(conn, intentFor(), recordSteps().record);
      const accounts = await collect(admin.projects.serviceAccounts.list(result.scopeId));
      expect(accounts.map((account) => account.id)).toEqual([result.refs['service_account_id']]);
      const keys = await collect(admin.projects.apiKeys.list(result.scopeId));
      expect(keys.map((key) => key.id)).toEqual([result.vendorKeyId]);
      await chat(result.secret ?? '');
    } finally {
      await sim.control('PUT', '/vendors/openai/settings', { service_account_key_deletion: 'allowed' });
    }
  });

  it('finds what an interrupted provision left behind by its intent, and revoke removes it', async () => {
    const intent = intentFor();
    sim.addFault({ vendor: 'openai', method: 'POST', path: '/api_keys$', times: 0, action: { type: 'drop_after' } });
    const error = await vendorErrorOf(provisioner.provision(conn, intent, recordSteps().record));
    expect(error.kind).toBe('vendor_unavailable');
    sim.clearFaults();

    const found = await provisioner.findByIntent(conn, intent.intentId);
    expect(found).toHaveLength(1);
    expect(found[0]?.refs['service_account_id']).toBeTruthy();
    const projectKeys = await collect(admin.projects.apiKeys.list(found[0]?.scopeId ?? ''));
    expect(projectKeys.length).toBeGreaterThan(0);

    for (const ref of found) await provisioner.revoke(conn, ref, { offboard: true });
    await expect(provisioner.findByIntent(conn, intent.intentId)).resolves.toEqual([]);
  });

  it('lists every managed project with its keys', async () => {
    const result = await provisioner.provision(conn, intentFor(), recordSteps().record);
    const managed = await collect(provisioner.listManaged(conn));
    const scope = managed.find((item) => item.scopeId === result.scopeId);
    expect(scope).toMatchObject({ scopeName: result.scopeName, vendorKeyIds: [result.vendorKeyId] });
    expect(scope?.intentPrefix).toHaveLength(8);
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    sim.addFault({ vendor: 'openai', method: 'GET', path: '/organization/projects$', action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(provisioner.checkConnection(conn)).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx a bounded number of times, then reports the vendor unavailable', async () => {
    const rule = sim.addFault({ vendor: 'openai', method: 'GET', path: '/organization/projects$', times: 0, action: { type: 'status', status: 503 } });
    const error = await vendorErrorOf(provisioner.checkConnection(conn));
    expect(error.kind).toBe('vendor_unavailable');
    expect(sim.firedCount(rule.id)).toBe(FAST_RETRY.maxAttempts);
  });

  it('gives up on a call that hangs past the request timeout and tries again', async () => {
    const quick = new OpenAIProvisioner({ openai: { baseUrl: sim.urls.openai }, retry: FAST_RETRY, requestTimeoutMs: 300 });
    const rule = sim.addFault({ vendor: 'openai', method: 'GET', path: '/organization/projects$', action: { type: 'latency', ms: 2000 } });
    await expect(quick.checkConnection(conn)).resolves.toMatchObject({ ok: true });
    expect(sim.firedCount(rule.id)).toBe(1);
  });

  it('reports a wrong admin key as a rejected connection without echoing it', async () => {
    const wrongKey = 'sk-admin-wrong-0123456789abcdefghij';
    const wrong = { ...conn, adminCredential: wrongKey };
    const error = await vendorErrorOf(provisioner.provision(wrong, intentFor(), recordSteps().record));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).toContain('"Sandbox org" (conn_openai)');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('0123456789abcdefghij');
    await expect(provisioner.checkConnection(wrong)).resolves.toMatchObject({ ok: false });
  });

  it('reads the cost of every project from one pass over the costs report', async () => {
    const spent = await provisioner.provision(conn, intentFor(), recordSteps().record);
    const idle = await provisioner.provision(conn, intentFor(), recordSteps().record);
    await sim.control('POST', '/vendors/openai/usage', { project_id: spent.scopeId, model: 'gpt-4o', api_key_id: spent.vendorKeyId ?? undefined, input_tokens: 1_000_000, output_tokens: 0 });
    const costs = await provisioner.usageByScope(conn, { from: new Date(Date.now() - 24 * 3600 * 1000), to: new Date(Date.now() + 3600 * 1000) });
    expect(costs.byScope.get(spent.scopeId)).toBeCloseTo(2.5, 2);
    expect(costs.byScope.get(idle.scopeId) ?? 0).toBe(0);
    expect(costs.byKey).toBeUndefined();
  });
});
