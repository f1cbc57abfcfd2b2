import { completionStatus, createDeveloper, getKey, openaiAdmin, provisionKey, rotateKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

describe('key lifecycle against the vendor simulator, with the official openai SDK', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(() => s.close());

  it('provisions a working key shown once with no-store, then revoking it makes the vendor answer 401', async () => {
    const developerId = await createDeveloper(s, 'Ada Lovelace');
    const res = await provisionKey(s, { developer_id: developerId, models_allowed: ['gpt-4o-mini'], rate_limit_rpm: 30, budget_limit_usd: 25, expires_in_days: 30 });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ vendor: 'openai', status: 'active', budget_limit_usd: 25, rate_limit_rpm: 30, models_allowed: ['gpt-4o-mini'] });
    expect(res.body.api_key).toMatch(/^sk-svcacct-/);
    expect(res.body.project_name).toMatch(/^kg-platform-ada-lovelace-[a-z0-9]{8}$/);
    expect(res.body.instructions.base_url).toBe(s.sim.urls.openai);
    expect(res.body.enforcement.rate_limit_rpm?.enforced_by).toBe('vendor');
    const apiKey = res.body.api_key ?? '';
    expect(await completionStatus(s, apiKey)).toBe(200);

    const listed = await s.t.http.get<{ items: Array<Record<string, unknown>> }>(`/api/v1/keys?developer_id=${developerId}&status=active`, { token: s.token });
    expect(listed.body.items.map((k) => [k.key_id, k.developer_name])).toEqual([[res.body.key_id, 'Ada Lovelace']]);
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);

    const revoked = await s.t.http.post<{ status: string }>(`/api/v1/keys/${res.body.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(await completionStatus(s, apiKey)).toBe(401);
  });

  it('pushes the rate limit, model allow-list and spend limit to the vendor, which enforces them', async () => {
    const developerId = await createDeveloper(s);
    const res = await provisionKey(s, { developer_id: developerId, models_allowed: ['gpt-4o-mini'], rate_limit_rpm: 2, budget_limit_usd: 12.5 });
    expect(res.status).toBe(201);
    const admin = openaiAdmin(s);
    const projects = [];
    for await (const p of admin.projects.list({ limit: 100 })) projects.push(p);
    const project = projects.find((p) => p.name === res.body.project_name);
    expect(project).toBeDefined();
    const projectId = project?.id ?? '';
    const limits = [];
    for await (const l of admin.projects.rateLimits.listRateLimits(projectId)) limits.push(l);
    expect(limits.find((l) => l.model === 'gpt-4o-mini')?.max_requests_per_1_minute).toBe(2);
    const spend = (await admin.projects.spendLimit.retrieve(projectId)) as { threshold_amount: number; interval: string };
    expect(spend).toMatchObject({ threshold_amount: 1250, interval: 'month' });
    const models = (await admin.projects.modelPermissions.retrieve(projectId)) as { mode: string; model_ids: string[] };
    expect(models).toMatchObject({ mode: 'allow_list', model_ids: ['gpt-4o-mini'] });

    const apiKey = res.body.api_key ?? '';
    expect(await completionStatus(s, apiKey, 'gpt-4o')).toBe(403);
    expect(await completionStatus(s, apiKey)).toBe(200);
    expect(await completionStatus(s, apiKey)).toBe(200);
    expect(await completionStatus(s, apiKey)).toBe(429);
  });

  it('rotates: the new key works at once and the old one is refused right away with the default grace of 0', async () => {
    const developerId = await createDeveloper(s);
    const first = await provisionKey(s, { developer_id: developerId });
    const rotated = await rotateKey(s, first.body.key_id);
    expect(rotated.status).toBe(201);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body.project_name).toBe(first.body.project_name);
    expect(await completionStatus(s, rotated.body.api_key ?? '')).toBe(200);
    expect(await completionStatus(s, first.body.api_key ?? '')).toBe(401);
    expect((await getKey(s, first.body.key_id)).status).toBe('revoked');
  });

  it('rotates with a grace period: both keys work until the sweeper revokes the old one when the grace has passed', async () => {
    const developerId = await createDeveloper(s);
    const first = await provisionKey(s, { developer_id: developerId });
    const rotated = await rotateKey(s, first.body.key_id, { grace_seconds: 3600 });
    expect(rotated.status).toBe(201);
    expect(await completionStatus(s, first.body.api_key ?? '')).toBe(200);
    expect(await completionStatus(s, rotated.body.api_key ?? '')).toBe(200);
    await s.runJobs();
    expect(await completionStatus(s, first.body.api_key ?? '')).toBe(200);
    // The grace is judged by the database clock: move it into the past instead of waiting an hour.
    await s.t.dataSource.query(`UPDATE issued_keys SET revoke_after = now() - interval '1 second' WHERE id = $1`, [first.body.key_id]);
    await s.runJobs();
    expect(await completionStatus(s, first.body.api_key ?? '')).toBe(401);
    expect(await completionStatus(s, rotated.body.api_key ?? '')).toBe(200);
  });

  it('expires a key: after the sweeper runs the vendor refuses it and the key shows expired', async () => {
    const developerId = await createDeveloper(s);
    const res = await provisionKey(s, { developer_id: developerId, expires_in_days: 1 });
    expect(await completionStatus(s, res.body.api_key ?? '')).toBe(200);
    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [res.body.key_id]);
    const report = await s.runJobs();
    expect(report.expired).toBe(1);
    expect((await getKey(s, res.body.key_id)).status).toBe('expired');
    expect(await completionStatus(s, res.body.api_key ?? '')).toBe(401);
  });

  it('deactivating a developer revokes every one of their keys at the vendor and reports each', async () => {
    const developerId = await createDeveloper(s);
    const keys = [await provisionKey(s, { developer_id: developerId }), await provisionKey(s, { developer_id: developerId })];
    for (const k of keys) expect(await completionStatus(s, k.body.api_key ?? '')).toBe(200);
    const res = await s.t.http.delete<{ keys: Array<{ key_id: string; outcome: string }> }>(`/api/v1/developers/${developerId}`, { token: s.token });
    expect(res.status).toBe(200);
    expect(res.body.keys.map((k) => k.outcome)).toEqual(['revoked', 'revoked']);
    for (const k of keys) expect(await completionStatus(s, k.body.api_key ?? '')).toBe(401);
    const again = await provisionKey(s, { developer_id: developerId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'developer_inactive' });
  });

  it('identifies a leaked key by its fingerprint without storing it, and finds nothing for an unknown key', async () => {
    const developerId = await createDeveloper(s);
    const res = await provisionKey(s, { developer_id: developerId });
    const found = await s.t.http.post<{ found: boolean; key: { key_id: string } | null }>('/api/v1/keys/identify', { api_key: res.body.api_key }, { token: s.token });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ found: true, key: { key_id: res.body.key_id } });
    const unknown = await s.t.http.post<{ found: boolean }>('/api/v1/keys/identify', { api_key: 'sk-svcacct-not-a-key-we-issued' }, { token: s.token });
    expect(unknown.body).toEqual({ found: false, key: null });
  });

  it('audits every transition without ever writing the secret', async () => {
    const developerId = await createDeveloper(s);
    const res = await provisionKey(s, { developer_id: developerId });
    await s.t.http.post(`/api/v1/keys/${res.body.key_id}/revoke`, undefined, { token: s.token });
    const rows = await s.t.dataSource.query<Array<{ action: string; details: string }>>(`SELECT action, details::text AS details FROM audit_events WHERE target_id = $1 ORDER BY seq`, [res.body.key_id]);
    expect(rows.map((r) => r.action)).toEqual(['key.provision.requested', 'key.provisioned', 'key.revoke.requested', 'key.revoked']);
    for (const r of rows) expect(r.details).not.toContain(res.body.api_key ?? 'never');
  });

  it('does not issue a key to a developer deactivated while the key was being provisioned, and leaves nothing at the vendor', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: '/api_keys$', times: 1, action: { type: 'pause' } });
    const pending = provisionKey(s, { developer_id: developerId });
    await s.sim.control.waitForPaused(1);
    const offboarded = await s.t.http.delete<{ keys: Array<{ outcome: string }> }>(`/api/v1/developers/${developerId}`, { token: s.token });
    expect(offboarded.status).toBe(200);
    await s.sim.control.releaseAll();
    const res = await pending;
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'developer_inactive' });
    expect(res.body.api_key).toBeUndefined();
    const rows = await s.t.dataSource.query<Array<{ state: string; scope_name: string }>>(`SELECT state, scope_name FROM issued_keys WHERE developer_id = $1`, [developerId]);
    expect(rows.map((r) => r.state)).toEqual(['failed']);
    for await (const p of openaiAdmin(s).projects.list({ limit: 100, include_archived: true })) {
      if (p.name === rows[0]?.scope_name) expect(p.status).toBe('archived');
    }
  });
});
