import { randomBytes } from 'node:crypto';
import { googleDriver, googleJwt, recordAnswerSecret, startVendorStack, statusOfExchangeFailure, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';

jest.setTimeout(120_000);

interface Binding {
  role: string;
  members: string[];
  condition?: unknown;
}

/** Google Vertex AI specifics through KeyGate: the project IAM policy is edited, never overwritten. */
describe('google_vertex through KeyGate: IAM policy read-modify-write and revocation', () => {
  let s: VendorStack;

  beforeAll(async () => {
    s = await startVendorStack();
  });
  afterAll(() => s.close());

  async function policy(): Promise<{ bindings: Binding[] }> {
    const token = (await googleJwt(s.sim.google.adminCredentialJson, s.sim.urls.googleToken).getAccessToken()).token ?? '';
    const res = await fetch(`${s.sim.urls.googleCrm}/v1/projects/${s.sim.google.projectId}:getIamPolicy`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ options: { requestedPolicyVersion: 3 } }),
    });
    return (await res.json()) as { bindings: Binding[] };
  }

  const others = (p: { bindings: Binding[] }) => p.bindings.filter((b) => b.role !== 'roles/aiplatform.user');
  const vertexUsers = async () => (await policy()).bindings.filter((b) => b.role === 'roles/aiplatform.user' && !b.condition).flatMap((b) => b.members);

  async function provision(): Promise<IssuedKeyAnswer> {
    const tag = randomBytes(3).toString('hex');
    const dev = await s.t.http.post<{ id: string }>('/api/v1/developers', { name: `Dev ${tag}`, email: `dev.${tag}@example.com`, team: 'ml' }, { token: s.token });
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'google_vertex', connection_id: s.connections.google_vertex }, { token: s.token });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('concurrent provisions all get roles/aiplatform.user, and every other binding and condition is kept', async () => {
    const before = await policy();
    expect(others(before).some((b) => b.condition)).toBe(true);
    const keys = await Promise.all([provision(), provision(), provision()]);
    const emails = keys.map((k) => (JSON.parse(k.api_key ?? '{}') as { client_email: string }).client_email);
    const members = await vertexUsers();
    for (const email of emails) expect(members).toContain(`serviceAccount:${email}`);
    expect(others(await policy())).toEqual(others(before));
  });

  it('revoke deletes the key, disables the account and removes the binding: the token exchange is refused and a cached token gets 401', async () => {
    const answer = await provision();
    const secret = answer.api_key ?? '';
    const email = (JSON.parse(secret) as { client_email: string }).client_email;
    expect(await googleDriver.callStatus(s, secret, answer)).toBe(200);
    const revoked = await s.t.http.post<{ status: string }>(`/api/v1/keys/${answer.key_id}/revoke`, undefined, { token: s.token });
    expect(revoked.body.status).toBe('revoked');
    expect(await googleDriver.callStatus(s, secret, answer)).toBe(401);
    let exchange: number | 'ok' = 'ok';
    try {
      await googleJwt(secret, s.sim.urls.googleToken).getAccessToken();
    } catch (error: unknown) {
      exchange = statusOfExchangeFailure(error);
    }
    expect(exchange).toBe(400);
    expect(await vertexUsers()).not.toContain(`serviceAccount:${email}`);
  });
});
