import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { intentPrefix } from '@keygate/provisioners';
import { anthropicDriver, recordAnswerSecret, recordSecret, startVendorStack, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';

jest.setTimeout(180_000);

/** claude-sonnet-4-6 input tokens cost $3 per million in the simulator's price list. */
const MODEL = 'claude-sonnet-4-6';
const POLL_SECONDS = 1;

interface KeyView {
  status: string;
  month_spend_usd: number | null;
}

interface KeyRow {
  scope_id: string;
  vendor_key_id: string | null;
  state: string;
}

/**
 * An Anthropic connection with `workspace_scope: team`: the developers of a team share one workspace (the
 * organization allows only 100), each binds the key they created themselves, and revoking or offboarding one
 * never touches a teammate's key; each is held to their own monthly budget by their own key's cost.
 */
describe('Anthropic workspaces per team through KeyGate', () => {
  let s: VendorStack;
  let admin: Anthropic['organization'];
  let connectionId: string;

  beforeAll(async () => {
    s = await startVendorStack({ SPEND_POLL_SECONDS: String(POLL_SECONDS) });
    admin = new Anthropic({ apiKey: s.sim.credentials.anthropicAdminKey, baseURL: s.sim.urls.anthropic, maxRetries: 0 }).organization;
    const res = await s.t.http.post<{ id: string; settings: Record<string, string> }>(
      '/api/v1/vendors/connections',
      { vendor: 'anthropic', label: 'teams', admin_api_key: s.sim.credentials.anthropicAdminKey, settings: { workspace_scope: 'team' } },
      { token: s.token },
    );
    expect(res.body.settings).toEqual({ workspace_scope: 'team' });
    connectionId = res.body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  async function developer(team: string): Promise<{ id: string; userId: string }> {
    const tag = randomBytes(3).toString('hex');
    const email = `dev.${tag}@example.com`;
    const res = await s.t.http.post<{ id: string }>('/api/v1/developers', { name: `Dev ${tag}`, email, team }, { token: s.token });
    const user = await s.sim.control.anthropic.addUser({ email, name: `Dev ${tag}` });
    return { id: res.body.id, userId: user.id };
  }

  async function provision(developerId: string, budgetUsd?: number): Promise<IssuedKeyAnswer> {
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: developerId, vendor: 'anthropic', connection_id: connectionId, ...(budgetUsd === undefined ? {} : { budget_limit_usd: budgetUsd }) }, { token: s.token });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function row(keyId: string): Promise<KeyRow> {
    const rows = await s.t.dataSource.query<KeyRow[]>(`SELECT scope_id, vendor_key_id, state FROM issued_keys WHERE id = $1`, [keyId]);
    if (!rows[0]) throw new Error(`no row ${keyId}`);
    return rows[0];
  }

  async function consoleKey(workspaceId: string, userId: string) {
    const made = await s.sim.control.anthropic.createConsoleKey({ workspace_id: workspaceId, name: 'laptop', created_by_user_id: userId });
    recordSecret(made.secret);
    return made;
  }

  it('shares one workspace between two developers of a team, binds each one their own key, revokes and offboards one at a time', async () => {
    const team = `team-${randomBytes(3).toString('hex')}`;
    const ada = await developer(team);
    const bob = await developer(team);
    const adaAnswer = await provision(ada.id);
    const bobAnswer = await provision(bob.id);
    expect([adaAnswer.status, bobAnswer.status]).toEqual(['awaiting_key', 'awaiting_key']);
    const workspaceId = (await row(adaAnswer.key_id)).scope_id;
    expect((await row(bobAnswer.key_id)).scope_id).toBe(workspaceId);
    const workspace = await admin.workspaces.retrieve(workspaceId);
    expect(workspace.name).toBe(adaAnswer.project_name);
    expect(workspace.name).toContain(team);
    expect(JSON.stringify(bobAnswer.instructions)).toContain(workspace.name);

    const adaKey = await consoleKey(workspaceId, ada.userId);
    const bobKey = await consoleKey(workspaceId, bob.userId);
    const report = await s.runJobs();
    expect(report.consoleKeysBound).toBe(2);
    expect(report.strayKeysFlagged).toBe(0);
    expect(await row(adaAnswer.key_id)).toMatchObject({ state: 'active', vendor_key_id: adaKey.api_key.id });
    expect(await row(bobAnswer.key_id)).toMatchObject({ state: 'active', vendor_key_id: bobKey.api_key.id });
    expect((await admin.workspaces.retrieve(workspaceId)).archived_at).toBeNull(); // the reconciler leaves an owned team workspace alone

    const revoked = await s.t.http.post(`/api/v1/keys/${adaAnswer.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.status).toBe(200);
    expect(await anthropicDriver.callStatus(s, adaKey.secret, adaAnswer)).toBe(401);
    expect(await anthropicDriver.callStatus(s, bobKey.secret, bobAnswer)).toBe(200);
    expect((await admin.workspaces.retrieve(workspaceId)).archived_at).toBeNull();
    await s.runJobs();
    expect(await anthropicDriver.callStatus(s, bobKey.secret, bobAnswer)).toBe(200);

    const offboarded = await s.t.http.delete(`/api/v1/developers/${bob.id}`, { token: s.token });
    expect(offboarded.status).toBe(200);
    expect(await anthropicDriver.callStatus(s, bobKey.secret, bobAnswer)).toBe(401);
    expect((await admin.workspaces.retrieve(workspaceId)).archived_at).not.toBeNull();
  });

  it('keeps the team workspace while a teammate still waits for their key, and flags a key no teammate claims', async () => {
    const team = `team-${randomBytes(3).toString('hex')}`;
    const ada = await developer(team);
    const cy = await developer(team);
    const adaAnswer = await provision(ada.id);
    const cyAnswer = await provision(cy.id);
    const workspaceId = (await row(adaAnswer.key_id)).scope_id;
    const adaKey = await consoleKey(workspaceId, ada.userId);
    await s.runJobs();
    const outsider = await s.sim.control.anthropic.addUser({ email: `outsider.${randomBytes(3).toString('hex')}@example.com`, name: 'Outsider' });
    const stray = await consoleKey(workspaceId, outsider.id);
    expect((await s.runJobs()).strayKeysFlagged).toBe(1);
    const flagged = await s.t.dataSource.query<Array<{ details: { stray_key_id: string } }>>(`SELECT details FROM audit_events WHERE action = 'key.stray_key_found' AND details->>'scope_id' = $1`, [workspaceId]);
    expect(flagged.map((f) => f.details.stray_key_id)).toEqual([stray.api_key.id]);

    expect((await s.t.http.delete(`/api/v1/developers/${ada.id}`, { token: s.token })).status).toBe(200);
    expect(await anthropicDriver.callStatus(s, adaKey.secret, adaAnswer)).toBe(401);
    expect((await admin.workspaces.retrieve(workspaceId)).archived_at).toBeNull();
    expect((await row(cyAnswer.key_id)).state).toBe('awaiting_key');
    const cyKey = await consoleKey(workspaceId, cy.userId);
    expect((await s.t.http.post<{ status: string }>(`/api/v1/keys/${cyAnswer.key_id}/refresh`, undefined, { token: s.token })).body.status).toBe('active');
    expect(await anthropicDriver.callStatus(s, cyKey.secret, cyAnswer)).toBe(200);
  });

  it('binds one console key to one row only, when the same developer waits for two keys in the team workspace and both look at once', async () => {
    const team = `team-${randomBytes(3).toString('hex')}`;
    const dee = await developer(team);
    const first = await provision(dee.id);
    const second = await provision(dee.id);
    const workspaceId = (await row(first.key_id)).scope_id;
    const made = await consoleKey(workspaceId, dee.userId);
    // Both rows look for their key at the same moment (two refreshes, or a refresh next to a job pass).
    await Promise.all([first, second].map((k) => s.t.http.post(`/api/v1/keys/${k.key_id}/refresh`, undefined, { token: s.token })));
    const rows = [await row(first.key_id), await row(second.key_id)];
    expect(rows.filter((r) => r.vendor_key_id === made.api_key.id && r.state === 'active')).toHaveLength(1);
    expect(rows.map((r) => r.state).sort()).toEqual(['active', 'awaiting_key']);
  });

  it('holds each developer of a team workspace to their own budget: the one past it is suspended, the teammate keeps answering', async () => {
    const team = `team-${randomBytes(3).toString('hex')}`;
    const eve = await developer(team);
    const fay = await developer(team);
    const eveAnswer = await provision(eve.id, 5);
    const fayAnswer = await provision(fay.id, 5);
    const workspaceId = (await row(eveAnswer.key_id)).scope_id;
    const eveKey = await consoleKey(workspaceId, eve.userId);
    const fayKey = await consoleKey(workspaceId, fay.userId);
    expect((await s.runJobs()).consoleKeysBound).toBe(2);
    // $6 for Eve and $3 for Fay: the workspace's $9 is past both budgets, Fay's own cost is not.
    await s.sim.control.anthropic.recordUsage({ model: MODEL, workspace_id: workspaceId, api_key_id: eveKey.api_key.id, input_tokens: 2_000_000 });
    await s.sim.control.anthropic.recordUsage({ model: MODEL, workspace_id: workspaceId, api_key_id: fayKey.api_key.id, input_tokens: 1_000_000 });

    const head = Math.max(0, ...(await s.sim.control.journal({ vendor: 'anthropic' })).map((e) => e.seq));
    await new Promise((resolve) => setTimeout(resolve, POLL_SECONDS * 1000 + 100));
    expect((await s.runJobs()).overBudget).toBe(1);
    const costReads = (await s.sim.control.journal({ vendor: 'anthropic', since: head })).filter((e) => e.method === 'GET' && e.path.includes('/organizations/analytics/cost'));
    expect(costReads).toHaveLength(1);

    const keyView = async (id: string) => (await s.t.http.get<KeyView>(`/api/v1/keys/${id}`, { token: s.token })).body;
    expect(await keyView(eveAnswer.key_id)).toMatchObject({ status: 'suspended', month_spend_usd: 6 });
    expect(await keyView(fayAnswer.key_id)).toMatchObject({ status: 'active', month_spend_usd: 3 });
    expect(await anthropicDriver.callStatus(s, eveKey.secret, eveAnswer)).toBe(401);
    expect(await anthropicDriver.callStatus(s, fayKey.secret, fayAnswer)).toBe(200);
  });

  it("the reconciler keeps a team workspace any seat's live intent claims, not only the first seat's", async () => {
    const team = `team-${randomBytes(3).toString('hex')}`;
    const answers = [await provision((await developer(team)).id), await provision((await developer(team)).id)];
    const workspaceId = (await row(answers[0]?.key_id ?? '')).scope_id;
    // The seat the workspace lists first, and the other one.
    const firstSeat = Object.keys((await admin.workspaces.retrieve(workspaceId)).tags ?? {}).find((tag) => tag.startsWith('keygate-intent-'))?.slice('keygate-intent-'.length);
    const rows = await s.t.dataSource.query<Array<{ id: string; intent_id: string }>>(`SELECT id, intent_id FROM issued_keys WHERE id = ANY($1)`, [answers.map((a) => a.key_id)]);
    const firstRow = rows.find((r) => intentPrefix(r.intent_id) === firstSeat);
    const otherRow = rows.find((r) => r !== firstRow);
    expect(firstRow && otherRow).toBeTruthy();
    // The race the reconciler must survive: the first seat's row is gone and the other is an intent still in flight,
    // not yet linked to the workspace.
    await s.t.dataSource.query(`DELETE FROM issued_keys WHERE id = $1`, [firstRow?.id]);
    await s.t.dataSource.query(`UPDATE issued_keys SET state = 'pending', scope_id = NULL WHERE id = $1`, [otherRow?.id]);
    await s.runJobs();
    expect((await admin.workspaces.retrieve(workspaceId)).archived_at).toBeNull();
  });
});
