import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { anthropicDriver, recordAnswerSecret, recordSecret, startVendorStack, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';

jest.setTimeout(180_000);

interface KeyRow {
  scope_id: string;
  vendor_refs: Record<string, string>;
  vendor_key_id: string | null;
  hint: string | null;
}

/**
 * Anthropic's Admin API cannot create keys: KeyGate makes the workspace and the membership, the developer
 * creates the key in the Console, and KeyGate discovers it (background pass or on-demand refresh), binds
 * it, flags strays, and enforces what Anthropic cannot (monthly budget, expiry).
 */
describe('Anthropic console keys through KeyGate', () => {
  let s: VendorStack;
  let admin: Anthropic['organization'];

  beforeAll(async () => {
    s = await startVendorStack({ SPEND_POLL_SECONDS: '2' });
    admin = new Anthropic({ apiKey: s.sim.credentials.anthropicAdminKey, baseURL: s.sim.urls.anthropic, maxRetries: 0 }).organization;
  });
  afterAll(async () => {
    await s.close();
  });

  async function developer(withConsoleUser = true): Promise<{ id: string; email: string; name: string; userId: string | null }> {
    const tag = randomBytes(3).toString('hex');
    const name = `Dev ${tag}`;
    const email = `dev.${tag}@example.com`;
    const res = await s.t.http.post<{ id: string }>('/api/v1/developers', { name, email, team: 'research' }, { token: s.token });
    const user = withConsoleUser ? await s.sim.control.anthropic.addUser({ email, name }) : null;
    return { id: res.body.id, email, name, userId: user?.id ?? null };
  }

  async function provision(developerId: string, extra: Record<string, unknown> = {}): Promise<IssuedKeyAnswer> {
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: developerId, vendor: 'anthropic', connection_id: s.connections.anthropic, ...extra }, { token: s.token });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function row(keyId: string): Promise<KeyRow> {
    const rows = await s.t.dataSource.query<KeyRow[]>(`SELECT scope_id, vendor_refs, vendor_key_id, hint FROM issued_keys WHERE id = $1`, [keyId]);
    if (!rows[0]) throw new Error(`no row ${keyId}`);
    return rows[0];
  }

  async function consoleKey(workspaceId: string, userId: string | undefined, name = 'laptop') {
    const made = await s.sim.control.anthropic.createConsoleKey({ workspace_id: workspaceId, name, created_by_user_id: userId });
    recordSecret(made.secret);
    return made;
  }

  const refresh = (keyId: string) => s.t.http.post<{ status: string; key_hint: string | null }>(`/api/v1/keys/${keyId}/refresh`, undefined, { token: s.token });

  it('creates a workspace with the developer as a member with the developer role, and tells them to create the key there', async () => {
    const dev = await developer();
    const answer = await provision(dev.id);
    expect(answer.status).toBe('awaiting_key');
    expect(answer.api_key).toBeUndefined();
    expect(JSON.stringify(answer.instructions)).toContain(String(answer.project_name));
    const { scope_id } = await row(answer.key_id);
    const workspace = await admin.workspaces.retrieve(scope_id);
    expect(workspace.name).toBe(answer.project_name);
    const member = await admin.workspaces.members.retrieve(dev.userId ?? '', { workspace_id: scope_id });
    expect(member.workspace_role).toBe('workspace_developer');
  });

  it('on-demand refresh binds the console key at once (id and partial hint), and says so while there is none yet', async () => {
    const dev = await developer();
    const answer = await provision(dev.id);
    const before = await refresh(answer.key_id);
    expect(before.status).toBe(200);
    expect(before.body.status).toBe('awaiting_key');
    const { scope_id } = await row(answer.key_id);
    const made = await consoleKey(scope_id, dev.userId ?? undefined);
    const after = await refresh(answer.key_id);
    expect(after.body.status).toBe('active');
    const bound = await row(answer.key_id);
    expect(bound.vendor_key_id).toBe(made.api_key.id);
    expect(bound.hint?.endsWith(made.api_key.partial_key_hint.slice(-4))).toBe(true);
    expect(await anthropicDriver.callStatus(s, made.secret, answer)).toBe(200);
    const again = await refresh(answer.key_id);
    expect(again.status).toBe(409);
  });

  it("binds the developer's own key and flags any other key found in the workspace", async () => {
    const dev = await developer();
    const other = await s.sim.control.anthropic.addUser({ email: `other.${randomBytes(3).toString('hex')}@example.com`, name: 'Someone Else' });
    const answer = await provision(dev.id);
    const { scope_id } = await row(answer.key_id);
    const stray = await consoleKey(scope_id, other.id, 'not mine');
    const mine = await consoleKey(scope_id, dev.userId ?? undefined, 'mine');
    const report = await s.runJobs();
    expect(report.consoleKeysBound).toBe(1);
    expect((await row(answer.key_id)).vendor_key_id).toBe(mine.api_key.id);
    const audit = await s.t.dataSource.query<Array<{ details: { stray_key_ids: string[] } }>>(`SELECT details FROM audit_events WHERE action = 'key.console_key_bound' AND target_id = $1`, [answer.key_id]);
    expect(audit[0]?.details.stray_key_ids).toEqual([stray.api_key.id]);
    // Revoking the grant ends every key in the developer's workspace, the stray included.
    await s.t.http.post(`/api/v1/keys/${answer.key_id}/revoke`, undefined, { token: s.token });
    expect(await anthropicDriver.callStatus(s, stray.secret, answer)).toBe(401);
    expect((await admin.apiKeys.retrieve(mine.api_key.id)).status).toBe('archived');
  });

  it('flags, once, a key someone else creates later in a workspace whose key is already bound', async () => {
    const dev = await developer();
    const answer = await provision(dev.id);
    const { scope_id } = await row(answer.key_id);
    await consoleKey(scope_id, dev.userId ?? undefined, 'mine');
    expect((await refresh(answer.key_id)).body.status).toBe('active');
    expect((await s.runJobs()).strayKeysFlagged).toBe(0);
    const intruder = await s.sim.control.anthropic.addUser({ email: `intruder.${randomBytes(3).toString('hex')}@example.com`, name: 'Intruder' });
    const stray = await consoleKey(scope_id, intruder.id, 'sneaky');
    expect((await s.runJobs()).strayKeysFlagged).toBe(1);
    expect((await s.runJobs()).strayKeysFlagged).toBe(0);
    const audit = await s.t.dataSource.query<Array<{ details: { stray_key_id: string } }>>(`SELECT details FROM audit_events WHERE action = 'key.stray_key_found' AND target_id = $1`, [answer.key_id]);
    expect(audit.map((a) => a.details.stray_key_id)).toEqual([stray.api_key.id]);
  });

  it('invites a developer who is not in the organization yet, and binds their key once they joined', async () => {
    const dev = await developer(false);
    const answer = await provision(dev.id);
    expect(JSON.stringify(answer.instructions)).toMatch(/invitation/i);
    const { scope_id, vendor_refs } = await row(answer.key_id);
    expect(vendor_refs['invite_id']).toBeDefined();
    const user = await s.sim.control.anthropic.acceptInvite(vendor_refs['invite_id'] ?? '');
    const made = await consoleKey(scope_id, user.id);
    expect((await refresh(answer.key_id)).body.status).toBe('active');
    expect(await anthropicDriver.callStatus(s, made.secret, answer)).toBe(200);
  });

  it('suspends a key at its monthly budget from the cost report, and leaves a key under budget alone', async () => {
    const spender = await developer();
    const saver = await developer();
    const over = await provision(spender.id, { budget_limit_usd: 5 });
    const under = await provision(saver.id, { budget_limit_usd: 5 });
    const overWs = (await row(over.key_id)).scope_id;
    const underWs = (await row(under.key_id)).scope_id;
    const overKey = await consoleKey(overWs, spender.userId ?? undefined);
    const underKey = await consoleKey(underWs, saver.userId ?? undefined);
    await s.runJobs();
    // claude-sonnet-4-6 costs $3 per million input tokens: $6 and $3 this month.
    await s.sim.control.anthropic.recordUsage({ model: 'claude-sonnet-4-6', workspace_id: overWs, api_key_id: overKey.api_key.id, input_tokens: 2_000_000 });
    await s.sim.control.anthropic.recordUsage({ model: 'claude-sonnet-4-6', workspace_id: underWs, api_key_id: underKey.api_key.id, input_tokens: 1_000_000 });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // SPEND_POLL_SECONDS=2: the previous poll's interval runs out
    const report = await s.runJobs();
    expect(report.overBudget).toBe(1);
    expect(await anthropicDriver.callStatus(s, overKey.secret, over)).toBe(401);
    expect(await anthropicDriver.callStatus(s, underKey.secret, under)).toBe(200);
    const states = await s.t.dataSource.query<Array<{ id: string; state: string }>>(`SELECT id, state FROM issued_keys WHERE id = ANY($1)`, [[over.key_id, under.key_id]]);
    expect(Object.fromEntries(states.map((r) => [r.id, r.state]))).toEqual({ [over.key_id]: 'suspended', [under.key_id]: 'active' });
    const audit = await s.t.dataSource.query<Array<{ details: { cost_usd: number; budget_limit_usd: number } }>>(`SELECT details FROM audit_events WHERE action = 'key.budget_exhausted' AND target_id = $1`, [over.key_id]);
    expect(audit[0]?.details).toMatchObject({ cost_usd: 6, budget_limit_usd: 5 });

    // The cost report is read at most once per SPEND_POLL_SECONDS, whatever the pass frequency.
    await s.sim.control.anthropic.recordUsage({ model: 'claude-sonnet-4-6', workspace_id: underWs, api_key_id: underKey.api_key.id, input_tokens: 1_000_000 });
    expect((await s.runJobs()).overBudget).toBe(0);
    expect(await anthropicDriver.callStatus(s, underKey.secret, under)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await s.runJobs()).overBudget).toBe(1);
    expect(await anthropicDriver.callStatus(s, underKey.secret, under)).toBe(401);
  });

  it('offboarding archives the developer workspace at Anthropic', async () => {
    const dev = await developer();
    const answer = await provision(dev.id);
    const { scope_id } = await row(answer.key_id);
    const made = await consoleKey(scope_id, dev.userId ?? undefined);
    await s.runJobs();
    const res = await s.t.http.delete(`/api/v1/developers/${dev.id}`, { token: s.token });
    expect(res.status).toBe(200);
    expect((await admin.workspaces.retrieve(scope_id)).archived_at).not.toBeNull();
    expect(await anthropicDriver.callStatus(s, made.secret, answer)).toBe(401);
  });

  it('reports model lists as not enforced, budget and expiry as enforced by KeyGate with the report lag stated', async () => {
    const res = await s.t.http.get<Array<{ vendor: string; fields: Record<string, { enforced_by: string; note: string }> }>>('/api/v1/vendors/capabilities', { token: s.token });
    const anthropic = res.body.find((v) => v.vendor === 'anthropic');
    expect(anthropic?.fields['models_allowed']?.enforced_by).toBe('none');
    expect(anthropic?.fields['budget_limit_usd']).toMatchObject({ enforced_by: 'keygate', note: expect.stringMatching(/hour/) as unknown });
    expect(anthropic?.fields['expires_in_days']?.enforced_by).toBe('keygate');
  });
});
