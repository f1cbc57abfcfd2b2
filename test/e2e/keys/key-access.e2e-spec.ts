import { createTestOrganization } from '@keygate/testing';
import { createDeveloper, provisionKey, rotateKey, startKeyStack, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

describe('who may see and change which keys', () => {
  let s: KeyStack;
  let mine: string;
  let theirs: string;
  let theirKey: string;

  beforeAll(async () => {
    s = await startKeyStack();
    mine = await createDeveloper(s);
    theirs = await createDeveloper(s);
    theirKey = (await provisionKey(s, { developer_id: theirs })).body.key_id;
    await s.t.dataSource.query(`UPDATE users SET developer_id = $1 WHERE id = $2`, [mine, s.org.users.developer.id]);
  });
  afterAll(() => s.close());

  const dev = () => s.org.users.developer.token;

  it('a developer requests, lists, rotates and revokes their own keys', async () => {
    const own = await provisionKey(s, { developer_id: mine }, { token: dev() });
    expect(own.status).toBe(201);
    const listed = await s.t.http.get<{ items: Array<{ key_id: string; developer_id: string }> }>('/api/v1/keys', { token: dev() });
    expect(listed.body.items.map((k) => k.developer_id)).toEqual([mine]);
    const rotated = await rotateKey(s, own.body.key_id, {}, { token: dev() });
    expect(rotated.status).toBe(201);
    const revoked = await s.t.http.post<{ status: string }>(`/api/v1/keys/${rotated.body.key_id}/revoke`, undefined, { token: dev() });
    expect(revoked.body.status).toBe('revoked');
  });

  it('a developer cannot request, see, rotate or revoke another developer’s keys', async () => {
    const other = await provisionKey(s, { developer_id: theirs }, { token: dev() });
    expect(other.status).toBe(403);
    expect((await s.t.http.get(`/api/v1/keys/${theirKey}`, { token: dev() })).status).toBe(404);
    const filtered = await s.t.http.get<{ items: unknown[] }>(`/api/v1/keys?developer_id=${theirs}`, { token: dev() });
    expect(filtered.body.items).toEqual([]);
    expect((await rotateKey(s, theirKey, {}, { token: dev() })).status).toBe(404);
    expect((await s.t.http.post(`/api/v1/keys/${theirKey}/revoke`, undefined, { token: dev() })).status).toBe(404);
    expect((await s.t.http.post('/api/v1/keys/identify', { api_key: 'sk-anything-at-all' }, { token: dev() })).status).toBe(403);
  });

  it('a viewer sees every key but cannot change any', async () => {
    const viewer = s.org.users.viewer.token;
    const listed = await s.t.http.get<{ items: Array<{ key_id: string }> }>('/api/v1/keys', { token: viewer });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((k) => k.key_id)).toContain(theirKey);
    expect((await provisionKey(s, { developer_id: theirs }, { token: viewer })).status).toBe(403);
    expect((await s.t.http.post(`/api/v1/keys/${theirKey}/revoke`, undefined, { token: viewer })).status).toBe(403);
  });

  it('an admin manages every developer’s keys', async () => {
    const admin = s.org.users.admin.token;
    const res = await provisionKey(s, { developer_id: theirs }, { token: admin });
    expect(res.status).toBe(201);
    expect((await s.t.http.post(`/api/v1/keys/${res.body.key_id}/revoke`, undefined, { token: admin })).status).toBe(200);
  });

  it('another organization’s keys do not exist for you', async () => {
    const other = await createTestOrganization(s.t);
    expect((await s.t.http.get(`/api/v1/keys/${theirKey}`, { token: other.users.owner.token })).status).toBe(404);
    expect((await s.t.http.post(`/api/v1/keys/${theirKey}/revoke`, undefined, { token: other.users.owner.token })).status).toBe(404);
    const listed = await s.t.http.get<{ items: unknown[] }>('/api/v1/keys', { token: other.users.owner.token });
    expect(listed.body.items).toEqual([]);
    expect((await s.t.http.get(`/api/v1/keys/${theirKey}`, { token: s.org.users.owner.token })).status).toBe(200);
  });
});
