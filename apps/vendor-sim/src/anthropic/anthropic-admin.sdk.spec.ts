import Anthropic from '@anthropic-ai/sdk';
import { type RunningVendorSim, startVendorSim } from '@sim/start-vendor-sim';

interface ConsoleKey {
  secret: string;
  api_key: { id: string; partial_key_hint: string };
}

// Drives the simulated Anthropic with the real `@anthropic-ai/sdk` 1.x, plus raw HTTP for the 0.x header style.
describe('simulated Anthropic admin API and messages', () => {
  let sim: RunningVendorSim;
  let admin: Anthropic;

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sim.urls.control}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const consoleKey = (workspaceId: string | null, name = 'dev key') =>
    control<ConsoleKey>('POST', '/vendors/anthropic/console/api-keys', { workspace_id: workspaceId, name });
  const developer = (apiKey: string) => new Anthropic({ apiKey, baseURL: sim.urls.anthropic, maxRetries: 0 });
  const ask = (client: Anthropic) =>
    client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
  const rawAdmin = (path: string, headers: Record<string, string>, method = 'GET') =>
    fetch(`${sim.urls.anthropic}${path}`, { method, headers });

  beforeAll(async () => {
    sim = await startVendorSim({ credentials: { anthropicAdminKey: 'sk-ant-admin01-spec' } });
  });
  afterAll(() => sim.stop());
  beforeEach(async () => {
    await control('POST', '/reset');
    admin = new Anthropic({
      apiKey: sim.credentials.anthropicAdminKey,
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
  });

  it('creates, updates, lists and archives workspaces with the SDK', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-team-dev' });
    expect(workspace).toMatchObject({ type: 'workspace', name: 'kg-team-dev', archived_at: null });
    expect(workspace.id).toMatch(/^wrkspc_/);
    const renamed = await admin.organization.workspaces.update(workspace.id, { name: 'kg-team-dev2' });
    expect(renamed.name).toBe('kg-team-dev2');
    const archived = await admin.organization.workspaces.archive(workspace.id);
    expect(archived.archived_at).not.toBeNull();
    const live = await admin.organization.workspaces.list();
    expect(live.data.map((item) => item.id)).not.toContain(workspace.id);
    const all = await admin.organization.workspaces.list({ include_archived: true });
    expect(all.data.map((item) => item.id)).toContain(workspace.id);
  });

  it('pages through workspaces with the SDK auto-pager', async () => {
    for (let index = 0; index < 7; index += 1)
      await admin.organization.workspaces.create({ name: `kg-${index}` });
    const names: string[] = [];
    for await (const workspace of admin.organization.workspaces.list({ limit: 3 }))
      names.push(workspace.name);
    expect(names).toEqual(['kg-0', 'kg-1', 'kg-2', 'kg-3', 'kg-4', 'kg-5', 'kg-6']);
  });

  it('caps workspaces per organization', async () => {
    await control('PUT', '/vendors/anthropic/settings', { workspace_cap: 2 });
    await admin.organization.workspaces.create({ name: 'one' });
    const second = await admin.organization.workspaces.create({ name: 'two' });
    await expect(admin.organization.workspaces.create({ name: 'three' })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
    await admin.organization.workspaces.archive(second.id);
    await expect(admin.organization.workspaces.create({ name: 'three' })).resolves.toMatchObject({
      name: 'three',
    });
  });

  it('adds only existing users as workspace members; an invite becomes a user once accepted', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-members' });
    await expect(
      admin.organization.workspaces.members.add(workspace.id, {
        user_id: 'user_missing',
        workspace_role: 'workspace_developer',
      }),
    ).rejects.toBeInstanceOf(Anthropic.NotFoundError);

    const invite = await admin.organization.invites.create({ email: 'dev@example.com', role: 'developer' });
    expect(invite.status).toBe('pending');
    const user = await control<{ id: string }>('POST', `/vendors/anthropic/invites/${invite.id}/accept`);
    const found = await admin.organization.users.list({ email: 'dev@example.com' });
    expect(found.data.map((item) => item.id)).toEqual([user.id]);

    const member = await admin.organization.workspaces.members.add(workspace.id, {
      user_id: user.id,
      workspace_role: 'workspace_developer',
    });
    expect(member).toMatchObject({
      type: 'workspace_member',
      user_id: user.id,
      workspace_role: 'workspace_developer',
    });
    const members = await admin.organization.workspaces.members.list(workspace.id);
    expect(members.data.map((item) => item.user_id)).toEqual([user.id]);

    await admin.organization.users.remove(user.id);
    const after = await admin.organization.workspaces.members.list(workspace.id);
    expect(after.data).toEqual([]);
  });

  it('has no API to create a key: POST /v1/organizations/api_keys is an unknown route', async () => {
    const response = await fetch(`${sim.urls.anthropic}/v1/organizations/api_keys`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sim.credentials.anthropicAdminKey}`,
        'anthropic-version': '2026-10-21',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'nope' }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { type: string; error: { type: string }; request_id: string };
    expect(body).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect(body.request_id).toBe(response.headers.get('request-id'));
  });

  it('accepts a Console-made key on messages until it is set inactive, and again when reactivated', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-keys' });
    const created = await consoleKey(workspace.id);
    expect(created.secret).toMatch(/^sk-ant-api03-/);
    expect(created.api_key.partial_key_hint).toBe(
      `sk-ant-api03-${created.secret.slice(13, 16)}...${created.secret.slice(-4)}`,
    );

    const listed = await admin.organization.apiKeys.list({ workspace_id: workspace.id });
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]).toMatchObject({
      id: created.api_key.id,
      status: 'active',
      scope: { type: 'workspace', workspace_id: workspace.id },
    });
    expect(JSON.stringify(listed.data)).not.toContain(created.secret);

    const models = await developer(created.secret).models.list();
    expect(models.data.map((model) => model.id)).toContain('claude-haiku-4-5');
    const reply = await ask(developer(created.secret));
    expect(reply.content[0]).toMatchObject({ type: 'text', text: 'Simulated reply from claude-haiku-4-5.' });

    await admin.organization.apiKeys.update(created.api_key.id, { status: 'inactive' });
    await expect(ask(developer(created.secret))).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await admin.organization.apiKeys.update(created.api_key.id, { status: 'active' });
    await expect(ask(developer(created.secret))).resolves.toBeDefined();

    await admin.organization.apiKeys.update(created.api_key.id, { status: 'archived' });
    await expect(ask(developer(created.secret))).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await expect(
      admin.organization.apiKeys.update(created.api_key.id, { status: 'active' }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('archiving a workspace archives its keys', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-archive' });
    const created = await consoleKey(workspace.id);
    await admin.organization.workspaces.archive(workspace.id);
    await expect(admin.organization.apiKeys.retrieve(created.api_key.id)).resolves.toMatchObject({
      status: 'archived',
    });
    await expect(ask(developer(created.secret))).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('accepts both header styles and both API versions, and rejects a missing or unknown version or key', async () => {
    const oldStyle = await rawAdmin('/v1/organizations/me', {
      'x-api-key': sim.credentials.anthropicAdminKey,
      'anthropic-version': '2023-06-01',
    });
    expect(oldStyle.status).toBe(200);
    const newStyle = await rawAdmin('/v1/organizations/me', {
      authorization: `Bearer ${sim.credentials.anthropicAdminKey}`,
      'anthropic-version': '2026-10-21',
    });
    expect(newStyle.status).toBe(200);

    const noVersion = await rawAdmin('/v1/organizations/me', {
      'x-api-key': sim.credentials.anthropicAdminKey,
    });
    expect(noVersion.status).toBe(400);
    const badVersion = await rawAdmin('/v1/organizations/me', {
      'x-api-key': sim.credentials.anthropicAdminKey,
      'anthropic-version': '2024-01-01',
    });
    expect(badVersion.status).toBe(400);
    expect(await badVersion.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
    const noKey = await rawAdmin('/v1/organizations/me', { 'anthropic-version': '2023-06-01' });
    expect(noKey.status).toBe(401);
    const wrongKey = new Anthropic({
      apiKey: 'sk-ant-admin01-wrong',
      baseURL: sim.urls.anthropic,
      maxRetries: 0,
    });
    await expect(wrongKey.organization.workspaces.list()).rejects.toBeInstanceOf(
      Anthropic.AuthenticationError,
    );

    const workspace = await admin.organization.workspaces.create({ name: 'kg-headers' });
    const created = await consoleKey(workspace.id);
    const viaXApiKey = await fetch(`${sim.urls.anthropic}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': created.secret,
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: 'claude-haiku-4-5',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(viaXApiKey.status).toBe(200);
    const asAdmin = new Anthropic({ apiKey: created.secret, baseURL: sim.urls.anthropic, maxRetries: 0 });
    await expect(asAdmin.organization.workspaces.list()).rejects.toBeInstanceOf(
      Anthropic.PermissionDeniedError,
    );
  });

  it('reports usage per api key and cost per workspace from recorded messages', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-usage' });
    const created = await consoleKey(workspace.id);
    const startingAt = new Date(sim.ctx.clock.nowMs() - 3600_000).toISOString();
    await ask(developer(created.secret));
    await ask(developer(created.secret));
    const headers = { 'x-api-key': sim.credentials.anthropicAdminKey, 'anthropic-version': '2023-06-01' };

    const usage = await rawAdmin(
      `/v1/organizations/usage_report/messages?starting_at=${encodeURIComponent(startingAt)}&bucket_width=1h&group_by[]=api_key_id&group_by[]=workspace_id`,
      headers,
    );
    expect(usage.status).toBe(200);
    const usageBody = (await usage.json()) as {
      data: Array<{ results: Array<{ api_key_id: string; workspace_id: string; output_tokens: number }> }>;
    };
    const usageResults = usageBody.data.flatMap((bucket) => bucket.results);
    expect(usageResults.every((result) => result.api_key_id === created.api_key.id)).toBe(true);
    expect(usageResults.every((result) => result.workspace_id === workspace.id)).toBe(true);
    expect(usageResults.reduce((sum, result) => sum + result.output_tokens, 0)).toBeGreaterThan(0);

    const cost = await rawAdmin(
      `/v1/organizations/cost_report?starting_at=${encodeURIComponent(startingAt)}&group_by%5B%5D=workspace_id`,
      headers,
    );
    const costBody = (await cost.json()) as {
      data: Array<{ results: Array<{ amount: string; workspace_id: string }> }>;
    };
    const costResults = costBody.data.flatMap((bucket) => bucket.results);
    expect(costResults).toHaveLength(1);
    expect(costResults[0]?.workspace_id).toBe(workspace.id);
    expect(Number(costResults[0]?.amount)).toBeGreaterThan(0);
  });

  it('a Console key with an expiry reads as expired and stops working once the clock passes it', async () => {
    const workspace = await admin.organization.workspaces.create({ name: 'kg-expiry' });
    const created = await control<ConsoleKey>('POST', '/vendors/anthropic/console/api-keys', {
      workspace_id: workspace.id,
      name: 'short',
      expires_in_seconds: 60,
    });
    await expect(ask(developer(created.secret))).resolves.toBeDefined();
    sim.ctx.clock.advance(60_000);
    await expect(admin.organization.apiKeys.retrieve(created.api_key.id)).resolves.toMatchObject({
      status: 'expired',
    });
    await expect(ask(developer(created.secret))).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('with auto_accept_invites on, an invitee becomes a user at once (sandbox convenience)', async () => {
    await control('PUT', '/vendors/anthropic/settings', { auto_accept_invites: true });
    const invite = await admin.organization.invites.create({ email: 'auto@example.com', role: 'developer' });
    expect(invite.status).toBe('pending');
    const users = await admin.organization.users.list({ email: 'auto@example.com' });
    expect(users.data).toHaveLength(1);
    await expect(admin.organization.invites.retrieve(invite.id)).resolves.toMatchObject({
      status: 'accepted',
    });
  });
});
