import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import { recordSecret } from '@keygate/testing';
import { JobsService } from '@api/modules/jobs/jobs.service';
import { startChaosStack, type ChaosStack } from '../support/chaos-stack';

jest.setTimeout(10 * 60_000);

interface Tracked {
  keyId: string;
  workspaceId: string;
  userId: string;
  vendorKeyId: string | null;
}

interface Row {
  id: string;
  state: string;
  vendor_key_id: string | null;
  suspended_until: Date | null;
}

/** claude-sonnet-4-6 input tokens cost $3 per million in the simulator: 1M tokens is over a $1 budget. */
const OVER_BUDGET = { model: 'claude-sonnet-4-6', input_tokens: 1_000_000 };
/** How each Anthropic key status may pair with a KeyGate state once the jobs have converged. */
const AGREES: Record<string, readonly string[]> = { active: ['active'], inactive: ['suspended'], archived: ['revoked', 'expired'] };

/**
 * The background jobs killed mid-way (SIGKILL of the API process that runs them, on its own 1 s job timer): the
 * simulator holds the chosen vendor call, the process dies, the held call then goes on, so the vendor acts for
 * a process that is gone. After a restart and one jobs pass, Anthropic and KeyGate agree on every key: a key
 * inactive at Anthropic is `suspended` (or revoked) in KeyGate, never `active`; an active key is `active`; a
 * console key is bound once and audited once.
 */
describe('crash safety of the background jobs: budget suspension, resumption, console-key binding', () => {
  let stack: ChaosStack;
  let connectionId: string;
  let admin: Anthropic['organization'];

  beforeAll(async () => {
    stack = await startChaosStack({
      buildDir: '.keygate-jobs-chaos/dist',
      name: 'jobs-chaos',
      vendorEnv: (sim) => ({ OPENAI_BASE_URL: sim.urls.openai, ANTHROPIC_BASE_URL: sim.urls.anthropic }),
      env: { SPEND_POLL_SECONDS: '1' },
      childEnv: { JOBS_ENABLED: 'true', JOBS_INTERVAL_SECONDS: '1' },
    });
    recordSecret(stack.sim.credentials.anthropicAdminKey);
    admin = new Anthropic({ apiKey: stack.sim.credentials.anthropicAdminKey, baseURL: stack.sim.urls.anthropic, maxRetries: 0 }).organization;
    const conn = await stack.t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'anthropic', label: 'sim', admin_api_key: stack.sim.credentials.anthropicAdminKey }, { token: stack.token() });
    expect(conn.status).toBe(201);
    connectionId = conn.body.id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const sim = () => stack.sim;
  const rowOf = async (keyId: string): Promise<Row> => {
    const rows = await stack.t.dataSource.query<Row[]>(`SELECT id, state, vendor_key_id, suspended_until FROM issued_keys WHERE id = $1`, [keyId]);
    if (!rows[0]) throw new Error(`no row ${keyId}`);
    return rows[0];
  };
  const auditCount = async (action: string, keyId: string) =>
    (await stack.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [action, keyId]))[0]?.n ?? 0;

  /** An Anthropic key with a $1 budget, still awaiting its console key. */
  async function awaitingKey(): Promise<Tracked> {
    const tag = randomBytes(3).toString('hex');
    const email = `jobs.${tag}@example.com`;
    const dev = await stack.t.http.post<{ id: string }>('/api/v1/developers', { name: `Jobs ${tag}`, email, team: 'chaos' }, { token: stack.token() });
    const user = await sim().control.anthropic.addUser({ email, name: `Jobs ${tag}` });
    const res = await stack.t.http.post<{ key_id: string; status: string }>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'anthropic', connection_id: connectionId, budget_limit_usd: 1 }, { token: stack.token() });
    expect(res.body.status).toBe('awaiting_key');
    const rows = await stack.t.dataSource.query<Array<{ scope_id: string }>>(`SELECT scope_id FROM issued_keys WHERE id = $1`, [res.body.key_id]);
    return { keyId: res.body.key_id, workspaceId: rows[0]?.scope_id ?? '', userId: user.id, vendorKeyId: null };
  }

  async function makeConsoleKey(key: Tracked): Promise<string> {
    const made = await sim().control.anthropic.createConsoleKey({ workspace_id: key.workspaceId, name: 'laptop', created_by_user_id: key.userId });
    recordSecret(made.secret);
    key.vendorKeyId = made.api_key.id;
    return made.api_key.id;
  }

  /** Bound at once through the on-demand refresh of the in-process app. */
  async function boundKey(): Promise<Tracked> {
    const key = await awaitingKey();
    await makeConsoleKey(key);
    const refreshed = await stack.t.http.post<{ status: string }>(`/api/v1/keys/${key.keyId}/refresh`, undefined, { token: stack.token() });
    expect(refreshed.body.status).toBe('active');
    return key;
  }

  const pauseAt = (rule: { method: string; path: string }) => sim().control.addFault({ vendor: 'anthropic', ...rule, times: 1, action: { type: 'pause' } });

  async function released(): Promise<void> {
    await sim().control.releaseAll();
    await sim().control.clearFaults();
  }

  /** Holds the chosen vendor call and kills the child while it waits: the vendor never acts on it. */
  async function killDuring(rule: { method: string; path: string }): Promise<void> {
    await pauseAt(rule);
    await sim().control.waitForPaused(1, 30_000);
    await stack.api().kill();
    await released();
  }

  /** Whether a statement on issued_keys is waiting for a row lock (the child, stopped at its commit). */
  async function updateWaitingForLock(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rows = await stack.t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE issued_keys%'`,
      );
      if ((rows[0]?.n ?? 0) > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }

  /**
   * Kills the child after the vendor acted and before the commit: the vendor call before the action (`rule`) is
   * held while the test locks the key's row; once released, the child makes its vendor change and then waits for
   * the row at its commit, where it is killed. Returns false when no commit of this key came (another job's call
   * was held).
   */
  async function killAtCommit(keyId: string, rule: { method: string; path: string }, trigger: () => Promise<unknown> = () => Promise.resolve()): Promise<boolean> {
    await pauseAt(rule);
    await trigger();
    await sim().control.waitForPaused(1, 30_000);
    const lock = stack.t.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    try {
      await lock.query(`SELECT 1 FROM issued_keys WHERE id = $1 FOR UPDATE`, [keyId]);
      await released();
      const reached = await updateWaitingForLock(5000);
      await stack.api().kill();
      return reached;
    } finally {
      await lock.rollbackTransaction();
      await lock.release();
    }
  }

  /** One jobs pass by the in-process app, once the dead process's leases (1 s) ran out. */
  async function recover() {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    return stack.t.app.get(JobsService).runPass();
  }

  async function expectAgreement(label: string): Promise<void> {
    const rows = await stack.t.dataSource.query<Row[]>(`SELECT id, state, vendor_key_id, suspended_until FROM issued_keys WHERE connection_id = $1 AND vendor_key_id IS NOT NULL`, [connectionId]);
    const disagreements: string[] = [];
    for (const row of rows) {
      const status = (await admin.apiKeys.retrieve(row.vendor_key_id ?? '')).status;
      if (!(AGREES[status] ?? []).includes(row.state)) disagreements.push(`${row.id}: ${status} at Anthropic, ${row.state} in KeyGate`);
      if (row.state === 'active' && row.suspended_until !== null) disagreements.push(`${row.id}: a suspension left unfinished`);
    }
    expect({ label, disagreements }).toEqual({ label, disagreements: [] });
  }

  it('suspend, killed after Anthropic set the key inactive and before the commit: the next pass finishes it', async () => {
    const key = await boundKey();
    await sim().control.anthropic.recordUsage({ ...OVER_BUDGET, workspace_id: key.workspaceId, api_key_id: key.vendorKeyId ?? '' });
    expect(await killAtCommit(key.keyId, { method: 'GET', path: `^/v1/organizations/api_keys/${key.vendorKeyId}$` })).toBe(true);
    // The crash landed in the window: inactive at Anthropic, the decision stored, the state not yet changed.
    expect((await admin.apiKeys.retrieve(key.vendorKeyId ?? '')).status).toBe('inactive');
    expect(await rowOf(key.keyId)).toMatchObject({ state: 'active', suspended_until: expect.any(Date) as unknown });
    expect((await recover()).overBudget).toBe(1);
    expect((await rowOf(key.keyId)).state).toBe('suspended');
    expect(await auditCount('key.budget_exhausted', key.keyId)).toBe(1);
    await expectAgreement('suspend, killed after the vendor acted');
    await stack.restart();
  });

  it('suspend, killed before Anthropic acted (while the key was read): the next pass suspends it', async () => {
    const key = await boundKey();
    await sim().control.anthropic.recordUsage({ ...OVER_BUDGET, workspace_id: key.workspaceId, api_key_id: key.vendorKeyId ?? '' });
    await killDuring({ method: 'GET', path: `^/v1/organizations/api_keys/${key.vendorKeyId}$` });
    expect((await admin.apiKeys.retrieve(key.vendorKeyId ?? '')).status).toBe('active');
    expect((await rowOf(key.keyId)).suspended_until).not.toBeNull();
    await recover();
    expect((await rowOf(key.keyId)).state).toBe('suspended');
    expect(await auditCount('key.budget_exhausted', key.keyId)).toBe(1);
    await expectAgreement('suspend, killed before the vendor acted');
    await stack.restart();
  });

  it('resume, killed after Anthropic re-enabled the key and before the commit: the next pass finishes it, audited once', async () => {
    const key = await boundKey();
    await sim().control.anthropic.recordUsage({ ...OVER_BUDGET, workspace_id: key.workspaceId, api_key_id: key.vendorKeyId ?? '' });
    for (let i = 0; i < 100 && (await rowOf(key.keyId)).state !== 'suspended'; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rowOf(key.keyId)).state).toBe('suspended');
    // The month is over (as the database clock will judge it); the child's next pass resumes the key.
    const monthOver = () => stack.t.dataSource.query(`UPDATE issued_keys SET suspended_until = now() - interval '1 second' WHERE id = $1`, [key.keyId]);
    expect(await killAtCommit(key.keyId, { method: 'GET', path: `^/v1/organizations/api_keys/${key.vendorKeyId}$` }, monthOver)).toBe(true);
    expect((await admin.apiKeys.retrieve(key.vendorKeyId ?? '')).status).toBe('active');
    expect((await rowOf(key.keyId)).state).toBe('suspended');
    expect((await recover()).budgetResumed).toBe(1);
    expect((await rowOf(key.keyId)).state).toBe('active');
    expect(await auditCount('key.budget_resumed', key.keyId)).toBe(1);
    await expectAgreement('resume, killed after the vendor acted');
    // Still over budget this month: revoked so the restarted process's polls leave it alone.
    await stack.t.http.post(`/api/v1/keys/${key.keyId}/revoke`, undefined, { token: stack.token() });
    await stack.restart();
  });

  it('console-key binding, killed while the pass reads the workspace keys: bound once, audited once after a restart', async () => {
    let hit = 0;
    for (let attempt = 0; attempt < 5 && hit === 0; attempt += 1) {
      const key = await awaitingKey();
      const killed = await killAtCommit(key.keyId, { method: 'GET', path: '^/v1/organizations/api_keys$' }, () => makeConsoleKey(key));
      // The held call may belong to another job of the pass; only a kill at the bind's commit counts.
      if (killed && (await rowOf(key.keyId)).state === 'awaiting_key') hit += 1;
      await recover();
      expect(await rowOf(key.keyId)).toMatchObject({ state: 'active', vendor_key_id: key.vendorKeyId });
      await stack.restart();
      await new Promise((resolve) => setTimeout(resolve, 2500)); // the restarted process runs its own passes too
      expect(await auditCount('key.console_key_bound', key.keyId)).toBe(1);
      await expectAgreement(`binding, attempt ${attempt}`);
    }
    expect(hit).toBeGreaterThan(0);
  });
});
