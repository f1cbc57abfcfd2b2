import { createTestOrganization, recordSecret, startTestApp, TestApp, TestOrganization } from '@keygate/testing';

/** A user of organization A can never read, change or delete anything of organization B. */
describe('tenant isolation', () => {
  let t: TestApp;
  let a: TestOrganization;
  let b: TestOrganization;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    a = await createTestOrganization(t, 'Org A');
    b = await createTestOrganization(t, 'Org B');
    const token = b.users.owner.token;
    ids.developer = ((await t.http.post<{ id: string }>('/api/v1/developers', { name: 'Bob', email: 'bob@b.example' }, { token })).body).id;
    const credential = 'sk-admin-orgB-secret-credential-0001';
    recordSecret(credential);
    ids.connection = ((await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'b', admin_api_key: credential }, { token })).body).id;
    ids.user = b.users.viewer.id;
  });
  afterAll(() => t.close());

  const attempts = () => [
    ['GET', `/api/v1/developers/${ids.developer}`, undefined],
    ['PATCH', `/api/v1/developers/${ids.developer}`, { name: 'Mallory' }],
    ['DELETE', `/api/v1/developers/${ids.developer}`, undefined],
    ['GET', `/api/v1/vendors/connections/${ids.connection}`, undefined],
    ['PATCH', `/api/v1/vendors/connections/${ids.connection}`, { label: 'stolen' }],
    ['DELETE', `/api/v1/vendors/connections/${ids.connection}`, undefined],
    ['GET', `/api/v1/users/${ids.user}`, undefined],
    ['PATCH', `/api/v1/users/${ids.user}`, { role: 'viewer', active: false }],
    ['DELETE', `/api/v1/users/${ids.user}`, undefined],
  ] as const;

  it('answers 404 to every attempt by id from another organization and changes nothing', async () => {
    for (const [method, path, body] of attempts()) {
      const res = await t.http.request(method, path, body, { token: a.users.owner.token });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    const developer = await t.http.get<{ name: string; active: boolean }>(`/api/v1/developers/${ids.developer}`, { token: b.users.owner.token });
    expect(developer.body).toMatchObject({ name: 'Bob', active: true });
    const user = await t.http.get<{ active: boolean }>(`/api/v1/users/${ids.user}`, { token: b.users.owner.token });
    expect(user.body.active).toBe(true);
  });

  it('never lists another organization’s rows', async () => {
    const token = a.users.owner.token;
    const developers = await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/developers?active_only=false', { token });
    expect(developers.body.items.map((d) => d.id)).not.toContain(ids.developer);
    const connections = await t.http.get<Array<{ id: string }>>('/api/v1/vendors/connections', { token });
    expect(connections.body.map((c) => c.id)).not.toContain(ids.connection);
    const users = await t.http.get<{ items: Array<{ id: string }> }>('/api/v1/users', { token });
    expect(users.body.items.map((u) => u.id)).not.toContain(ids.user);
    const audit = await t.http.get<{ items: Array<{ target: { id: string } }> }>('/api/v1/audit?limit=500', { token });
    expect(audit.body.items.map((e) => e.target.id)).not.toContain(ids.developer);
  });

  it('rejects an organization_id smuggled into a body instead of honouring it', async () => {
    const res = await t.http.post<{ code: string; details: Array<{ field: string }> }>(
      '/api/v1/developers',
      { name: 'Eve', email: 'eve@a.example', organization_id: b.id },
      { token: a.users.owner.token },
    );
    expect(res.status).toBe(400);
    expect(res.body.details.map((d) => d.field)).toContain('organization_id');
    const bList = await t.http.get<{ items: Array<{ email: string }> }>('/api/v1/developers', { token: b.users.owner.token });
    expect(bList.body.items.map((d) => d.email)).not.toContain('eve@a.example');
  });

  it('keeps one audit hash chain per organization, each verifying on its own', async () => {
    for (const org of [a, b]) {
      const res = await t.http.get<{ ok: boolean; checked: number }>('/api/v1/audit/verify', { token: org.users.owner.token });
      expect(res.body.ok).toBe(true);
      expect(res.body.checked).toBeGreaterThan(0);
    }
  });
});
