import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { anthropicDriver, recordAnswerSecret, recordSecret, startVendorStack, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';
import { BudgetSuspensions } from '@api/modules/jobs/budget-suspensions';

jest.setTimeout(180_000);

interface KeyView {
  key_id: string;
  status: string;
  suspended_until: string | null;
  month_spend_usd: number | null;
  spend_checked_at: string | null;
  drift: boolean;
}

interface BoundKey {
  answer: IssuedKeyAnswer;
  secret: string;
  vendorKeyId: string;
  workspaceId: string;
  developerId: string;
}

/** claude-sonnet-4-6 input tokens cost $3 per million in the simulator's price list. */
const MODEL = 'claude-sonnet-4-6';
const POLL_SECONDS = 1;

function startOfNextUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * Anthropic cannot enforce a per-key monthly budget: KeyGate reads the organization's analytics cost report (once per
 * connection and poll), suspends a key whose month-to-date cost reached its budget (the key set inactive at
 * Anthropic, so it answers 401) and re-enables it when the next UTC month starts.
 */
describe('monthly budgets enforced by KeyGate: suspend at the limit, resume next month', () => {
  let s: VendorStack;
  let admin: Anthropic['organization'];

  beforeAll(async () => {
    s = await startVendorStack({ SPEND_POLL_SECONDS: String(POLL_SECONDS) });
    admin = new Anthropic({ apiKey: s.sim.credentials.anthropicAdminKey, baseURL: s.sim.urls.anthropic, maxRetries: 0 }).organization;
  });
  afterAll(async () => {
    await s.close();
  });

  const getKey = async (id: string) => (await s.t.http.get<KeyView>(`/api/v1/keys/${id}`, { token: s.token })).body;
  const callStatus = (key: BoundKey) => anthropicDriver.callStatus(s, key.secret, key.answer);
  const auditCount = async (action: string, keyId: string) =>
    (await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [action, keyId]))[0]?.n ?? 0;

  /** Provision → console key made through the simulator's Console hook → bound by a jobs pass. */
  async function boundKey(budgetUsd: number): Promise<BoundKey> {
    const tag = randomBytes(3).toString('hex');
    const email = `budget.${tag}@example.com`;
    const dev = await s.t.http.post<{ id: string }>('/api/v1/developers', { name: `Budget ${tag}`, email, team: 'budget' }, { token: s.token });
    const user = await s.sim.control.anthropic.addUser({ email, name: `Budget ${tag}` });
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'anthropic', connection_id: s.connections.anthropic, budget_limit_usd: budgetUsd }, { token: s.token });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    const rows = await s.t.dataSource.query<Array<{ scope_id: string }>>(`SELECT scope_id FROM issued_keys WHERE id = $1`, [res.body.key_id]);
    const workspaceId = rows[0]?.scope_id ?? '';
    const made = await s.sim.control.anthropic.createConsoleKey({ workspace_id: workspaceId, name: 'laptop', created_by_user_id: user.id });
    recordSecret(made.secret);
    return { answer: res.body, secret: made.secret, vendorKeyId: made.api_key.id, workspaceId, developerId: dev.body.id };
  }

  async function spend(key: BoundKey, inputTokens: number): Promise<void> {
    await s.sim.control.anthropic.recordUsage({ model: MODEL, workspace_id: key.workspaceId, api_key_id: key.vendorKeyId, input_tokens: inputTokens });
  }

  /** One jobs pass once the previous poll's interval is over. */
  async function pollPass() {
    await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 100));
    return s.runJobs();
  }

  async function costReportReads(since: number): Promise<number> {
    return (await s.sim.control.journal({ vendor: 'anthropic', since })).filter((e) => e.method === 'GET' && e.path.endsWith('/organizations/analytics/cost')).length;
  }

  async function journalHead(): Promise<number> {
    return Math.max(0, ...(await s.sim.control.journal({ vendor: 'anthropic' })).map((e) => e.seq));
  }

  it('suspends the key over budget (401 at Anthropic, suspended in KeyGate), reading the cost report once for all keys, and resumes it next month', async () => {
    const spender = await boundKey(5);
    const others = [await boundKey(5), await boundKey(5), await boundKey(5)];
    expect((await s.runJobs()).consoleKeysBound).toBe(4);
    await spend(spender, 2_000_000); // $6
    await spend(others[0], 1_000_000); // $3

    const head = await journalHead();
    const report = await pollPass();
    expect(report.overBudget).toBe(1);
    expect(await costReportReads(head)).toBe(1);

    expect(await callStatus(spender)).toBe(401);
    expect((await admin.apiKeys.retrieve(spender.vendorKeyId)).status).toBe('inactive');
    for (const other of others) expect(await callStatus(other)).toBe(200);
    const suspended = await getKey(spender.answer.key_id);
    const dbNow = new Date((await s.t.dataSource.query<Array<{ now: Date }>>(`SELECT now()`))[0]?.now ?? Date.now());
    expect(suspended).toMatchObject({ status: 'suspended', month_spend_usd: 6, suspended_until: startOfNextUtcMonth(dbNow).toISOString() });
    expect((await getKey(others[0]?.answer.key_id ?? '')).month_spend_usd).toBe(3);
    const listed = await s.t.http.get<{ items: KeyView[] }>('/api/v1/keys?status=suspended', { token: s.token });
    expect(listed.body.items.map((k) => k.key_id)).toContain(spender.answer.key_id);
    expect(await auditCount('key.budget_exhausted', spender.answer.key_id)).toBe(1);
    expect((await s.t.http.get('/metrics')).text).toMatch(/keygate_keys\{vendor="anthropic",state="suspended"\} 1\b/);

    // Later polls leave it suspended, decided and audited once; the reconciler keeps its workspace (not an
    // orphan), sees no drift in the inactive status, and no stray key.
    const again = await pollPass();
    expect(again).toMatchObject({ overBudget: 0, orphansRemoved: 0, strayKeysFlagged: 0 });
    expect(await auditCount('key.budget_exhausted', spender.answer.key_id)).toBe(1);
    expect(await getKey(spender.answer.key_id)).toMatchObject({ status: 'suspended', drift: false });
    expect((await admin.workspaces.retrieve(spender.workspaceId)).archived_at).toBeNull();

    // The month is judged by the database clock; the resume pass is asked to judge a moment of the next month.
    const resumed = await s.t.app.get(BudgetSuspensions).run(new Date(startOfNextUtcMonth(dbNow).getTime() + 1000));
    expect(resumed).toEqual({ suspended: 0, resumed: 1 });
    expect(await callStatus(spender)).toBe(200);
    expect(await getKey(spender.answer.key_id)).toMatchObject({ status: 'active', suspended_until: null });
    expect(await auditCount('key.budget_resumed', spender.answer.key_id)).toBe(1);
    // Its cost in the (real) current month is still over budget: retire it so later polls have nothing to say.
    expect((await s.t.http.post<KeyView>(`/api/v1/keys/${spender.answer.key_id}/revoke`, undefined, { token: s.token })).body.status).toBe('revoked');
  });

  it('refuses to rotate a suspended key (409, saying until when), and revokes it for good on request', async () => {
    const key = await boundKey(1);
    await s.runJobs();
    await spend(key, 1_000_000);
    expect((await pollPass()).overBudget).toBe(1);
    const rotate = await s.t.http.post<{ code: string; message: string }>(`/api/v1/keys/${key.answer.key_id}/rotate`, {}, { token: s.token });
    expect(rotate.status).toBe(409);
    expect(rotate.body).toMatchObject({ code: 'key_state_conflict', message: expect.stringMatching(/suspended until/) as unknown });
    const revoked = await s.t.http.post<KeyView>(`/api/v1/keys/${key.answer.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.body.status).toBe('revoked');
    expect((await admin.apiKeys.retrieve(key.vendorKeyId)).status).toBe('archived');
    // Nothing to resume any more.
    expect((await s.t.app.get(BudgetSuspensions).run(new Date(Date.now() + 62 * 86_400_000))).resumed).toBe(0);
  });

  it('a suspended key that expires is expired, not resumed; offboarding revokes a suspended key', async () => {
    const expiring = await boundKey(1);
    const leaving = await boundKey(1);
    await s.runJobs();
    await spend(expiring, 1_000_000);
    await spend(leaving, 1_000_000);
    expect((await pollPass()).overBudget).toBe(2);

    const off = await s.t.http.delete(`/api/v1/developers/${leaving.developerId}`, { token: s.token });
    expect(off.status).toBe(200);
    expect((await getKey(leaving.answer.key_id)).status).toBe('revoked');
    expect((await admin.workspaces.retrieve(leaving.workspaceId)).archived_at).not.toBeNull();

    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.answer.key_id]);
    expect((await s.t.app.get(BudgetSuspensions).run(new Date(Date.now() + 62 * 86_400_000))).resumed).toBe(0);
    expect((await s.runJobs()).expired).toBe(1);
    expect((await getKey(expiring.answer.key_id)).status).toBe('expired');
    expect(await callStatus(expiring)).toBe(401);
    expect((await admin.apiKeys.retrieve(expiring.vendorKeyId)).status).toBe('archived');
  });
});
