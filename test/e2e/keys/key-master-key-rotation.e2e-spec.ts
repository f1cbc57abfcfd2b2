import { randomBytes } from 'node:crypto';
import { createTestDatabase, createTestOrganization, recordSecret, startTestApp, startVendorSimForTests, type TestVendorSim } from '@keygate/testing';
import { completionStatusAt } from './support/key-stack';

jest.setTimeout(120_000);

describe('fingerprints survive master key rotation', () => {
  let sim: TestVendorSim;
  const saved = process.env.KEYGATE_PREVIOUS_MASTER_KEYS;

  beforeAll(async () => {
    sim = await startVendorSimForTests();
    recordSecret(sim.credentials.openaiAdminKey);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.KEYGATE_PREVIOUS_MASTER_KEYS;
    else process.env.KEYGATE_PREVIOUS_MASTER_KEYS = saved;
    await sim.stop();
  });

  it('identifies a key issued under the old master key after restarting with a new one, and still revokes it at the vendor', async () => {
    const db = await createTestDatabase();
    const oldKey = randomBytes(32).toString('base64');
    const env = { OPENAI_BASE_URL: sim.urls.openai, JOBS_ENABLED: 'false' };
    const before = await startTestApp({ database: db, env: { ...env, KEYGATE_MASTER_KEY: oldKey } });
    const org = await createTestOrganization(before);
    const token = org.users.owner.token;
    await before.http.post('/api/v1/vendors/connections', { vendor: 'openai', label: 'sim', admin_api_key: sim.credentials.openaiAdminKey }, { token });
    const dev = await before.http.post<{ id: string }>('/api/v1/developers', { name: 'Rotating Rita', email: 'rita@example.com' }, { token });
    const issued = await before.http.post<{ key_id: string; api_key: string }>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'openai' }, { token });
    recordSecret(issued.body.api_key);
    await before.close();

    process.env.KEYGATE_PREVIOUS_MASTER_KEYS = oldKey;
    const after = await startTestApp({ database: db, env: { ...env, KEYGATE_MASTER_KEY: randomBytes(32).toString('base64'), JWT_SECRET: randomBytes(32).toString('base64url') } });
    try {
      const login = await after.http.post<{ access_token: string }>('/api/v1/auth/login', { email: org.users.owner.email, password: org.users.owner.password });
      const found = await after.http.post<{ found: boolean; key: { key_id: string } | null }>('/api/v1/keys/identify', { api_key: issued.body.api_key }, { token: login.body.access_token });
      expect(found.body).toMatchObject({ found: true, key: { key_id: issued.body.key_id } });
      const revoked = await after.http.post<{ status: string }>(`/api/v1/keys/${issued.body.key_id}/revoke`, undefined, { token: login.body.access_token });
      expect(revoked.body.status).toBe('revoked');
      expect(await completionStatusAt(sim.urls.openai, issued.body.api_key)).toBe(401);
    } finally {
      await after.close();
    }
  });
});
