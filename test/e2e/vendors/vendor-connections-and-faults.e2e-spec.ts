import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { intentPrefix, type ManagedScope } from '@keygate/provisioners';
import { EXPECTED_SERVER_ERROR_PREFIX, MATRIX_VENDORS, recordAnswerSecret, recordSecret, startVendorStack, VENDOR_DRIVERS, type IssuedKeyAnswer, type MatrixVendor, type VendorStack } from '@keygate/testing';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';

jest.setTimeout(180_000);

const SIM_VENDOR: Record<MatrixVendor, 'anthropic' | 'azure' | 'google'> = { anthropic: 'anthropic', azure_openai: 'azure', google_vertex: 'google' };
/** The admin API call that creates the developer's scope (not a token exchange). */
const SCOPE_CREATION: Record<MatrixVendor, { method: string; path: string }> = {
  anthropic: { method: 'POST', path: '/v1/organizations/workspaces$' },
  azure_openai: { method: 'PUT', path: '/accounts/[^/]+$' },
  google_vertex: { method: 'POST', path: '/serviceAccounts$' },
};

interface CheckResult {
  ok: boolean;
  status: string;
  message: string;
  missing_permissions: string[];
}

/** A credential of the right shape that the vendor refuses. */
function wrongCredential(s: VendorStack, vendor: MatrixVendor): string {
  if (vendor === 'anthropic') return `sk-ant-admin01-wrong-${randomBytes(16).toString('hex')}`;
  if (vendor === 'azure_openai') return `wrong~secret~${randomBytes(12).toString('hex')}`;
  const keyFile = JSON.parse(s.sim.google.adminCredentialJson) as Record<string, string>;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return JSON.stringify({ ...keyFile, private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
}

describe('vendor connections, policy answers and vendor faults through KeyGate', () => {
  let s: VendorStack;

  beforeAll(async () => {
    // Short leases so the reconciler can take over at once.
    s = await startVendorStack({ JOBS_LEASE_SECONDS: '1', RECONCILE_PENDING_AFTER_SECONDS: '0' });
  });
  afterAll(async () => {
    await s.close();
  });

  /** The reconciler pass after a failure, once the failed request's claim (1 s) has run out. */
  async function reconcile(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await s.runJobs();
  }

  async function developer(): Promise<string> {
    const tag = randomBytes(3).toString('hex');
    const res = await s.t.http.post<{ id: string }>('/api/v1/developers', { name: `Dev ${tag}`, email: `dev.${tag}@example.com`, team: 'platform' }, { token: s.token });
    return res.body.id;
  }

  async function provision(vendor: MatrixVendor, developerId: string, headers: Record<string, string> = {}) {
    const res = await s.t.http.post<IssuedKeyAnswer & { code?: string; message?: string; details?: Record<string, unknown> }>(
      '/api/v1/keys/provision',
      { developer_id: developerId, vendor, connection_id: s.connections[vendor], ...VENDOR_DRIVERS[vendor].provisionBody },
      { token: s.token, headers },
    );
    recordAnswerSecret(res);
    return res;
  }

  async function managedScopes(vendor: MatrixVendor): Promise<ManagedScope[]> {
    const conn = await s.t.app.get(VendorConnectionOpener).open(s.org.id, s.connections[vendor]);
    const scopes: ManagedScope[] = [];
    for await (const scope of s.t.app.get(Provisioners).get(vendor).listManaged(conn)) scopes.push(scope);
    return scopes;
  }

  it.each(MATRIX_VENDORS)('%s: the connection check proves the admin credential works', async (vendor) => {
    const res = await s.t.http.post<CheckResult>(`/api/v1/vendors/connections/${s.connections[vendor]}/check`, undefined, { token: s.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, status: 'ok', missing_permissions: [] });
  });

  it.each(MATRIX_VENDORS)('%s: a refused admin credential fails the check and names what the credential needs, without echoing it', async (vendor) => {
    const credential = wrongCredential(s, vendor);
    recordSecret(credential);
    const body = { vendor, label: `wrong-${vendor}`.replace('_', '-'), admin_api_key: credential };
    const settings = vendor === 'azure_openai' ? (await s.t.http.get<{ settings: Record<string, string> }>(`/api/v1/vendors/connections/${s.connections[vendor]}`, { token: s.token })).body.settings : vendor === 'google_vertex' ? { project_id: s.sim.google.projectId } : undefined;
    const conn = await s.t.http.post<{ id: string }>('/api/v1/vendors/connections', { ...body, ...(settings ? { settings } : {}) }, { token: s.token });
    expect(conn.status).toBe(201);
    const res = await s.t.http.post<CheckResult>(`/api/v1/vendors/connections/${conn.body.id}/check`, undefined, { token: s.token });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.missing_permissions.length).toBeGreaterThan(0);
    expect(res.text).not.toContain(credential.slice(-24));
  });

  it('every vendor and policy field has an enforcer and one sentence, and provision answers carry the same map', async () => {
    const caps = await s.t.http.get<Array<{ vendor: string; fields: Record<string, { enforced_by: string; note: string }> }>>('/api/v1/vendors/capabilities', { token: s.token });
    for (const vendor of MATRIX_VENDORS) {
      const fields = caps.body.find((c) => c.vendor === vendor)?.fields;
      expect(Object.keys(fields ?? {}).sort()).toEqual(['budget_limit_usd', 'expires_in_days', 'models_allowed', 'rate_limit_rpm']);
      const dev = await developer();
      await VENDOR_DRIVERS[vendor].prepareDeveloper(s, { id: dev, name: 'x', email: `${dev}@example.com` });
      const res = await provision(vendor, dev);
      expect(res.status).toBe(201);
      expect(res.body.enforcement).toEqual(fields);
    }
  });

  it('google_vertex: an organization policy forbidding key creation is a clear 409 naming the constraint, and nothing is left behind', async () => {
    await fetch(`${s.sim.urls.control}/vendors/google/org-policy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disableServiceAccountKeyCreation: true }) });
    try {
      const dev = await developer();
      const res = await provision('google_vertex', dev);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('constraints/iam.disableServiceAccountKeyCreation');
      expect(res.body.message).toMatch(/exempt|administrator/i);
      await reconcile();
      const rows = await s.t.dataSource.query<Array<{ state: string; intent_id: string }>>(`SELECT state, intent_id FROM issued_keys WHERE developer_id = $1`, [dev]);
      expect(rows.map((r) => r.state)).toEqual(['failed']);
      const prefix = intentPrefix(rows[0]?.intent_id ?? '');
      expect((await managedScopes('google_vertex')).filter((scope) => scope.intentPrefix === prefix)).toEqual([]);
    } finally {
      await fetch(`${s.sim.urls.control}/vendors/google/org-policy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disableServiceAccountKeyCreation: false }) });
    }
  });

  it.each(MATRIX_VENDORS)('%s: a 429 with Retry-After on scope creation is waited out and the provision succeeds', async (vendor) => {
    const rule = await s.sim.control.addFault({ vendor: SIM_VENDOR[vendor], ...SCOPE_CREATION[vendor], times: 1, action: { type: 'status', status: 429, retryAfterSeconds: 2 } });
    const dev = await developer();
    await VENDOR_DRIVERS[vendor].prepareDeveloper(s, { id: dev, name: 'x', email: `${dev}@example.com` });
    const started = Date.now();
    const res = await provision(vendor, dev);
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await s.sim.control.listFaults()).find((f) => f.id === rule.id)?.fired).toBe(1);
    await s.sim.control.clearFaults();
  });

  it.each(MATRIX_VENDORS)('%s: a vendor that keeps answering 503 gets a 503 from KeyGate, and the reconciler leaves nothing behind', async (vendor) => {
    const dev = await developer();
    await VENDOR_DRIVERS[vendor].prepareDeveloper(s, { id: dev, name: 'x', email: `${dev}@example.com` });
    // Let the first vendor call through so the provision has created something by the time the vendor fails.
    await s.sim.control.addFault({ vendor: SIM_VENDOR[vendor], skip: 1, times: 0, action: { type: 'status', status: 503 } });
    const res = await provision(vendor, dev, { 'x-request-id': `${EXPECTED_SERVER_ERROR_PREFIX}${randomBytes(6).toString('hex')}` });
    await s.sim.control.clearFaults();
    expect(res.status).toBe(503);
    await reconcile();
    const rows = await s.t.dataSource.query<Array<{ state: string; intent_id: string }>>(`SELECT state, intent_id FROM issued_keys WHERE developer_id = $1`, [dev]);
    expect(rows.map((r) => r.state)).toEqual(['failed']);
    const prefix = intentPrefix(rows[0]?.intent_id ?? '');
    expect((await managedScopes(vendor)).filter((scope) => scope.intentPrefix === prefix)).toEqual([]);
  });
});
