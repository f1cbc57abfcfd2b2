import { createTestOrganization, recordSecret, startTestApp, TestApp, TestOrganization } from '@keygate/testing';

interface User {
  id: string;
  role: string;
  active: boolean;
}

describe('users and roles', () => {
  let t: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
  });
  afterAll(() => t.close());

  const create = (token: string, role: string, email: string) => {
    const password = `pw-${email}-long-enough`;
    recordSecret(password);
    return t.http.post<User & { code?: string }>('/api/v1/users', { email, name: email, role, password }, { token });
  };

  it('lets an admin create users up to admin, but not owners', async () => {
    expect((await create(org.users.admin.token, 'admin', 'a2@example.com')).status).toBe(201);
    const owner = await create(org.users.admin.token, 'owner', 'o2@example.com');
    expect(owner.status).toBe(403);
    expect(owner.body.code).toBe('role_escalation');
  });

  it('stops an admin from raising anyone (themselves included) above admin or changing an owner', async () => {
    const self = await t.http.patch<{ code: string }>(`/api/v1/users/${org.users.admin.id}`, { role: 'owner' }, { token: org.users.admin.token });
    expect(self.body.code).toBe('role_escalation');
    const onOwner = await t.http.patch<{ code: string }>(`/api/v1/users/${org.users.owner.id}`, { active: false }, { token: org.users.admin.token });
    expect(onOwner.body.code).toBe('role_escalation');
  });

  it('never removes the last active owner, by demotion or deactivation', async () => {
    const demote = await t.http.patch<{ code: string }>(`/api/v1/users/${org.users.owner.id}`, { role: 'admin' }, { token: org.users.owner.token });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_owner');
    expect((await t.http.delete<{ code: string }>(`/api/v1/users/${org.users.owner.id}`, { token: org.users.owner.token })).body.code).toBe('last_owner');
    const second = await create(org.users.owner.token, 'owner', 'o3@example.com');
    const demoted = await t.http.patch<User>(`/api/v1/users/${second.body.id}`, { role: 'viewer' }, { token: org.users.owner.token });
    expect(demoted.body.role).toBe('viewer');
  });

  it('ends a user’s sessions at once when they are deactivated or their password is reset', async () => {
    const user = await create(org.users.owner.token, 'viewer', 'v2@example.com');
    const login = await t.http.post<{ access_token: string }>('/api/v1/auth/login', { email: 'v2@example.com', password: 'pw-v2@example.com-long-enough' });
    const token = login.body.access_token;
    expect((await t.http.get('/api/v1/auth/me', { token })).status).toBe(200);
    await t.http.patch(`/api/v1/users/${user.body.id}`, { password: 'a-brand-new-password-1' }, { token: org.users.owner.token });
    expect((await t.http.get('/api/v1/auth/me', { token })).status).toBe(401);
    recordSecret('a-brand-new-password-1');
    const again = await t.http.post<{ access_token: string }>('/api/v1/auth/login', { email: 'v2@example.com', password: 'a-brand-new-password-1' });
    expect(again.status).toBe(200);
    await t.http.delete(`/api/v1/users/${user.body.id}`, { token: org.users.owner.token });
    expect((await t.http.get('/api/v1/auth/me', { token: again.body.access_token })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/login', { email: 'v2@example.com', password: 'a-brand-new-password-1' })).status).toBe(401);
  });

  it('rejects a duplicate email across the whole server, whatever the case', async () => {
    expect((await create(org.users.owner.token, 'viewer', org.users.viewer.email.toUpperCase())).body.code).toBe('email_taken');
  });
});
