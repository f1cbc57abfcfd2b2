import { AcmeLlmProvisioner } from '@keygate/provisioners';
import { createTestOrganization, recordSecret, startFakeAcme, startTestApp, type FakeAcme, type TestApp, type TestOrganization } from '@keygate/testing';

jest.setTimeout(120_000);

/** docs/custom-vendors.md: one class, handed to the server through the Nest module options, is a whole vendor. */
describe('a custom vendor registered through the Nest module options', () => {
  let acme: FakeAcme;
  let t: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    acme = await startFakeAcme();
    recordSecret(acme.adminKey);
    t = await startTestApp({ env: { JOBS_ENABLED: 'false' }, customVendors: [new AcmeLlmProvisioner(acme.url)] });
    org = await createTestOrganization(t);
  });
  afterAll(async () => {
    await t.close();
    await acme.stop();
  });

  it('is accepted as a connection, checked, listed in the capabilities, and issues and revokes real keys', async () => {
    const token = org.users.owner.token;
    const conn = await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'acme_llm', label: 'acme', admin_api_key: acme.adminKey }, { token });
    expect(conn.status).toBe(201);
    const check = await t.http.post<{ ok: boolean }>(`/api/v1/vendors/connections/${conn.body.id}/check`, undefined, { token });
    expect(check.body.ok).toBe(true);
    const caps = await t.http.get<Array<{ vendor: string; fields: Record<string, { enforced_by: string }> }>>('/api/v1/vendors/capabilities', { token });
    expect(caps.body.find((c) => c.vendor === 'acme_llm')?.fields['rate_limit_rpm']?.enforced_by).toBe('vendor');

    const dev = await t.http.post<{ id: string }>('/api/v1/developers', { name: 'Acme User', email: 'acme.user@example.com', team: 'x' }, { token });
    const key = await t.http.post<{ key_id: string; api_key?: string; status: string }>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'acme_llm' }, { token });
    if (key.body.api_key) recordSecret(key.body.api_key);
    expect(key.status).toBe(201);
    expect(key.body.status).toBe('active');
    expect(await acme.chatStatus(key.body.api_key ?? '')).toBe(200);
    const revoked = await t.http.post<{ status: string }>(`/api/v1/keys/${key.body.key_id}/revoke`, undefined, { token });
    expect(revoked.body.status).toBe('revoked');
    expect(await acme.chatStatus(key.body.api_key ?? '')).toBe(401);
  });

  it('is unknown to a server started without it', async () => {
    const plain = await startTestApp({ env: { JOBS_ENABLED: 'false' } });
    try {
      const other = await createTestOrganization(plain);
      const res = await plain.http.post<{ code: string }>('/api/v1/vendors/connections', { vendor: 'acme_llm', label: 'acme', admin_api_key: acme.adminKey }, { token: other.users.owner.token });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('unknown_vendor');
    } finally {
      await plain.close();
    }
  });
});
