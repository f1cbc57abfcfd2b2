import { randomUUID } from 'node:crypto';
import { recordSecret } from '@keygate/testing';
import { createDeveloper, getKey, headersFor, journalHead, openaiAdmin, provisionKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

const PROJECTS = '^/v1/organization/projects$';

async function liveManagedProjects(s: KeyStack): Promise<string[]> {
  const names: string[] = [];
  for await (const p of openaiAdmin(s).projects.list({ limit: 100 })) {
    const name = p.name ?? '';
    if (name.startsWith('kg-') && p.status === 'active') names.push(name);
  }
  return names;
}

async function keyRows(s: KeyStack): Promise<number> {
  return (await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM issued_keys`))[0]?.n ?? 0;
}

describe('vendor faults and bad input', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack({ VENDOR_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await s.close();
  });
  afterEach(() => s.sim.control.clearFaults());

  it('honours a 429 Retry-After from the vendor and then succeeds', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: PROJECTS, times: 1, action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const since = await journalHead(s);
    const res = await provisionKey(s, { developer_id: developerId });
    expect(res.status).toBe(201);
    const creates = (await s.sim.control.journal({ vendor: 'openai', since })).filter((e) => e.method === 'POST' && e.path === '/v1/organization/projects');
    expect(creates.map((e) => e.status)).toEqual([429, 200]);
    expect(Date.parse(creates[1]?.at ?? '') - Date.parse(creates[0]?.at ?? '')).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx, then answers 503 vendor unavailable and leaves nothing behind', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: PROJECTS, times: 0, action: { type: 'status', status: 500 } });
    const since = await journalHead(s);
    const before = await liveManagedProjects(s);
    const res = await provisionKey(s, { developer_id: developerId }, { expectServerError: true });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'vendor_unavailable' });
    const creates = (await s.sim.control.journal({ vendor: 'openai', since })).filter((e) => e.method === 'POST' && e.path === '/v1/organization/projects');
    expect(creates.length).toBe(4);
    const rows = await s.t.dataSource.query<Array<{ state: string }>>(`SELECT state FROM issued_keys WHERE developer_id = $1`, [developerId]);
    expect(rows).toEqual([{ state: 'failed' }]);
    expect(await liveManagedProjects(s)).toEqual(before);
  });

  it('times out slow vendor calls, answers 503, and after a reconciler pass nothing created late is left', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: PROJECTS, times: 0, action: { type: 'latency', ms: 1500 } });
    const before = await liveManagedProjects(s);
    const res = await provisionKey(s, { developer_id: developerId }, { expectServerError: true });
    expect(res.status).toBe(503);
    await s.sim.control.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await s.runJobs();
    expect(await liveManagedProjects(s)).toEqual(before);
    const rows = await s.t.dataSource.query<Array<{ state: string }>>(`SELECT state FROM issued_keys WHERE developer_id = $1`, [developerId]);
    expect(rows.map((r) => r.state)).not.toContain('active');
  });

  it('answers 502 naming the connection when the vendor rejects its admin credential, never echoing the credential', async () => {
    const badCredential = `sk-admin-wrong-${randomUUID()}`;
    recordSecret(badCredential);
    const conn = await s.t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'revoked-admin-key', admin_api_key: badCredential }, { token: s.token });
    const developerId = await createDeveloper(s);
    const res = await provisionKey(s, { developer_id: developerId, connection_id: conn.body.id }, { expectServerError: true });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'vendor_rejected_credentials', details: { connection_id: conn.body.id, connection_label: 'revoked-admin-key' } });
    expect((res.body as unknown as { message: string }).message).toContain('revoked-admin-key');
    expect(res.text).not.toContain(badCredential);
    const check = await s.t.http.post<{ ok: boolean; status: string }>(`/api/v1/vendors/connections/${conn.body.id}/check`, undefined, { token: s.token });
    expect(check.body).toMatchObject({ ok: false, status: 'failed' });
    expect(check.text).not.toContain(badCredential);
    const good = await s.t.http.post<{ ok: boolean }>(`/api/v1/vendors/connections/${s.connectionId}/check`, undefined, { token: s.token });
    expect(good.body).toMatchObject({ ok: true, status: 'ok' });
  });

  describe('bad input makes no vendor call and no row', () => {
    let developerId: string;
    let inactiveId: string;

    beforeAll(async () => {
      developerId = await createDeveloper(s);
      inactiveId = await createDeveloper(s);
      await s.t.http.patch(`/api/v1/developers/${inactiveId}`, { active: false }, { token: s.token });
    });

    const cases: Array<[string, () => Record<string, unknown>, number, string, string]> = [
      ['an unknown developer', () => ({ developer_id: randomUUID() }), 404, 'developer_not_found', ''],
      ['an inactive developer', () => ({ developer_id: inactiveId }), 409, 'developer_inactive', ''],
      ['an unknown vendor', () => ({ developer_id: developerId, vendor: 'mistral' }), 400, 'unknown_vendor', ''],
      ['a budget below 0', () => ({ developer_id: developerId, budget_limit_usd: -1 }), 400, 'validation_failed', 'budget_limit_usd'],
      ['a rate limit below 1', () => ({ developer_id: developerId, rate_limit_rpm: 0 }), 400, 'validation_failed', 'rate_limit_rpm'],
      ['expires_in_days of 0', () => ({ developer_id: developerId, expires_in_days: 0 }), 400, 'validation_failed', 'expires_in_days'],
      ['expires_in_days of 366', () => ({ developer_id: developerId, expires_in_days: 366 }), 400, 'validation_failed', 'expires_in_days'],
      ['models_allowed as a string', () => ({ developer_id: developerId, models_allowed: 'gpt-4o' }), 400, 'validation_failed', 'models_allowed'],
      ['models_allowed with numbers', () => ({ developer_id: developerId, models_allowed: [1, 2] }), 400, 'validation_failed', 'models_allowed'],
    ];

    it.each(cases)('refuses %s', async (_name, body, status, code, field) => {
      const since = await journalHead(s);
      const rowsBefore = await keyRows(s);
      const res = await provisionKey(s, body());
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code });
      if (field) expect(JSON.stringify(res.body)).toContain(field);
      if (code === 'unknown_vendor') expect((res.body as unknown as { message: string }).message).toContain('openai, anthropic, azure_openai, google_vertex');
      expect(await s.sim.control.journal({ since })).toEqual([]);
      expect(await keyRows(s)).toBe(rowsBefore);
    });
  });

  it('shows who enforces each policy field per vendor', async () => {
    const res = await s.t.http.get<Array<{ vendor: string; fields: Record<string, { enforced_by: string; note: string }> }>>('/api/v1/vendors/capabilities', { token: s.token });
    expect(res.status).toBe(200);
    expect(res.body.map((c) => c.vendor)).toEqual(['openai', 'anthropic', 'azure_openai', 'google_vertex']);
    const openai = res.body.find((c) => c.vendor === 'openai');
    expect(openai?.fields.models_allowed?.enforced_by).toBe('vendor');
    const anthropic = res.body.find((c) => c.vendor === 'anthropic');
    expect(anthropic?.fields.budget_limit_usd?.enforced_by).toBe('keygate');
    for (const c of res.body) for (const f of Object.values(c.fields)) expect(f.note.length).toBeGreaterThan(10);
  });

  it('a revoke the vendor keeps refusing is retried with backoff and ends visible as revoke_failed, listed and counted', async () => {
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId });
    await s.sim.control.addFault({ vendor: 'openai', method: 'DELETE', path: '/service_accounts/', times: 0, action: { type: 'status', status: 503 } });
    const first = await s.t.http.post<{ code: string; details: { status: string } }>(`/api/v1/keys/${key.body.key_id}/revoke`, undefined, { token: s.token, headers: headersFor({ expectServerError: true }) });
    expect(first.status).toBe(503);
    expect(first.body.details.status).toBe('revoking');
    for (let attempt = 2; attempt <= 6; attempt += 1) {
      await s.t.dataSource.query(`UPDATE issued_keys SET next_attempt_at = now() WHERE id = $1`, [key.body.key_id]);
      await s.runJobs();
    }
    const view = await getKey(s, key.body.key_id);
    expect(view).toMatchObject({ status: 'revoke_failed', revoke_attempts: 6 });
    const listed = await s.t.http.get<{ items: Array<{ key_id: string }> }>('/api/v1/keys?status=revoke_failed', { token: s.token });
    expect(listed.body.items.map((k) => k.key_id)).toContain(key.body.key_id);
    const metrics = await s.t.http.get('/metrics');
    expect(metrics.text).toMatch(/keygate_keys\{vendor="openai",state="revoke_failed"\} 1/);
    expect(metrics.text).toMatch(/keygate_vendor_calls_total\{vendor="openai",operation="revoke",outcome="vendor_unavailable"\} 6/);
    await s.sim.control.clearFaults();
    await s.t.dataSource.query(`UPDATE issued_keys SET next_attempt_at = now() WHERE id = $1`, [key.body.key_id]);
    await s.runJobs();
    expect((await getKey(s, key.body.key_id)).status).toBe('revoked');
  });
});
