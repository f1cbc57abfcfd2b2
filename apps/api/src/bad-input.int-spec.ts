import { createTestOrganization, startTestApp, TestApp, TestOrganization } from '@keygate/testing';

type Case = [method: string, path: string, body: unknown, field?: string];

/**
 * Every write endpoint, given bad input, answers a clear 4xx in the one error shape and leaves every table,
 * the audit log included, exactly as it was.
 */
describe('bad input on write endpoints', () => {
  let t: TestApp;
  let org: TestOrganization;
  let developerId: string;
  let connectionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
    const token = org.users.owner.token;
    developerId = (await t.http.post<{ id: string }>('/api/v1/developers', { name: 'Ada', email: 'ada@example.com' }, { token })).body.id;
    connectionId = (await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'main', admin_api_key: 'sk-admin-bad-input-fixture-1' }, { token })).body.id;
  });
  afterAll(() => t.close());

  async function snapshot(): Promise<string> {
    const tables = await t.dataSource.query<Array<{ tablename: string }>>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('refresh_tokens','auth_sessions') ORDER BY 1`);
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const [row] = await t.dataSource.query<Array<{ n: string; h: string }>>(`SELECT count(*)::text AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${tablename} x`);
      parts.push(`${tablename}:${row.n}:${row.h}`);
    }
    return parts.join('\n');
  }

  const cases = (): Case[] => [
    ['POST', '/api/v1/developers', { name: 'X' }, 'email'],
    ['POST', '/api/v1/developers', { name: '', email: 'x@example.com' }, 'name'],
    ['POST', '/api/v1/developers', { name: 'X', email: 'not-an-email' }, 'email'],
    ['POST', '/api/v1/developers', { name: 'X', email: 'x@example.com', team: '../etc' }, 'team'],
    ['POST', '/api/v1/developers', { name: 'X', email: 'x@example.com', role: 'superuser' }, 'role'],
    ['POST', '/api/v1/developers', { name: 'X', email: 'x@example.com', is_admin: true }, 'is_admin'],
    ['POST', '/api/v1/developers', { name: 42, email: 'x@example.com' }, 'name'],
    ['POST', '/api/v1/developers', { name: 'Dup', email: 'ADA@example.com' }],
    ['POST', '/api/v1/developers', [1, 2, 3]],
    ['PATCH', '/api/v1/developers/not-a-uuid', { name: 'Y' }],
    ['PATCH', `/api/v1/developers/${'0'.repeat(8)}-0000-4000-8000-000000000000`, { name: 'Y' }],
    ['PATCH', '/api/v1/developers/{dev}', { active: 'yes' }, 'active'],
    ['PATCH', '/api/v1/developers/{dev}', { email: 'nope' }, 'email'],
    ['POST', '/api/v1/vendors/configure', { vendor: 'mistral', admin_api_key: 'sk-whatever-123' }],
    ['POST', '/api/v1/vendors/configure', { vendor: 'openai' }, 'admin_api_key'],
    ['POST', '/api/v1/vendors/configure', { vendor: 'openai', admin_api_key: 'sk-admin-aaaaaaaa', extra_config: { 'bad key': 'x' } }, 'extra_config'],
    ['POST', '/api/v1/vendors/configure', { vendor: 'openai', admin_api_key: 'sk-admin-aaaaaaaa', extra_config: { region: 5 } }, 'extra_config'],
    ['POST', '/api/v1/vendors/configure', { vendor: 'openai', admin_api_key: 'sk-admin-aaaaaaaa', base_url: 'https://evil.example' }, 'base_url'],
    ['POST', '/api/v1/vendors/connections', { vendor: 'openai', label: 'main', admin_api_key: 'sk-admin-another-1' }],
    ['POST', '/api/v1/vendors/connections', { vendor: 'openai', label: '', admin_api_key: 'sk-admin-another-1' }, 'label'],
    ['PATCH', '/api/v1/vendors/connections/{conn}', { admin_api_key: 'short' }, 'admin_api_key'],
    ['POST', '/api/v1/users', { email: 'u@example.com', name: 'U', role: 'viewer', password: 'short' }, 'password'],
    ['POST', '/api/v1/users', { email: 'u@example.com', name: 'U', role: 'root', password: 'a-long-password-1' }, 'role'],
    ['POST', '/api/v1/users', { email: 'u@example.com', name: 'U', role: 'viewer', password: 'a-long-password-1', developer_id: 'nope' }, 'developer_id'],
    ['PATCH', '/api/v1/users/{owner}', { role: 'viewer' }],
    ['POST', '/api/v1/auth/login', { email: 'x' }, 'email'],
    ['POST', '/api/v1/auth/refresh', { refresh_token: 'kgr_not-a-real-token' }],
  ];

  it('answers each with a 4xx naming the problem and changes nothing', async () => {
    const before = await snapshot();
    for (const [method, rawPath, body, field] of cases()) {
      const path = rawPath.replace('{dev}', developerId).replace('{conn}', connectionId).replace('{owner}', org.users.owner.id);
      const res = await t.http.request<{ statusCode: number; code: string; message: string; requestId: string; details?: Array<{ field: string }> }>(method, path, body, {
        token: org.users.owner.token,
      });
      const summary = `${method} ${rawPath} ${JSON.stringify(body)} -> ${res.status} ${res.text}`;
      expect({ summary, client: res.status >= 400 && res.status < 500 }).toEqual({ summary, client: true });
      expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, code: expect.any(String), message: expect.any(String), requestId: expect.any(String) }));
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
      if (field) expect({ summary, fields: res.body.details?.map((d) => d.field) }).toEqual({ summary, fields: expect.arrayContaining([field]) });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with 400, a body over the limit with 413 and a wrong content type with 415', async () => {
    const token = org.users.owner.token;
    const malformed = await t.http.request('POST', '/api/v1/developers', undefined, { token, rawBody: '{"name": "x",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'malformed_json' });
    const huge = await t.http.request('POST', '/api/v1/developers', undefined, { token, rawBody: JSON.stringify({ name: 'x'.repeat(2_000_000), email: 'x@example.com' }) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'payload_too_large' });
    const text = await t.http.request('POST', '/api/v1/developers', undefined, { token, rawBody: 'name=x', headers: { 'content-type': 'text/csv' } });
    expect(text.status).toBe(415);
    const unknown = await t.http.get('/api/v1/no-such-thing', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'route_not_found' });
  });
});
