import { createTestOrganization, startTestApp, TestApp, TestOrganization } from '@keygate/testing';

interface Developer {
  id: string;
  name: string;
  email: string;
  team: string;
  role: string;
  active: boolean;
}
interface Page {
  items: Developer[];
  next_cursor: string | null;
}

describe('developers', () => {
  let t: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
    for (let i = 0; i < 7; i++) {
      await t.http.post('/api/v1/developers', { name: `Person ${i}`, email: `p${i}@example.com`, team: i < 3 ? 'platform' : 'data' }, { token: org.users.admin.token });
    }
  });
  afterAll(() => t.close());

  it('registers a developer with KeyGate’s defaults (team "default", role "developer")', async () => {
    const res = await t.http.post<Developer>('/api/v1/developers', { name: 'Ada Lovelace', email: 'Ada@Example.com' }, { token: org.users.admin.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', team: 'default', role: 'developer', active: true });
    const dup = await t.http.post('/api/v1/developers', { name: 'Ada', email: 'ada@example.com' }, { token: org.users.admin.token });
    expect(dup.status).toBe(409);
  });

  it('lists with team filter, search and cursor pagination', async () => {
    const token = org.users.viewer.token;
    const platform = await t.http.get<Page>('/api/v1/developers?team=platform', { token });
    expect(platform.body.items.map((d) => d.email).sort()).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com']);
    expect((await t.http.get<Page>('/api/v1/developers?search=person%205', { token })).body.items.map((d) => d.email)).toEqual(['p5@example.com']);
    const emails: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await t.http.get<Page>(`/api/v1/developers?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token });
      emails.push(...page.body.items.map((d) => d.email));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.length).toBeGreaterThanOrEqual(7);
  });

  it('updates, deactivates (hidden from active lists) and reactivates, auditing each step', async () => {
    const token = org.users.admin.token;
    const dev = (await t.http.post<Developer>('/api/v1/developers', { name: 'Grace', email: 'grace@example.com' }, { token })).body;
    const renamed = await t.http.patch<Developer>(`/api/v1/developers/${dev.id}`, { team: 'compilers' }, { token });
    expect(renamed.body.team).toBe('compilers');
    const removed = await t.http.delete<{ developer: Developer; keys: unknown[] }>(`/api/v1/developers/${dev.id}`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.developer.active).toBe(false);
    const active = await t.http.get<Page>('/api/v1/developers?limit=200', { token });
    expect(active.body.items.map((d) => d.id)).not.toContain(dev.id);
    const all = await t.http.get<Page>('/api/v1/developers?limit=200&active_only=false', { token });
    expect(all.body.items.map((d) => d.id)).toContain(dev.id);
    await t.http.patch(`/api/v1/developers/${dev.id}`, { active: true }, { token });
    const trail = await t.http.get<{ items: Array<{ action: string }> }>(`/api/v1/audit?target=${dev.id}`, { token });
    expect(trail.body.items.map((e) => e.action)).toEqual(['developer.reactivated', 'developer.deactivated', 'developer.updated', 'developer.created']);
  });
});
