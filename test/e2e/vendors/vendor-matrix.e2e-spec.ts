import { randomBytes } from 'node:crypto';
import { MATRIX_VENDORS, recordAnswerSecret, startVendorStack, VENDOR_DRIVERS, type ApiResponse, type IssuedKeyAnswer, type MatrixDeveloper, type VendorStack } from '@keygate/testing';

jest.setTimeout(180_000);

/**
 * The OpenAI issue's end-to-end matrix for every other built-in vendor, through the KeyGate API against the
 * simulators: provision -> the developer's own call answers 200; revoke, rotate, expire, offboard -> 401.
 */
describe.each(MATRIX_VENDORS)('%s end to end through KeyGate', (vendor) => {
  const driver = VENDOR_DRIVERS[vendor];
  let s: VendorStack;

  beforeAll(async () => {
    s = await startVendorStack();
  });
  afterAll(() => s.close());

  async function developer(): Promise<MatrixDeveloper> {
    const tag = randomBytes(3).toString('hex');
    const name = `Dev ${tag}`;
    const email = `dev.${tag}@example.com`;
    const res = await s.t.http.post<{ id: string }>('/api/v1/developers', { name, email, team: 'platform' }, { token: s.token });
    if (res.status !== 201) throw new Error(`developer: ${res.status} ${res.text}`);
    const dev = { id: res.body.id, name, email };
    await driver.prepareDeveloper(s, dev);
    return dev;
  }

  async function provision(dev: MatrixDeveloper, extra: Record<string, unknown> = {}): Promise<ApiResponse<IssuedKeyAnswer>> {
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: dev.id, vendor, connection_id: s.connections[vendor], ...driver.provisionBody, ...extra }, { token: s.token });
    recordAnswerSecret(res);
    if (res.status !== 201) throw new Error(`provision: ${res.status} ${res.text}`);
    return res;
  }

  async function working(dev: MatrixDeveloper): Promise<{ answer: IssuedKeyAnswer; secret: string }> {
    const answer = (await provision(dev)).body;
    const secret = await driver.secretOf(s, answer, dev);
    expect(await driver.callStatus(s, secret, answer)).toBe(200);
    return { answer, secret };
  }

  async function statusOf(keyId: string): Promise<string> {
    return (await s.t.http.get<{ status: string }>(`/api/v1/keys/${keyId}`, { token: s.token })).body.status;
  }

  it('provisions a key the vendor accepts, says who enforces each policy field, and revoke makes the vendor refuse it', async () => {
    const dev = await developer();
    const res = await provision(dev);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.vendor).toBe(vendor);
    for (const field of ['budget_limit_usd', 'rate_limit_rpm', 'models_allowed', 'expires_in_days']) {
      expect(['vendor', 'keygate', 'none']).toContain(res.body.enforcement[field]?.enforced_by);
      expect(res.body.enforcement[field]?.note.length).toBeGreaterThan(10);
    }
    const secret = await driver.secretOf(s, res.body, dev);
    const read = await s.t.http.get<{ status: string; enforcement: unknown }>(`/api/v1/keys/${res.body.key_id}`, { token: s.token });
    expect(read.body.status).toBe('active');
    expect(read.body.enforcement).toEqual(res.body.enforcement);
    expect(await driver.callStatus(s, secret, res.body)).toBe(200);
    const listed = await s.t.http.get<unknown>(`/api/v1/keys?developer_id=${dev.id}`, { token: s.token });
    expect(listed.text).not.toContain(secret);

    const revoked = await s.t.http.post<{ status: string }>(`/api/v1/keys/${res.body.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect(await driver.callStatus(s, secret, res.body)).toBe(401);
  });

  it('rotates: the new key works and the old one is refused', async () => {
    const dev = await developer();
    const first = await working(dev);
    const rotated = await s.t.http.post<IssuedKeyAnswer>(`/api/v1/keys/${first.answer.key_id}/rotate`, {}, { token: s.token });
    recordAnswerSecret(rotated);
    expect(rotated.status).toBe(201);
    const secret = await driver.secretOf(s, rotated.body, dev);
    expect(secret).not.toBe(first.secret);
    expect(await driver.callStatus(s, secret, rotated.body)).toBe(200);
    expect(await driver.callStatus(s, first.secret, first.answer)).toBe(401);
    expect(await statusOf(first.answer.key_id)).toBe('revoked');
    expect(await statusOf(rotated.body.key_id)).toBe('active');
  });

  it('rotates with a grace period: both keys work until the sweeper retires the old one once the grace has passed', async () => {
    const dev = await developer();
    const first = await working(dev);
    const rotated = await s.t.http.post<IssuedKeyAnswer>(`/api/v1/keys/${first.answer.key_id}/rotate`, { grace_seconds: 3600 }, { token: s.token });
    recordAnswerSecret(rotated);
    expect(rotated.status).toBe(201);
    const secret = await driver.secretOf(s, rotated.body, dev);
    await s.runJobs();
    expect(await driver.callStatus(s, secret, rotated.body)).toBe(200);
    expect(await driver.callStatus(s, first.secret, first.answer)).toBe(200);
    // The grace is judged by the database clock: move it into the past instead of waiting an hour.
    await s.t.dataSource.query(`UPDATE issued_keys SET revoke_after = now() - interval '1 second' WHERE id = $1`, [first.answer.key_id]);
    await s.runJobs();
    expect(await driver.callStatus(s, first.secret, first.answer)).toBe(401);
    expect(await driver.callStatus(s, secret, rotated.body)).toBe(200);
    expect(await statusOf(first.answer.key_id)).toBe('revoked');
  });

  it('expires: after the sweeper runs the vendor refuses the key and it shows expired', async () => {
    const dev = await developer();
    const key = await working(dev);
    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [key.answer.key_id]);
    const report = await s.runJobs();
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf(key.answer.key_id)).toBe('expired');
    expect(await driver.callStatus(s, key.secret, key.answer)).toBe(401);
  });

  it('offboarding a developer revokes every one of their keys at the vendor', async () => {
    const dev = await developer();
    const key = await working(dev);
    const res = await s.t.http.delete<{ keys: Array<{ key_id: string; outcome: string }> }>(`/api/v1/developers/${dev.id}`, { token: s.token });
    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual([expect.objectContaining({ key_id: key.answer.key_id, outcome: 'revoked' })]);
    expect(await driver.callStatus(s, key.secret, key.answer)).toBe(401);
  });

  it('a retried provision with the same Idempotency-Key creates nothing new and never shows the secret again', async () => {
    const dev = await developer();
    const idem = `matrix-${randomBytes(6).toString('hex')}`;
    const body = { developer_id: dev.id, vendor, connection_id: s.connections[vendor], ...driver.provisionBody };
    const first = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', body, { token: s.token, headers: { 'idempotency-key': idem } });
    recordAnswerSecret(first);
    const again = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', body, { token: s.token, headers: { 'idempotency-key': idem } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ key_id: first.body.key_id, secret_delivered: true });
    expect(again.body.api_key).toBeUndefined();
    const rows = await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM issued_keys WHERE developer_id = $1`, [dev.id]);
    expect(rows[0]?.n).toBe(1);
  });
});
