import { randomBytes } from 'node:crypto';
import { createTestOrganization, recordSecret, startTestApp, type TestApp, type TestOrganization } from '@keygate/testing';
import { BudgetSuspensions } from './budget-suspensions';
import { JobsService } from './jobs.service';
import { MeteredVendor } from './metered-vendor.test';

interface Row {
  state: string;
  vendor_key_id: string;
  suspended_until: Date | null;
  month_spend_usd: string | null;
  last_error: string | null;
}

/** Budgets KeyGate enforces, on the real database: one report read per connection, suspension marks, resumption. */
describe('budget suspensions (spend poll and suspensions pass)', () => {
  const vendor = new MeteredVendor();
  let t: TestApp;
  let org: TestOrganization;
  let connectionId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOBS_ENABLED: 'false', SPEND_POLL_SECONDS: '1', JOBS_LEASE_SECONDS: '1' }, customVendors: [vendor] });
    org = await createTestOrganization(t);
    const conn = await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'metered_llm', label: 'metered', admin_api_key: 'metered-admin-key' }, { token: org.users.owner.token });
    expect(conn.status).toBe(201);
    connectionId = conn.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    vendor.failing = false;
  });

  async function key(budgetUsd: number): Promise<{ id: string; vendorKeyId: string; scopeId: string }> {
    const tag = randomBytes(3).toString('hex');
    const dev = await t.http.post<{ id: string }>('/api/v1/developers', { name: `Metered ${tag}`, email: `metered.${tag}@example.com`, team: 'x' }, { token: org.users.owner.token });
    const res = await t.http.post<{ key_id: string; api_key?: string }>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'metered_llm', connection_id: connectionId, budget_limit_usd: budgetUsd }, { token: org.users.owner.token });
    if (res.body.api_key) recordSecret(res.body.api_key);
    expect(res.status).toBe(201);
    const rows = await t.dataSource.query<Array<{ vendor_key_id: string; scope_id: string }>>(`SELECT vendor_key_id, scope_id FROM issued_keys WHERE id = $1`, [res.body.key_id]);
    return { id: res.body.key_id, vendorKeyId: rows[0]?.vendor_key_id ?? '', scopeId: rows[0]?.scope_id ?? '' };
  }

  async function row(id: string): Promise<Row> {
    const rows = await t.dataSource.query<Row[]>(`SELECT state, vendor_key_id, suspended_until, month_spend_usd, last_error FROM issued_keys WHERE id = $1`, [id]);
    if (!rows[0]) throw new Error(`no row ${id}`);
    return rows[0];
  }

  const audits = async (action: string, id: string) =>
    (await t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [action, id]))[0]?.n ?? 0;

  /** One pass once the poll interval (1 s) and any lease (1 s) of the previous one ran out. */
  async function pass() {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    return t.app.get(JobsService).runPass();
  }

  async function nextMonthStart(): Promise<Date> {
    const rows = await t.dataSource.query<Array<{ at: Date }>>(`SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC' AS at`);
    return new Date(rows[0]?.at ?? 0);
  }

  it('reads the cost once per connection for any number of keys, records each key spend, and suspends the one at its budget until next month', async () => {
    const keys = [await key(5), await key(5), await key(5)];
    const [spender, saver] = keys as [(typeof keys)[0], (typeof keys)[0]];
    vendor.costs.set(spender.scopeId, 5);
    vendor.costs.set(saver.scopeId, 2.5);
    const before = vendor.reportReads;
    expect((await pass()).overBudget).toBe(1);
    expect(vendor.reportReads - before).toBe(1);
    const suspended = await row(spender.id);
    expect(suspended).toMatchObject({ state: 'suspended', month_spend_usd: '5.0000', last_error: null });
    expect(suspended.suspended_until?.toISOString()).toBe((await nextMonthStart()).toISOString());
    expect(vendor.statusOf(spender.vendorKeyId)).toBe('inactive');
    expect(await row(saver.id)).toMatchObject({ state: 'active', month_spend_usd: '2.5000', suspended_until: null });
    expect(await audits('key.budget_exhausted', spender.id)).toBe(1);
    await t.http.post(`/api/v1/keys/${spender.id}/revoke`, undefined, { token: org.users.owner.token });
  });

  it('keeps the decision when the vendor fails (last_error shown), and the next pass finishes the suspension, audited once', async () => {
    const k = await key(1);
    vendor.costs.set(k.scopeId, 3);
    vendor.failing = true;
    expect((await pass()).overBudget).toBe(0);
    const marked = await row(k.id);
    expect(marked.state).toBe('active');
    expect(marked.suspended_until).not.toBeNull();
    expect(marked.last_error).toMatch(/metered vendor unavailable/);
    vendor.failing = false;
    expect((await pass()).overBudget).toBe(1);
    expect(await row(k.id)).toMatchObject({ state: 'suspended', last_error: null });
    expect(await audits('key.budget_exhausted', k.id)).toBe(1);
    await t.http.post(`/api/v1/keys/${k.id}/revoke`, undefined, { token: org.users.owner.token });
  });

  it('drops a suspension its month overtook before it was finished: the key stays usable, nothing audited', async () => {
    const k = await key(1);
    vendor.costs.set(k.scopeId, 3);
    vendor.failing = true;
    await pass();
    expect((await row(k.id)).suspended_until).not.toBeNull();
    vendor.failing = false;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the failed attempt's lease
    const counts = await t.app.get(BudgetSuspensions).run(new Date((await nextMonthStart()).getTime() + 1000));
    expect(counts).toEqual({ suspended: 0, resumed: 0 });
    expect(await row(k.id)).toMatchObject({ state: 'active', suspended_until: null });
    expect(vendor.statusOf(k.vendorKeyId)).toBe('active');
    expect(await audits('key.budget_exhausted', k.id)).toBe(0);
    await t.http.post(`/api/v1/keys/${k.id}/revoke`, undefined, { token: org.users.owner.token });
  });

  it('resumes a suspended key once its month is over, and keeps one the vendor refuses to re-enable suspended with the reason', async () => {
    const resumable = await key(1);
    const archived = await key(1);
    vendor.costs.set(resumable.scopeId, 2);
    vendor.costs.set(archived.scopeId, 2);
    expect((await pass()).overBudget).toBe(2);
    // Someone archived the second key at the vendor while it was suspended.
    const archivedKey = vendor.keys.get(archived.vendorKeyId);
    if (archivedKey) archivedKey.status = 'archived';
    const nextMonth = new Date((await nextMonthStart()).getTime() + 1000);
    expect(await t.app.get(BudgetSuspensions).run(nextMonth)).toEqual({ suspended: 0, resumed: 1 });
    expect(await row(resumable.id)).toMatchObject({ state: 'active', suspended_until: null });
    expect(vendor.statusOf(resumable.vendorKeyId)).toBe('active');
    expect(await audits('key.budget_resumed', resumable.id)).toBe(1);
    expect(await row(archived.id)).toMatchObject({ state: 'suspended', last_error: expect.stringMatching(/cannot be re-enabled/) as unknown });
    // Nothing resumes twice.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.app.get(BudgetSuspensions).run(nextMonth)).resumed).toBe(0);
    expect(await audits('key.budget_resumed', resumable.id)).toBe(1);
  });
});
