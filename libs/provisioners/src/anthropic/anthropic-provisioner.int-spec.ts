import Anthropic, { AuthenticationError } from '@anthropic-ai/sdk';
import type { DecryptedConnection, ProvisionResult } from '../contract';
import { collect, FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { startSimHarness, type SimHarness } from '../test-support/sim-harness.test';
import { AnthropicProvisioner } from './anthropic-provisioner';

interface ConsoleKey {
  secret: string;
  api_key: { id: string; partial_key_hint: string };
}

describe('AnthropicProvisioner against the vendor simulator', () => {
  let sim: SimHarness;
  let provisioner: AnthropicProvisioner;
  let conn: DecryptedConnection;
  let admin: Anthropic['organization'];

  const addUser = (email: string) => sim.control<{ id: string }>('POST', '/vendors/anthropic/users', { email, role: 'developer' });
  const consoleKey = (workspaceId: string, userId: string, name = 'my key') =>
    sim.control<ConsoleKey>('POST', '/vendors/anthropic/console/api-keys', { workspace_id: workspaceId, name, created_by_user_id: userId });
  const message = (secret: string) =>
    new Anthropic({ apiKey: secret, baseURL: sim.urls.anthropic, maxRetries: 0 }).messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'hello' }],
    });

  async function provisionForUser(): Promise<{ result: ProvisionResult; userId: string }> {
    const intent = intentFor();
    const user = await addUser(intent.developer.email);
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    return { result, userId: user.id };
  }

  beforeAll(async () => {
    sim = await startSimHarness();
    provisioner = new AnthropicProvisioner({ anthropic: { baseUrl: sim.urls.anthropic }, retry: FAST_RETRY });
    conn = { id: 'conn_ant', vendor: 'anthropic', label: 'Sandbox Anthropic', adminCredential: sim.credentials.anthropicAdminKey, settings: {} };
    admin = new Anthropic({ apiKey: sim.credentials.anthropicAdminKey, baseURL: sim.urls.anthropic, maxRetries: 0 }).organization;
  });

  afterEach(() => sim.clearFaults());
  afterAll(() => sim.stop());

  it('creates a workspace with the developer as workspace_developer and hands out instructions instead of a secret', async () => {
    const intent = intentFor();
    const user = await addUser(intent.developer.email);
    const { record, steps } = recordSteps();
    const result = await provisioner.provision(conn, intent, record);

    expect(result).toMatchObject({ secret: null, hint: null, vendorKeyId: null, refs: { user_id: user.id } });
    expect(JSON.stringify(result.instructions)).toContain(result.scopeName);
    expect(steps.map((s) => s.step)).toEqual(['workspace_created', 'policy_pushed', 'developer_added']);
    expect(result.instructions['workspace_cap_warning']).toBeUndefined();
    expect((await admin.workspaces.retrieve(result.scopeId)).name).toBe(result.scopeName);
    const member = await admin.workspaces.members.retrieve(user.id, { workspace_id: result.scopeId });
    expect(member.workspace_role).toBe('workspace_developer');
  });

  it("binds the developer's console key, reports other keys as strays, and revoke makes every one of them fail", async () => {
    const { result, userId } = await provisionForUser();
    await expect(provisioner.bindConsoleKey(conn, result)).resolves.toBeNull();

    const mine = await consoleKey(result.scopeId, userId);
    const other = await addUser(`someone.${Date.now()}@example.com`);
    const stray = await consoleKey(result.scopeId, other.id, 'not mine');
    const binding = await provisioner.bindConsoleKey(conn, result);
    expect(binding).toEqual({ vendorKeyId: mine.api_key.id, hint: `sk-ant-api03-…${mine.secret.slice(-4)}`, strayKeyIds: [stray.api_key.id] });
    await message(mine.secret);

    const bound = { ...result, vendorKeyId: binding?.vendorKeyId ?? null };
    await provisioner.revoke(conn, bound, { offboard: false });
    await expect(message(mine.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(message(stray.secret)).rejects.toBeInstanceOf(AuthenticationError);
    expect((await admin.apiKeys.retrieve(mine.api_key.id)).status).toBe('archived');

    await provisioner.revoke(conn, bound, { offboard: false });
    await provisioner.revoke(conn, bound, { offboard: true });
    expect((await admin.workspaces.retrieve(result.scopeId)).archived_at).toBeTruthy();
    await provisioner.revoke(conn, bound, { offboard: true });
  });

  it('sets the rate limit as a workspace limit, which Anthropic enforces and readPolicy reads back', async () => {
    const intent = intentFor({ rateLimitRpm: 2 });
    const user = await addUser(intent.developer.email);
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    const limits = await collect(admin.workspaces.rateLimits.list(result.scopeId, { group_type: 'model_group' }));
    expect(limits.length).toBeGreaterThan(0);
    for (const limit of limits) expect(limit.limits.find((v) => v.type === 'requests_per_minute')).toMatchObject({ value: 2, source: { type: 'workspace' } });
    await expect(provisioner.readPolicy(conn, result)).resolves.toEqual({ rateLimitRpm: 2 });

    const key = await consoleKey(result.scopeId, user.id);
    await message(key.secret);
    await message(key.secret);
    await expect(message(key.secret)).rejects.toMatchObject({ status: 429 });
  });

  it('invites a developer who is not in the organization yet and adds them once they accepted', async () => {
    const intent = intentFor();
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    const inviteId = result.refs['invite_id'] ?? '';
    expect(inviteId).toMatch(/^invite_/);
    expect(JSON.stringify(result.instructions)).toMatch(/invitation/);

    const user = await sim.control<{ id: string }>('POST', `/vendors/anthropic/invites/${inviteId}/accept`);
    await expect(provisioner.bindConsoleKey(conn, result)).resolves.toBeNull();
    const member = await admin.workspaces.members.retrieve(user.id, { workspace_id: result.scopeId });
    expect(member.workspace_role).toBe('workspace_developer');
    const key = await consoleKey(result.scopeId, user.id);
    await expect(provisioner.bindConsoleKey(conn, result)).resolves.toMatchObject({ vendorKeyId: key.api_key.id });
  });

  it('rotates in the same workspace: the new console key is bound, the old one dies at revokeSuperseded', async () => {
    const { result, userId } = await provisionForUser();
    const old = await consoleKey(result.scopeId, userId, 'old');
    const oldRef = { ...result, vendorKeyId: old.api_key.id };

    const rotated = await provisioner.rotate(conn, oldRef, intentFor());
    expect(rotated).toMatchObject({ scopeId: result.scopeId, secret: null, vendorKeyId: null });
    await expect(provisioner.bindConsoleKey(conn, rotated)).resolves.toBeNull();
    const fresh = await consoleKey(result.scopeId, userId, 'new');
    await expect(provisioner.bindConsoleKey(conn, rotated)).resolves.toMatchObject({ vendorKeyId: fresh.api_key.id });

    await provisioner.revokeSuperseded(conn, oldRef);
    await expect(message(old.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await message(fresh.secret);
  });

  it('finds the workspace an interrupted provision left behind, and revoke with offboarding archives it', async () => {
    const intent = intentFor();
    await addUser(intent.developer.email);
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/members$', times: 0, action: { type: 'drop_after' } });
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/members/', times: 0, action: { type: 'drop_after' } });
    expect((await vendorErrorOf(provisioner.provision(conn, intent, recordSteps().record))).kind).toBe('vendor_unavailable');
    sim.clearFaults();

    const found = await provisioner.findByIntent(conn, intent.intentId);
    expect(found).toHaveLength(1);
    await provisioner.revoke(conn, found[0] ?? { scopeId: '', scopeName: '', vendorKeyId: null, refs: {} }, { offboard: true });
    await expect(provisioner.findByIntent(conn, intent.intentId)).resolves.toEqual([]);
  });

  it('survives a dropped answer to workspace creation without a second workspace', async () => {
    const intent = intentFor();
    await addUser(intent.developer.email);
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/workspaces$', action: { type: 'drop_after' } });
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    const named = (await collect(admin.workspaces.list({ limit: 100 }))).filter((w) => w.name === result.scopeName);
    expect(named).toHaveLength(1);
  });

  it('lists managed workspaces with their keys', async () => {
    const { result, userId } = await provisionForUser();
    const key = await consoleKey(result.scopeId, userId);
    const managed = await collect(provisioner.listManaged(conn));
    expect(managed.find((scope) => scope.scopeId === result.scopeId)).toMatchObject({ scopeName: result.scopeName, vendorKeyIds: [key.api_key.id] });
  });

  it('reads the cost of every workspace and every key from one cost report read', async () => {
    const first = await provisionForUser();
    const second = await provisionForUser();
    const firstKey = await consoleKey(first.result.scopeId, first.userId);
    const secondKey = await consoleKey(second.result.scopeId, second.userId);
    await sim.control('POST', '/vendors/anthropic/usage', { model: 'claude-sonnet-4-5', api_key_id: firstKey.api_key.id, input_tokens: 1_000_000, output_tokens: 0 });
    await sim.control('POST', '/vendors/anthropic/usage', { model: 'claude-sonnet-4-5', api_key_id: secondKey.api_key.id, input_tokens: 2_000_000, output_tokens: 0 });
    const costs = await provisioner.usageByScope(conn, { from: new Date(Date.now() - 24 * 3600 * 1000), to: new Date(Date.now() + 3600 * 1000) });
    expect(costs.byScope.get(first.result.scopeId)).toBeCloseTo(3, 2);
    expect(costs.byScope.get(second.result.scopeId)).toBeCloseTo(6, 2);
    expect(costs.byKey?.get(firstKey.api_key.id)).toBeCloseTo(3, 2);
    expect(costs.byKey?.get(secondKey.api_key.id)).toBeCloseTo(6, 2);
  });

  it('suspends a key (inactive: 401) and resumes it (200), each step idempotent, and refuses to resume an archived key', async () => {
    const { result, userId } = await provisionForUser();
    const key = await consoleKey(result.scopeId, userId);
    const ref = { ...result, vendorKeyId: key.api_key.id };
    await provisioner.setKeyEnabled(conn, ref, false);
    await provisioner.setKeyEnabled(conn, ref, false);
    expect((await admin.apiKeys.retrieve(key.api_key.id)).status).toBe('inactive');
    await expect(message(key.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await provisioner.setKeyEnabled(conn, ref, true);
    await provisioner.setKeyEnabled(conn, ref, true);
    expect((await admin.apiKeys.retrieve(key.api_key.id)).status).toBe('active');
    await expect(message(key.secret)).resolves.toMatchObject({ type: 'message' });
    await provisioner.revoke(conn, ref, { offboard: false });
    await provisioner.setKeyEnabled(conn, ref, false);
    expect(await vendorErrorOf(provisioner.setKeyEnabled(conn, ref, true))).toMatchObject({ kind: 'precondition_failed' });
  });

  it('waits for retry-after on 429', async () => {
    sim.addFault({ vendor: 'anthropic', method: 'GET', path: '/workspaces$', action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(provisioner.checkConnection(conn)).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx a bounded number of times, then reports the vendor unavailable', async () => {
    const rule = sim.addFault({ vendor: 'anthropic', method: 'GET', path: '/workspaces$', times: 0, action: { type: 'status', status: 529 } });
    expect((await vendorErrorOf(provisioner.workspaceUsage(conn))).kind).toBe('vendor_unavailable');
    expect(sim.firedCount(rule.id)).toBe(FAST_RETRY.maxAttempts);
  });

  it('reports a wrong admin key as a rejected connection without echoing it', async () => {
    const wrong = { ...conn, adminCredential: 'sk-ant-admin01-wrong-abcdefghijklmnop' };
    const error = await vendorErrorOf(provisioner.provision(wrong, intentFor(), recordSteps().record));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).toContain('"Sandbox Anthropic" (conn_ant)');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('abcdefghijklmnop');
  });

  it('warns from 80 workspaces on, before the cap of 100', async () => {
    const before = await provisioner.workspaceUsage(conn);
    for (let i = before.used; i < 80; i += 1) await admin.workspaces.create({ name: `filler-${i}` });
    await expect(provisioner.workspaceUsage(conn)).resolves.toEqual({ used: 80, cap: 100, nearCap: true });
    expect((await provisioner.checkConnection(conn)).detail).toMatch(/80 of 100 workspaces.*per-team/);
    const result = await provisioner.provision(conn, intentFor(), recordSteps().record);
    expect(result.instructions['workspace_cap_warning']).toMatch(/^81 of the Anthropic organization's 100 workspaces.*per-team/);
  });

  it('explains a full organization (100 workspaces) as a precondition instead of a bare vendor error', async () => {
    const before = await provisioner.workspaceUsage(conn);
    for (let i = before.used; i < 100; i += 1) await admin.workspaces.create({ name: `more-filler-${i}` });
    const error = await vendorErrorOf(provisioner.provision(conn, intentFor(), recordSteps().record));
    expect(error.kind).toBe('precondition_failed');
    expect(error.message).toMatch(/100 workspaces.*per-team workspaces/);
  });
});
