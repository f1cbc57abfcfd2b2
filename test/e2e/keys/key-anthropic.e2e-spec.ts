import Anthropic from '@anthropic-ai/sdk';
import { recordSecret } from '@keygate/testing';
import { createDeveloper, getKey, provisionKey, rotateKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

async function messageStatus(s: KeyStack, apiKey: string): Promise<number> {
  try {
    await new Anthropic({ apiKey, baseURL: s.sim.urls.anthropic, maxRetries: 0 }).messages.create({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'ping' }] });
    return 200;
  } catch (error: unknown) {
    if (error instanceof Anthropic.APIError && typeof error.status === 'number') return error.status;
    throw error;
  }
}

const MODEL = 'claude-sonnet-4-6';

describe('Anthropic: keys the developer creates in the Console, bound and governed by KeyGate', () => {
  let s: KeyStack;
  let connectionId: string;

  beforeAll(async () => {
    s = await startKeyStack();
    const conn = await s.t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'anthropic', label: 'sim', admin_api_key: s.sim.credentials.anthropicAdminKey }, { token: s.token });
    connectionId = conn.body.id;
  });
  afterAll(() => s.close());

  async function consoleKey(keyId: string, userId: string): Promise<string> {
    const rows = await s.t.dataSource.query<Array<{ scope_id: string }>>(`SELECT scope_id FROM issued_keys WHERE id = $1`, [keyId]);
    const made = await s.sim.control.anthropic.createConsoleKey({ workspace_id: rows[0]?.scope_id ?? null, name: 'my key', created_by_user_id: userId });
    recordSecret(made.secret);
    return made.secret;
  }

  it('provisions a workspace awaiting the key, binds the Console key on the next pass, and revokes it at the vendor', async () => {
    const developerId = await createDeveloper(s, 'Grace Hopper');
    const user = await s.sim.control.anthropic.addUser({ email: 'grace.hopper@example.com', name: 'Grace Hopper' });
    const res = await provisionKey(s, { developer_id: developerId, vendor: 'anthropic', connection_id: connectionId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ vendor: 'anthropic', status: 'awaiting_key' });
    expect(res.body.api_key).toBeUndefined();
    expect(res.body.enforcement.budget_limit_usd?.enforced_by).toBe('keygate');
    const secret = await consoleKey(res.body.key_id, user.id);
    const report = await s.runJobs();
    expect(report.consoleKeysBound).toBe(1);
    expect((await getKey(s, res.body.key_id)).status).toBe('active');
    expect(await messageStatus(s, secret)).toBe(200);
    const revoked = await s.t.http.post<{ status: string }>(`/api/v1/keys/${res.body.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.body.status).toBe('revoked');
    expect(await messageStatus(s, secret)).toBe(401);
  });

  it('rotation keeps the old key working until the new Console key is bound, then retires the old one', async () => {
    const developerId = await createDeveloper(s, 'Alan Turing');
    const user = await s.sim.control.anthropic.addUser({ email: 'alan.turing@example.com', name: 'Alan Turing' });
    const first = await provisionKey(s, { developer_id: developerId, vendor: 'anthropic', connection_id: connectionId });
    const oldSecret = await consoleKey(first.body.key_id, user.id);
    await s.runJobs();
    const rotated = await rotateKey(s, first.body.key_id);
    expect(rotated.status).toBe(201);
    expect(rotated.body.status).toBe('awaiting_key');
    await s.runJobs();
    expect(await messageStatus(s, oldSecret)).toBe(200);
    const newSecret = await consoleKey(rotated.body.key_id, user.id);
    await s.runJobs();
    expect((await getKey(s, rotated.body.key_id)).status).toBe('active');
    expect(await messageStatus(s, newSecret)).toBe(200);
    expect(await messageStatus(s, oldSecret)).toBe(401);
    expect((await getKey(s, first.body.key_id)).status).toBe('revoked');
  });
});
