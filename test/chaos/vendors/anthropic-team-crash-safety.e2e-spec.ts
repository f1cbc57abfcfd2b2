import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { intentPrefix } from '@keygate/provisioners';
import { recordAnswerSecret, recordSecret, recordSimSecrets, simulatorEnv, type HttpClient, type IssuedKeyAnswer } from '@keygate/testing';
import { JobsService } from '@api/modules/jobs/jobs.service';
import { startChaosStack, type ChaosStack } from '../support/chaos-stack';

jest.setTimeout(30 * 60_000);

type Operation = 'provision' | 'rotate' | 'revoke' | 'offboard';
const OPERATIONS: readonly Operation[] = ['provision', 'rotate', 'revoke', 'offboard'];
const SEAT_TAG = 'keygate-intent-';

/**
 * Anthropic with one workspace per team: the API process is SIGKILLed at every Anthropic call of each operation
 * on a teammate of a developer whose key stays live. After a restart and one pass: no row is unfinished, the
 * workspace's seats are exactly its live keys, its members exactly their developers (a membership added for an
 * intent that never committed is gone), and the teammate's key still answers.
 */
describe('Anthropic team workspaces: SIGKILL at every vendor call, restart, one pass', () => {
  let stack: ChaosStack;
  let admin: Anthropic['organization'];
  let connectionId: string;
  let workspaceId: string;
  let anchorSecret: string;
  const team = `chaos-team-${randomBytes(2).toString('hex')}`;
  const userOf = new Map<string, string>();
  let crashes = 0;

  const http = (): HttpClient => stack.http();
  const token = () => stack.token();

  beforeAll(async () => {
    stack = await startChaosStack({ buildDir: '.keygate-team-chaos/dist', name: 'team-chaos', vendorEnv: simulatorEnv });
    recordSimSecrets(stack.sim);
    admin = new Anthropic({ apiKey: stack.sim.credentials.anthropicAdminKey, baseURL: stack.sim.urls.anthropic, maxRetries: 0 }).organization;
    const res = await stack.t.http.post<{ id: string }>(
      '/api/v1/vendors/connections',
      { vendor: 'anthropic', label: 'teams', admin_api_key: stack.sim.credentials.anthropicAdminKey, settings: { workspace_scope: 'team' } },
      { token: token() },
    );
    expect(res.status).toBe(201);
    connectionId = res.body.id;
    const anchor = await boundKey(await newDeveloper());
    workspaceId = anchor.workspaceId;
    anchorSecret = anchor.secret;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function newDeveloper(): Promise<string> {
    const tag = randomBytes(3).toString('hex');
    const email = `crash.${tag}@example.com`;
    const dev = await stack.t.http.post<{ id: string }>('/api/v1/developers', { name: `Crash ${tag}`, email, team }, { token: token() });
    userOf.set(dev.body.id, (await stack.sim.control.anthropic.addUser({ email, name: `Crash ${tag}` })).id);
    return dev.body.id;
  }

  const provision = (developerId: string) =>
    http().post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: developerId, vendor: 'anthropic', connection_id: connectionId }, { token: token() });

  /** A key the developer created in the Console and KeyGate bound. */
  async function boundKey(developerId: string): Promise<{ keyId: string; workspaceId: string; secret: string }> {
    const answer = await provision(developerId);
    recordAnswerSecret(answer);
    expect(answer.status).toBe(201);
    const [row] = await stack.t.dataSource.query<Array<{ scope_id: string }>>(`SELECT scope_id FROM issued_keys WHERE id = $1`, [answer.body.key_id]);
    const made = await stack.sim.control.anthropic.createConsoleKey({ workspace_id: row?.scope_id ?? '', name: 'laptop', created_by_user_id: userOf.get(developerId) });
    recordSecret(made.secret);
    const refreshed = await http().post<{ status: string }>(`/api/v1/keys/${answer.body.key_id}/refresh`, undefined, { token: token() });
    expect(refreshed.body.status).toBe('active');
    return { keyId: answer.body.key_id, workspaceId: row?.scope_id ?? '', secret: made.secret };
  }

  function send(operation: Operation, developerId: string, keyId: string | null) {
    switch (operation) {
      case 'provision':
        return provision(developerId);
      case 'rotate':
      case 'revoke':
        return http().post<IssuedKeyAnswer>(`/api/v1/keys/${keyId}/${operation}`, undefined, { token: token() });
      case 'offboard':
        return http().delete<IssuedKeyAnswer>(`/api/v1/developers/${developerId}`, { token: token() });
    }
  }

  /** Returns false when the operation finished before reaching Anthropic call `killAtCall`. */
  async function crashAt(operation: Operation, killAtCall: number): Promise<boolean> {
    const developerId = await newDeveloper();
    const keyId = operation === 'provision' ? null : (await boundKey(developerId)).keyId;
    await stack.sim.control.addFault({ vendor: 'anthropic', skip: killAtCall, times: 1, action: { type: 'pause' } });
    const request = send(operation, developerId, keyId)
      .then((res) => recordAnswerSecret(res))
      .catch((error: unknown) => error);
    const reached = await Promise.race([stack.sim.control.waitForPaused(1, 20_000).then(() => true), request.then(() => false)]);
    if (reached) {
      await stack.api().kill();
      await stack.sim.control.releaseAll();
    }
    await request;
    await stack.sim.control.clearFaults();
    if (reached) await stack.restart();
    return reached;
  }

  async function reconcileAndCheck(label: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the killed process's lease (1 s) runs out
    await stack.t.app.get(JobsService).runPass();
    const rows = await stack.t.dataSource.query<Array<{ state: string; scope_id: string | null; intent_id: string; developer_id: string }>>(
      `SELECT state, scope_id, intent_id, developer_id FROM issued_keys WHERE connection_id = $1`,
      [connectionId],
    );
    const live = rows.filter((r) => ['active', 'awaiting_key', 'suspended'].includes(r.state) && r.scope_id === workspaceId);
    const workspace = await admin.workspaces.retrieve(workspaceId);
    const members: string[] = [];
    for await (const member of admin.workspaces.members.list(workspaceId, { limit: 100 })) members.push(member.user_id);
    const sorted = (values: string[]) => [...new Set(values)].sort();
    expect({
      label,
      unfinished: rows.filter((r) => ['pending', 'revoking', 'revoke_failed'].includes(r.state)).map((r) => r.state),
      archived: workspace.archived_at !== null,
      seats: sorted(Object.keys(workspace.tags).filter((tag) => tag.startsWith(SEAT_TAG)).map((tag) => tag.slice(SEAT_TAG.length))),
      members: sorted(members),
    }).toEqual({
      label,
      unfinished: [],
      archived: false,
      seats: sorted(live.map((r) => intentPrefix(r.intent_id))),
      members: sorted(live.map((r) => userOf.get(r.developer_id) ?? r.developer_id)),
    });
    const teammate = await new Anthropic({ apiKey: anchorSecret, baseURL: stack.sim.urls.anthropic, maxRetries: 0 }).messages.create({ model: 'claude-haiku-4-5', max_tokens: 8, messages: [{ role: 'user', content: 'ping' }] });
    expect(teammate.type).toBe('message');
  }

  for (const operation of OPERATIONS) {
    it(`team workspace ${operation}: recovers from a kill at every Anthropic call and spares the teammate`, async () => {
      let reachedAny = false;
      for (let call = 0; call < 30; call += 1) {
        if (!(await crashAt(operation, call))) break;
        reachedAny = true;
        crashes += 1;
        await reconcileAndCheck(`${operation} killed at Anthropic call ${call}`);
      }
      expect(reachedAny).toBe(true);
    });
  }

  it('the restarted API still provisions into and revokes from the team workspace', async () => {
    expect(crashes).toBeGreaterThanOrEqual(10);
    const { keyId, workspaceId: same } = await boundKey(await newDeveloper());
    expect(same).toBe(workspaceId);
    const revoked = await http().post<{ status: string }>(`/api/v1/keys/${keyId}/revoke`, undefined, { token: token() });
    expect(revoked.body.status).toBe('revoked');
    await reconcileAndCheck('after all runs');
  });
});
