import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { createTestOrganization, EXPECTED_SERVER_ERROR_PREFIX, startTestApp, TestApp, TestOrganization, testRunDir } from '@keygate/testing';

interface Page {
  items: Array<{ seq: number; action: string; actor: { id: string | null; label: string | null }; target: { id: string | null }; request_id: string; ip: string; user_agent: string; details: Record<string, unknown> }>;
  next_cursor: string | null;
}

describe('the audit log', () => {
  let t: TestApp;
  let org: TestOrganization;
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp();
    org = await createTestOrganization(t);
    for (let i = 0; i < 12; i++) {
      await t.http.post('/api/v1/developers', { name: `Dev ${i}`, email: `dev${i}@example.com`, team: i % 2 ? 'odd' : 'even' }, { token: org.users.admin.token, headers: { 'user-agent': 'audit-spec', 'x-request-id': `req-${i}` } });
    }
    client = new Client({ connectionString: t.db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  const get = (query: string) => t.http.get<Page>(`/api/v1/audit${query}`, { token: org.users.viewer.token });

  it('records who did what to which target, from where, with the request id', async () => {
    const page = await get('?action=developer.created&limit=1');
    expect(page.body.items[0]).toMatchObject({
      action: 'developer.created',
      actor: { id: org.users.admin.id, label: org.users.admin.email },
      request_id: 'req-11',
      ip: '127.0.0.1',
      user_agent: 'audit-spec',
      details: { name: 'Dev 11', team: 'odd' },
    });
  });

  it('pages newest first with a keyset cursor, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: Page } = await get(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((e) => e.seq));
      cursor = page.body.next_cursor;
    }
    const sorted = [...seen].sort((a, b) => b - a);
    expect(seen).toEqual(sorted);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen[0]).toBe(seen.length);
  });

  it('filters by action prefix, actor, target and time range, and refuses a limit above 500', async () => {
    expect((await get('?action=developer.*&limit=500')).body.items).toHaveLength(12);
    expect((await get(`?actor=${org.users.admin.email}&limit=500`)).body.items.every((e) => e.actor.id === org.users.admin.id)).toBe(true);
    const one = (await get('?action=developer.created&limit=1')).body.items[0];
    expect((await get(`?target=${one.target.id}`)).body.items.map((e) => e.seq)).toEqual([one.seq]);
    expect((await get('?until=2000-01-01T00:00:00Z')).body.items).toHaveLength(0);
    expect((await get('?since=2000-01-01T00:00:00Z&limit=3')).body.items).toHaveLength(3);
    expect((await get('?limit=501')).status).toBe(400);
    expect((await get('?cursor=bm9wZQ')).body).toMatchObject({ code: 'invalid_cursor' });
  });

  it('exports NDJSON, oldest first, one event per line', async () => {
    const res = await t.http.get('/api/v1/audit/export?action=developer.created', { token: org.users.viewer.token });
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; action: string });
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => l.seq)).toEqual([...lines.map((l) => l.seq)].sort((a, b) => a - b));
  });

  it('is append-only for the application: UPDATE, DELETE and TRUNCATE are rejected by the database', async () => {
    await expect(client.query(`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const fk = await client.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND (confrelid = 'audit_events'::regclass OR conrelid = 'audit_events'::regclass)`);
    expect(fk.rows[0]).toEqual({ n: 0 });
  });

  it('keeps one gapless chain that verifies when many requests append at once (the database numbers and hashes each event)', async () => {
    const busy = await createTestOrganization(t);
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) => t.http.post('/api/v1/developers', { name: `Busy ${i}`, email: `busy${i}@example.com` }, { token: busy.users.admin.token })),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const { rows } = await client.query<{ seq: string; prev_hash: string; hash: string }>(`SELECT seq, prev_hash, hash FROM audit_events WHERE organization_id = $1 ORDER BY seq`, [busy.id]);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]?.hash));
    const verified = await t.http.get<{ ok: boolean; checked: number }>('/api/v1/audit/verify', { token: busy.users.viewer.token });
    expect(verified.body).toMatchObject({ ok: true, checked: rows.length });
  });

  it('writes a change and its event as one statement: a change whose condition does not hold writes no event', async () => {
    const writer = t.app.get(AuditWriter);
    const origin = { organizationId: org.id, actor: { type: 'system' as const, id: null, label: 'audit-spec' }, meta: {} };
    const count = async () => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE organization_id = $1`, [org.id])).rows[0]?.n);
    const before = await count();
    const rename = (from: string) => ({ sql: `UPDATE developers SET name = 'Renamed' WHERE organization_id = $1 AND name = $2 RETURNING id, name`, params: [org.id, from] });
    expect(await writer.appendOnChange(t.dataSource.manager, origin, { action: 'developer.renamed' }, rename('Nobody by that name'))).toEqual([]);
    expect(await count()).toBe(before);
    const [changed] = await writer.appendOnChange(t.dataSource.manager, origin, { action: 'developer.renamed', target: { type: 'developer', id: null } }, rename('Dev 0'));
    expect(changed).toMatchObject({ name: 'Renamed', audit_seq: String(before + 1) });
    expect((await get('?action=developer.renamed')).body.items.map((e) => e.seq)).toEqual([before + 1]);
  });

  it('verifies an intact chain, then names the first broken link after a row is changed behind the app’s back', async () => {
    const intact = await t.http.get<{ ok: boolean; checked: number; first_broken: unknown }>('/api/v1/audit/verify', { token: org.users.viewer.token });
    expect(intact.body).toMatchObject({ ok: true, first_broken: null });
    const target = (await get('?action=developer.created&limit=1')).body.items[0];
    // As the table owner, with the append-only trigger disabled: what an attacker with database access could do.
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    await client.query(`UPDATE audit_events SET details = '{"name":"Someone else"}' WHERE organization_id = $1 AND seq = $2`, [org.id, target.seq - 3]);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    await client.query('COMMIT');
    const broken = await t.http.get<{ ok: boolean; first_broken: { seq: number; reason: string } }>('/api/v1/audit/verify', { token: org.users.viewer.token });
    expect(broken.body.ok).toBe(false);
    expect(broken.body.first_broken).toMatchObject({ seq: target.seq - 3, reason: 'hash_mismatch' });
  });

  it('fails closed: when the audit event cannot be written the change is not made either, and the 500 carries an errorId found in the log', async () => {
    await client.query(`ALTER TABLE audit_events ADD CONSTRAINT spec_block_developer_created CHECK (action <> 'developer.created') NOT VALID`);
    try {
      const res = await t.http.post<{ code: string; errorId: string; message: string }>('/api/v1/developers', { name: 'Ghost', email: 'ghost@example.com' }, { token: org.users.admin.token, headers: { 'x-request-id': `${EXPECTED_SERVER_ERROR_PREFIX}fail-closed` } });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'internal_error', errorId: expect.any(String) });
      expect(res.text).not.toMatch(/spec_block|audit_events|at .*:\d+/);
      const rows = await client.query(`SELECT count(*)::int AS n FROM developers WHERE email = 'ghost@example.com'`);
      expect(rows.rows[0]).toEqual({ n: 0 });
      const readLogs = () => readdirSync(join(testRunDir(), 'logs')).map((f) => readFileSync(join(testRunDir(), 'logs', f), 'utf8')).join('\n');
      // The log is written asynchronously: give the line a moment to reach the file.
      const deadline = Date.now() + 3000;
      while (!readLogs().includes(res.body.errorId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(readLogs()).toContain(res.body.errorId);
    } finally {
      await client.query(`ALTER TABLE audit_events DROP CONSTRAINT spec_block_developer_created`);
    }
  });
});
