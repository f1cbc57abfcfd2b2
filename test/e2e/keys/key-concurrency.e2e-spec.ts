import { completionStatus, createDeveloper, getKey, journalHead, provisionKey, rotateKey, startKeyStack, vendorCallCount, type KeyStack } from './support/key-stack';

const deleteServiceAccount = (e: { method: string; path: string }) => e.method === 'DELETE' && /\/service_accounts\/[^/]+$/.test(e.path);
const createKey = (e: { method: string; path: string }) => e.method === 'POST' && /\/service_accounts\/[^/]+\/api_keys$/.test(e.path);
const createProject = (e: { method: string; path: string }) => e.method === 'POST' && e.path === '/v1/organization/projects';

jest.setTimeout(120_000);

describe('concurrent revokes, rotates and idempotent retries', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(() => s.close());

  it('50 simultaneous revokes of one key make exactly one transition and one vendor call', async () => {
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId });
    const since = await journalHead(s);
    const answers = await Promise.all(Array.from({ length: 50 }, () => s.t.http.post<{ status: string }>(`/api/v1/keys/${key.body.key_id}/revoke`, undefined, { token: s.token })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await vendorCallCount(s, since, deleteServiceAccount)).toBe(1);
    const events = await s.t.dataSource.query<Array<{ action: string }>>(`SELECT action FROM audit_events WHERE target_id = $1 AND action LIKE 'key.revoke%' ORDER BY seq`, [key.body.key_id]);
    expect(events.map((e) => e.action)).toEqual(['key.revoke.requested', 'key.revoked']);
    expect((await getKey(s, key.body.key_id)).status).toBe('revoked');
    expect(await completionStatus(s, key.body.api_key ?? '')).toBe(401);
  });

  it('50 simultaneous rotates of one key make one new key at the vendor; the others are refused with key_state_conflict', async () => {
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId });
    const since = await journalHead(s);
    const answers = await Promise.all(Array.from({ length: 50 }, () => rotateKey(s, key.body.key_id)));
    const won = answers.filter((a) => a.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => (a.body as unknown as { code: string }).code === 'key_state_conflict')).toBe(true);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    expect(await vendorCallCount(s, since, createKey)).toBe(1);
    expect(await completionStatus(s, won[0]?.body.api_key ?? '')).toBe(200);
    expect(await completionStatus(s, key.body.api_key ?? '')).toBe(401);
  });

  it('20 keys x 50 concurrent retries with the same Idempotency-Key create one vendor project each and return each secret once', async () => {
    const developers = await Promise.all(Array.from({ length: 20 }, () => createDeveloper(s)));
    const since = await journalHead(s);
    const answers = await Promise.all(
      developers.flatMap((developerId, i) => Array.from({ length: 50 }, () => provisionKey(s, { developer_id: developerId }, { idempotencyKey: `idem-${i}-${developerId}` }).then((res) => ({ i, res })))),
    );
    expect(await vendorCallCount(s, since, createProject)).toBe(20);
    for (let i = 0; i < 20; i += 1) {
      const mine = answers.filter((a) => a.i === i).map((a) => a.res);
      expect(mine.filter((r) => r.body.api_key !== undefined)).toHaveLength(1);
      const others = mine.filter((r) => r.body.api_key === undefined);
      for (const r of others) {
        if (r.status === 200) expect(r.body).toMatchObject({ secret_delivered: true, key_id: mine.find((m) => m.status === 201)?.body.key_id });
        else expect(r.body).toMatchObject({ code: 'idempotency_in_flight' });
      }
    }
    const rows = await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM issued_keys WHERE developer_id = ANY($1)`, [developers]);
    expect(rows[0]?.n).toBe(20);
  });

  it('replays a finished request without the secret, and refuses the same Idempotency-Key with a different body', async () => {
    const developerId = await createDeveloper(s);
    const first = await provisionKey(s, { developer_id: developerId, rate_limit_rpm: 10 }, { idempotencyKey: 'replay-1' });
    expect(first.status).toBe(201);
    const replay = await provisionKey(s, { developer_id: developerId, rate_limit_rpm: 10 }, { idempotencyKey: 'replay-1' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('cache-control')).toBe('no-store');
    expect(replay.body).toMatchObject({ key_id: first.body.key_id, secret_delivered: true, status: 'active' });
    expect(replay.body.api_key).toBeUndefined();
    const mismatch = await provisionKey(s, { developer_id: developerId, rate_limit_rpm: 11 }, { idempotencyKey: 'replay-1' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: 'idempotency_mismatch' });
  });

  it('answers 409 idempotency_in_flight while the first request with the key is still at the vendor', async () => {
    const developerId = await createDeveloper(s);
    await s.sim.control.addFault({ vendor: 'openai', method: 'POST', path: '/v1/organization/projects$', times: 1, action: { type: 'pause' } });
    const first = provisionKey(s, { developer_id: developerId }, { idempotencyKey: 'in-flight-1' });
    await s.sim.control.waitForPaused(1);
    const second = await provisionKey(s, { developer_id: developerId }, { idempotencyKey: 'in-flight-1' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'idempotency_in_flight' });
    await s.sim.control.releaseAll();
    expect((await first).status).toBe(201);
  });

  it('replays a rotation with the same Idempotency-Key without a second vendor key or the secret', async () => {
    const developerId = await createDeveloper(s);
    const key = await provisionKey(s, { developer_id: developerId });
    const since = await journalHead(s);
    const first = await rotateKey(s, key.body.key_id, {}, { idempotencyKey: 'rotate-once' });
    const again = await rotateKey(s, key.body.key_id, {}, { idempotencyKey: 'rotate-once' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ key_id: first.body.key_id, secret_delivered: true });
    expect(again.body.api_key).toBeUndefined();
    expect(await vendorCallCount(s, since, createKey)).toBe(1);
  });
});
