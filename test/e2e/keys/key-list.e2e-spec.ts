import { createDeveloper, provisionKey, startKeyStack, type KeyStack } from './support/key-stack';

describe('listing keys', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(() => s.close());

  it('pages through every key exactly once with the cursor, and filters by state', async () => {
    const developerId = await createDeveloper(s);
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await provisionKey(s, { developer_id: developerId })).body.key_id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `/api/v1/keys?developer_id=${developerId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; body: { items: Array<{ key_id: string }>; next_cursor: string | null } } = await s.t.http.get(query, { token: s.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((k) => k.key_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(created.length);
    expect(new Set(seen)).toEqual(new Set(created));
    const active = await s.t.http.get<{ items: unknown[] }>(`/api/v1/keys?developer_id=${developerId}&status=active&limit=50`, { token: s.token });
    expect(active.body.items).toHaveLength(7);
  });
});
