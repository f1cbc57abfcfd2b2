import Anthropic, { AuthenticationError } from '@anthropic-ai/sdk';
import type { DecryptedConnection, ProvisionIntent, ProvisionResult, VendorKeyRef } from '../contract';
import { collect, FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { startSimHarness, type SimHarness } from '../test-support/sim-harness.test';
import { AnthropicProvisioner } from './anthropic-provisioner';

interface ConsoleKey {
  secret: string;
  api_key: { id: string };
}

describe('AnthropicProvisioner with one workspace per team (workspace_scope: team)', () => {
  let sim: SimHarness;
  let provisioner: AnthropicProvisioner;
  let conn: DecryptedConnection;
  let admin: Anthropic['organization'];
  let teamCounter = 0;

  const addUser = (email: string) => sim.control<{ id: string }>('POST', '/vendors/anthropic/users', { email, role: 'developer' });
  const consoleKey = (workspaceId: string, userId: string, name = 'my key') =>
    sim.control<ConsoleKey>('POST', '/vendors/anthropic/console/api-keys', { workspace_id: workspaceId, name, created_by_user_id: userId });
  const message = (secret: string) =>
    new Anthropic({ apiKey: secret, baseURL: sim.urls.anthropic, maxRetries: 0 }).messages.create({ model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hello' }] });
  const isMember = async (workspaceId: string, userId: string) =>
    (await collect(admin.workspaces.members.list(workspaceId, { limit: 100 }))).some((member) => member.user_id === userId);
  const workspacesNamed = async (name: string) => (await collect(admin.workspaces.list({ limit: 100 }))).filter((w) => w.name === name);

  function teammate(team: string, name: string): ProvisionIntent {
    const intent = intentFor({}, name);
    return { ...intent, developer: { ...intent.developer, team } };
  }

  async function seat(intent: ProvisionIntent): Promise<{ result: ProvisionResult; userId: string }> {
    const user = await addUser(intent.developer.email);
    return { result: await provisioner.provision(conn, intent, recordSteps().record), userId: user.id };
  }

  const newTeam = () => `Team ${++teamCounter} ${Date.now()}`;
  const bound = (result: ProvisionResult, vendorKeyId: string): VendorKeyRef => ({ ...result, vendorKeyId });

  beforeAll(async () => {
    sim = await startSimHarness();
    provisioner = new AnthropicProvisioner({ anthropic: { baseUrl: sim.urls.anthropic }, retry: FAST_RETRY });
    conn = { id: 'conn_team', vendor: 'anthropic', label: 'Team Anthropic', adminCredential: sim.credentials.anthropicAdminKey, settings: { workspace_scope: 'team' } };
    admin = new Anthropic({ apiKey: sim.credentials.anthropicAdminKey, baseURL: sim.urls.anthropic, maxRetries: 0 }).organization;
  });

  afterEach(() => sim.clearFaults());
  afterAll(() => sim.stop());

  it('puts two developers of one team in one workspace, each a workspace_developer, and a third team apart', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const bob = await seat(teammate(team, 'Bob'));
    const other = await seat(teammate(newTeam(), 'Cy'));

    expect(bob.result.scopeId).toBe(ada.result.scopeId);
    expect(other.result.scopeId).not.toBe(ada.result.scopeId);
    expect(ada.result.scopeName).toMatch(/^kg-team-\d+-\d+-t[0-9a-f]{7}$/);
    expect(await workspacesNamed(ada.result.scopeName)).toHaveLength(1);
    for (const { userId } of [ada, bob]) {
      expect((await admin.workspaces.members.retrieve(userId, { workspace_id: ada.result.scopeId })).workspace_role).toBe('workspace_developer');
    }
    expect(ada.result).toMatchObject({ vendorKeyId: null, secret: null, refs: { workspace_scope: 'team', user_id: ada.userId } });
    expect(JSON.stringify(ada.result.instructions)).toContain(ada.result.scopeName);
  });

  it("binds each developer's own console key to their own row and never a teammate's", async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const bob = await seat(teammate(team, 'Bob'));
    const bobKey = await consoleKey(bob.result.scopeId, bob.userId, 'bob');
    await expect(provisioner.bindConsoleKey(conn, ada.result)).resolves.toBeNull();

    const adaKey = await consoleKey(ada.result.scopeId, ada.userId, 'ada');
    await expect(provisioner.bindConsoleKey(conn, ada.result)).resolves.toEqual({ vendorKeyId: adaKey.api_key.id, hint: `sk-ant-api03-…${adaKey.secret.slice(-4)}`, strayKeyIds: [] });
    await expect(provisioner.bindConsoleKey(conn, bob.result)).resolves.toMatchObject({ vendorKeyId: bobKey.api_key.id });
  });

  it("revoking one developer retires only their keys and membership; the teammate's key keeps answering", async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const bob = await seat(teammate(team, 'Bob'));
    const adaKey = await consoleKey(ada.result.scopeId, ada.userId, 'ada');
    const adaExtra = await consoleKey(ada.result.scopeId, ada.userId, 'ada, unbound');
    const bobKey = await consoleKey(bob.result.scopeId, bob.userId, 'bob');

    await provisioner.revoke(conn, bound(ada.result, adaKey.api_key.id), { offboard: false });
    await provisioner.revoke(conn, bound(ada.result, adaKey.api_key.id), { offboard: false });

    expect((await admin.apiKeys.retrieve(adaKey.api_key.id)).status).toBe('archived');
    await expect(message(adaExtra.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(message(bobKey.secret)).resolves.toMatchObject({ type: 'message' });
    expect(await isMember(ada.result.scopeId, ada.userId)).toBe(false);
    expect(await isMember(ada.result.scopeId, bob.userId)).toBe(true);
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeNull();
  });

  it('archives the team workspace only when the last seat is offboarded', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const bob = await seat(teammate(team, 'Bob'));
    const bobKey = await consoleKey(bob.result.scopeId, bob.userId, 'bob');

    await provisioner.revoke(conn, ada.result, { offboard: true });
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeNull();
    await expect(message(bobKey.secret)).resolves.toMatchObject({ type: 'message' });

    await provisioner.revoke(conn, bound(bob.result, bobKey.api_key.id), { offboard: true });
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeTruthy();
    await expect(message(bobKey.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await provisioner.revoke(conn, bound(bob.result, bobKey.api_key.id), { offboard: true });
  });

  it('leaves a workspace holding a stranger\'s live key to the reconciler, whose ref naming no developer retires it all', async () => {
    const ada = await seat(teammate(newTeam(), 'Ada'));
    const stranger = await addUser(`stranger.${Date.now()}@example.com`);
    const stray = await consoleKey(ada.result.scopeId, stranger.id, 'stray');
    await provisioner.revoke(conn, ada.result, { offboard: true });
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeNull();
    await expect(message(stray.secret)).resolves.toMatchObject({ type: 'message' });

    await provisioner.revoke(conn, { scopeId: ada.result.scopeId, scopeName: ada.result.scopeName, vendorKeyId: null, refs: {} }, { offboard: true });
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeTruthy();
    await expect(message(stray.secret)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('makes no second team workspace when the answer to its creation is lost', async () => {
    const intent = teammate(newTeam(), 'Ada');
    await addUser(intent.developer.email);
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/workspaces$', action: { type: 'drop_after' } });
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    expect(await workspacesNamed(result.scopeName)).toHaveLength(1);
  });

  it('finds the seat and membership a crashed provision left in a team workspace, and undoing it spares the teammates', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const adaKey = await consoleKey(ada.result.scopeId, ada.userId, 'ada');
    const crashed = teammate(team, 'Bob');
    const bob = await addUser(crashed.developer.email);
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/members$', times: 0, action: { type: 'drop_after' } });
    sim.addFault({ vendor: 'anthropic', method: 'POST', path: '/members/', times: 0, action: { type: 'drop_after' } });
    expect((await vendorErrorOf(provisioner.provision(conn, crashed, recordSteps().record))).kind).toBe('vendor_unavailable');
    sim.clearFaults();
    expect(await isMember(ada.result.scopeId, bob.id)).toBe(true);

    const found = await provisioner.findByIntent(conn, crashed.intentId);
    expect(found).toEqual([expect.objectContaining({ scopeId: ada.result.scopeId, refs: expect.objectContaining({ user_id: bob.id }) as unknown })]);
    for (const ref of found) await provisioner.revoke(conn, ref, { offboard: false });

    expect(await isMember(ada.result.scopeId, bob.id)).toBe(false);
    await expect(provisioner.findByIntent(conn, crashed.intentId)).resolves.toEqual([]);
    await expect(message(adaKey.secret)).resolves.toMatchObject({ type: 'message' });
  });

  it('lists a team workspace as managed, owned through one of its seats, with every key in it', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const key = await consoleKey(ada.result.scopeId, ada.userId);
    const managed = (await collect(provisioner.listManaged(conn))).find((scope) => scope.scopeId === ada.result.scopeId);
    expect(managed).toEqual({ scopeId: ada.result.scopeId, scopeName: ada.result.scopeName, intentPrefix: ada.result.refs['seat'], vendorKeyIds: [key.api_key.id] });
  });

  it('rotates inside the team workspace: the new key takes a new seat, the old one leaves with the superseded key', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const old = await consoleKey(ada.result.scopeId, ada.userId, 'old');
    const oldRef = bound(ada.result, old.api_key.id);
    const rotated = await provisioner.rotate(conn, oldRef, teammate(team, 'Ada'));
    expect(rotated.refs['seat']).not.toBe(ada.result.refs['seat']);
    await expect(provisioner.bindConsoleKey(conn, rotated)).resolves.toBeNull();
    const fresh = await consoleKey(ada.result.scopeId, ada.userId, 'new');
    await expect(provisioner.bindConsoleKey(conn, rotated)).resolves.toMatchObject({ vendorKeyId: fresh.api_key.id });

    await provisioner.revokeSuperseded(conn, oldRef);
    await expect(message(old.secret)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(message(fresh.secret)).resolves.toMatchObject({ type: 'message' });
    expect(await isMember(ada.result.scopeId, ada.userId)).toBe(true);
  });

  it('invites a developer who is not yet a user and binds their key once they have accepted and created it', async () => {
    const intent = teammate(newTeam(), 'Dee');
    const result = await provisioner.provision(conn, intent, recordSteps().record);
    expect(result.refs['invite_id']).toMatch(/^invite_/);
    await sim.control('POST', `/vendors/anthropic/invites/${result.refs['invite_id'] ?? ''}/accept`);
    await expect(provisioner.bindConsoleKey(conn, result)).resolves.toBeNull();
    const users = await collect(admin.users.list({ email: intent.developer.email, limit: 10 }));
    const userId = users[0]?.id ?? '';
    expect(await isMember(result.scopeId, userId)).toBe(true);
    const key = await consoleKey(result.scopeId, userId);
    await expect(provisioner.bindConsoleKey(conn, result)).resolves.toMatchObject({ vendorKeyId: key.api_key.id });
  });

  it('puts back a seat removed by hand in the Console while its key still waits, so offboarding a teammate keeps the workspace', async () => {
    const team = newTeam();
    const ada = await seat(teammate(team, 'Ada'));
    const bob = await seat(teammate(team, 'Bob'));
    await admin.workspaces.update(ada.result.scopeId, { tags: { [`keygate-intent-${ada.result.refs['seat'] ?? ''}`]: null } });
    await expect(provisioner.bindConsoleKey(conn, ada.result)).resolves.toBeNull();
    await provisioner.revoke(conn, bob.result, { offboard: true });
    expect((await admin.workspaces.retrieve(ada.result.scopeId)).archived_at).toBeNull();
    const key = await consoleKey(ada.result.scopeId, ada.userId);
    await expect(provisioner.bindConsoleKey(conn, ada.result)).resolves.toMatchObject({ vendorKeyId: key.api_key.id });
  });

  it('keeps per-developer workspaces when the setting is absent', async () => {
    const team = newTeam();
    const plain = { ...conn, settings: {} };
    const first = await provisioner.provision(plain, teammate(team, 'Ada'), recordSteps().record);
    const second = await provisioner.provision(plain, teammate(team, 'Bob'), recordSteps().record);
    expect(second.scopeId).not.toBe(first.scopeId);
    expect(first.refs['workspace_scope']).toBeUndefined();
  });
});
