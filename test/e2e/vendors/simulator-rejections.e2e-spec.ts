import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { googleJwt, recordAnswerSecret, startVendorStack, VENDOR_DRIVERS, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';

jest.setTimeout(120_000);

function post(url: string, headers: Record<string, string>, body: unknown, ca?: string): Promise<number> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const call = send(url, { method: 'POST', ...(ca ? { ca } : {}), headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

/**
 * The simulators refuse what the vendors refuse, checked with keys and identities KeyGate really issued:
 * so a KeyGate bug that relies on leniency cannot pass the end-to-end tests.
 */
describe('the simulators reject what the vendors reject', () => {
  let s: VendorStack;

  beforeAll(async () => {
    s = await startVendorStack();
  });
  afterAll(() => s.close());

  async function issued(vendor: 'anthropic' | 'azure_openai'): Promise<{ answer: IssuedKeyAnswer; secret: string }> {
    const tag = Math.random().toString(36).slice(2, 8);
    const dev = { name: `Dev ${tag}`, email: `dev.${tag}@example.com`, id: '' };
    dev.id = (await s.t.http.post<{ id: string }>('/api/v1/developers', { name: dev.name, email: dev.email, team: 't' }, { token: s.token })).body.id;
    await VENDOR_DRIVERS[vendor].prepareDeveloper(s, dev);
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: dev.id, vendor, connection_id: s.connections[vendor], ...VENDOR_DRIVERS[vendor].provisionBody }, { token: s.token });
    recordAnswerSecret(res);
    return { answer: res.body, secret: await VENDOR_DRIVERS[vendor].secretOf(s, res.body, dev) };
  }

  it('Azure OpenAI: an issued key without api-version is a 404, and plain HTTP gets no answer at all', async () => {
    const { answer, secret } = await issued('azure_openai');
    const base = `${answer.instructions.base_url}openai/deployments/gpt-4o-mini/chat/completions`;
    const body = { messages: [{ role: 'user', content: 'ping' }] };
    expect(await post(`${base}?api-version=${String(answer.instructions['api_version'])}`, { 'api-key': secret }, body, s.sim.azureCaPem)).toBe(200);
    expect(await post(base, { 'api-key': secret }, body, s.sim.azureCaPem)).toBe(404);
    await expect(post(`${base.replace('https:', 'http:')}?api-version=${String(answer.instructions['api_version'])}`, { 'api-key': secret }, body)).rejects.toThrow();
  });

  it('Anthropic: a bound console key in the wrong header or without anthropic-version is refused; the Admin API cannot create keys', async () => {
    const { secret } = await issued('anthropic');
    const url = `${s.sim.urls.anthropic}/v1/messages`;
    const body = { model: 'claude-sonnet-4-6', max_tokens: 8, messages: [{ role: 'user', content: 'ping' }] };
    expect(await post(url, { 'x-api-key': secret, 'anthropic-version': '2023-06-01' }, body)).toBe(200);
    expect(await post(url, { 'api-key': secret, 'anthropic-version': '2023-06-01' }, body)).toBe(401);
    expect(await post(url, { 'x-api-key': secret }, body)).toBe(400);
    const create = await post(`${s.sim.urls.anthropic}/v1/organizations/api_keys`, { 'x-api-key': s.sim.credentials.anthropicAdminKey, 'anthropic-version': '2023-06-01' }, { name: 'x' });
    expect(create).toBe(404);
  });

  it('Google: a project IAM policy write with a stale etag is refused with 409 ABORTED', async () => {
    const token = (await googleJwt(s.sim.google.adminCredentialJson, s.sim.urls.googleToken).getAccessToken()).token ?? '';
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const resource = `${s.sim.urls.googleCrm}/v1/projects/${s.sim.google.projectId}`;
    const read = async () => (await (await fetch(`${resource}:getIamPolicy`, { method: 'POST', headers, body: JSON.stringify({ options: { requestedPolicyVersion: 3 } }) })).json()) as { etag: string; bindings: unknown[]; version: number };
    const policy = await read();
    const first = await fetch(`${resource}:setIamPolicy`, { method: 'POST', headers, body: JSON.stringify({ policy }) });
    expect(first.status).toBe(200);
    const stale = await fetch(`${resource}:setIamPolicy`, { method: 'POST', headers, body: JSON.stringify({ policy }) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { status: 'ABORTED' } });
  });
});
