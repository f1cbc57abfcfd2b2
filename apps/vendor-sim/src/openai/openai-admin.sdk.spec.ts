import OpenAI from 'openai';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

// Drives the simulated OpenAI with the real `openai` SDK, as KeyGate's provisioner does.
describe('simulated OpenAI admin API through the openai SDK', () => {
  let sim: RunningVendorSim;
  let admin: OpenAI;
  const org = () => admin.admin.organization;

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { openaiAdminKey: 'sk-admin-spec-openai' } });
  });
  afterAll(() => sim.stop());

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.urls.control}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeEach(async () => {
    expect((await control('POST', '/reset')).status).toBe(200);
    admin = new OpenAI({
      adminAPIKey: sim.credentials.openaiAdminKey,
      baseURL: sim.urls.openai,
      maxRetries: 0,
    });
  });

  const developer = (apiKey: string) => new OpenAI({ apiKey, baseURL: sim.urls.openai, maxRetries: 0 });
  const chat = (client: OpenAI, model = 'gpt-4o-mini') =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hello there' }] });

  async function projectWithKey(name = 'kg-team-dev') {
    const project = await org().projects.create({ name });
    const account = await org().projects.serviceAccounts.create(project.id, { name: 'kg-sa' });
    if (account.api_key === null) throw new Error('expected a key');
    return { project, account, secret: account.api_key.value, keyId: account.api_key.id };
  }

  it('issues a service-account key that works until the service account is deleted', async () => {
    const { project, account, secret, keyId } = await projectWithKey();
    expect(project.id).toMatch(/^proj_/);
    expect(account.id).toMatch(/^svc_acct_/);
    expect(keyId).toMatch(/^key_/);
    expect(secret).toMatch(/^sk-svcacct-/);

    const reply = await chat(developer(secret));
    expect(reply.choices[0]?.message.content).toBe('Simulated reply from gpt-4o-mini.');
    expect(reply.usage?.total_tokens).toBeGreaterThan(0);

    const key = await org().projects.apiKeys.retrieve(keyId, { project_id: project.id });
    expect(key.redacted_value).not.toContain(secret.slice(11, 30));
    expect(key.owner.service_account?.id).toBe(account.id);
    expect(key.last_used_at).not.toBeNull();

    const deleted = await org().projects.serviceAccounts.delete(account.id, { project_id: project.id });
    expect(deleted.deleted).toBe(true);
    await expect(chat(developer(secret))).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('rejects a wrong admin key with 401 and an issued key on admin routes with 403', async () => {
    const wrong = new OpenAI({ adminAPIKey: 'sk-admin-wrong', baseURL: sim.urls.openai, maxRetries: 0 });
    await expect(wrong.admin.organization.projects.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const { secret } = await projectWithKey();
    const misused = new OpenAI({ adminAPIKey: secret, baseURL: sim.urls.openai, maxRetries: 0 });
    await expect(misused.admin.organization.projects.list()).rejects.toBeInstanceOf(
      OpenAI.PermissionDeniedError,
    );
  });

  it('rejects unknown keys on inference', async () => {
    await expect(chat(developer('sk-svcacct-not-a-real-key-000000'))).rejects.toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
  });

  it('pages through projects with the SDK auto-pager', async () => {
    for (let index = 0; index < 25; index += 1) await org().projects.create({ name: `kg-page-${index}` });
    const firstPage = await org().projects.list({ limit: 10 });
    expect(firstPage.data).toHaveLength(10);
    expect(firstPage.has_more).toBe(true);
    const names: string[] = [];
    for await (const project of org().projects.list({ limit: 10 })) names.push(project.name ?? '');
    expect(names).toHaveLength(26);
    expect(names[0]).toBe('Default project');
    expect(new Set(names).size).toBe(26);
  });

  it('archives a project: hidden from lists, no new service accounts, its keys stop working', async () => {
    const { project, secret } = await projectWithKey();
    const archived = await org().projects.archive(project.id);
    expect(archived.status).toBe('archived');
    expect(archived.archived_at).not.toBeNull();
    const visible = await org().projects.list();
    expect(visible.data.map((item) => item.id)).not.toContain(project.id);
    const all = await org().projects.list({ include_archived: true });
    expect(all.data.map((item) => item.id)).toContain(project.id);
    await expect(org().projects.serviceAccounts.create(project.id, { name: 'late' })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
    await expect(chat(developer(secret))).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('answers 404 in the standard envelope for an unknown project', async () => {
    await expect(org().projects.retrieve('proj_missing')).rejects.toMatchObject({
      status: 404,
      type: 'invalid_request_error',
    });
  });

  it('expires a key created with expires_in_seconds when the clock passes it', async () => {
    const { project, account } = await projectWithKey();
    const extra = await org().projects.serviceAccounts.apiKeys.create(account.id, {
      project_id: project.id,
      name: 'short-lived',
      expires_in_seconds: 3600,
    });
    expect(extra.expires_at).toBe(extra.created_at + 3600);
    await expect(chat(developer(extra.value))).resolves.toBeDefined();
    sim.ctx.clock.advance(3600 * 1000);
    await expect(chat(developer(extra.value))).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('deletes a service-account key (7.57 behaviour) but rejects it when switched to the 6.49 behaviour', async () => {
    const { project, account, secret, keyId } = await projectWithKey();
    const second = await org().projects.serviceAccounts.apiKeys.create(account.id, {
      project_id: project.id,
    });

    const switched = await control('PUT', '/vendors/openai/settings', {
      service_account_key_deletion: 'rejected',
    });
    expect(switched.status).toBe(200);
    await expect(org().projects.apiKeys.delete(keyId, { project_id: project.id })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );

    await control('PUT', '/vendors/openai/settings', { service_account_key_deletion: 'allowed' });
    const deleted = await org().projects.apiKeys.delete(keyId, { project_id: project.id });
    expect(deleted).toMatchObject({
      id: keyId,
      deleted: true,
      object: 'organization.project.api_key.deleted',
    });
    await expect(chat(developer(secret))).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(chat(developer(second.value))).resolves.toBeDefined();
    await expect(
      org().projects.serviceAccounts.retrieve(account.id, { project_id: project.id }),
    ).resolves.toMatchObject({
      id: account.id,
    });
  });

  it('creates a service account without a key when asked to', async () => {
    const project = await org().projects.create({ name: 'kg-no-key' });
    const account = await org().projects.serviceAccounts.create(project.id, {
      name: 'bare',
      create_service_account_only: true,
    });
    expect(account).toMatchObject({ role: 'none', api_key: null });
    const keys = await org().projects.apiKeys.list(project.id);
    expect(keys.data).toEqual([]);
  });

  it('sets an expiry on an existing key through the 7.57 key update', async () => {
    const { project, secret, keyId } = await projectWithKey();
    const updated = await org().projects.apiKeys.update(keyId, {
      project_id: project.id,
      expires_in_seconds: 60,
    });
    expect(updated.expires_at).toBe(sim.ctx.clock.nowSeconds() + 60);
    sim.ctx.clock.advance(61_000);
    await expect(chat(developer(secret))).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
