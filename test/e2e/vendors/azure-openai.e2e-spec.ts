import { request } from 'node:https';
import { randomBytes } from 'node:crypto';
import { recordAnswerSecret, startVendorStack, type IssuedKeyAnswer, type VendorStack } from '@keygate/testing';

jest.setTimeout(120_000);

function chat(s: VendorStack, answer: IssuedKeyAnswer, apiKey: string): Promise<{ status: number; retryAfter: string | undefined }> {
  const url = `${answer.instructions.base_url}openai/deployments/gpt-4o-mini/chat/completions?api-version=${String(answer.instructions['api_version'])}`;
  return new Promise((resolve, reject) => {
    const call = request(url, { method: 'POST', ca: s.sim.azureCaPem, headers: { 'api-key': apiKey, 'content-type': 'application/json' } }, (response) => {
      response.resume();
      const retryAfter = response.headers['retry-after'];
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter }));
    });
    call.on('error', reject);
    call.end(JSON.stringify({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 8 }));
  });
}

/** Azure OpenAI specifics through KeyGate: the rate limit becomes deployment capacity, rotation uses key2. */
describe('azure_openai through KeyGate: capacity from the rate limit, key slots on rotation', () => {
  let s: VendorStack;

  beforeAll(async () => {
    s = await startVendorStack();
  });
  afterAll(() => s.close());

  async function provision(extra: Record<string, unknown>): Promise<IssuedKeyAnswer> {
    const tag = randomBytes(3).toString('hex');
    const dev = await s.t.http.post<{ id: string }>('/api/v1/developers', { name: `Dev ${tag}`, email: `dev.${tag}@example.com`, team: 'apps' }, { token: s.token });
    const res = await s.t.http.post<IssuedKeyAnswer>('/api/v1/keys/provision', { developer_id: dev.body.id, vendor: 'azure_openai', connection_id: s.connections.azure_openai, models_allowed: ['gpt-4o-mini'], ...extra }, { token: s.token });
    recordAnswerSecret(res);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('a 6 requests-per-minute key gets one capacity unit: Azure answers 429 with Retry-After once it is used up', async () => {
    const answer = await provision({ rate_limit_rpm: 6 });
    expect(answer.instructions).toMatchObject({ auth_header: 'api-key: <key>', deployments: ['gpt-4o-mini'] });
    expect(answer.enforcement['rate_limit_rpm']?.note).toMatch(/6 requests per minute/);
    const first = await chat(s, answer, answer.api_key ?? '');
    expect(first.status).toBe(200);
    const limited = await chat(s, answer, answer.api_key ?? '');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  });

  it('rotation hands out key2 and keeps the key1 slot for the next rotation', async () => {
    const first = await provision({});
    const rotated = await s.t.http.post<IssuedKeyAnswer>(`/api/v1/keys/${first.key_id}/rotate`, {}, { token: s.token });
    recordAnswerSecret(rotated);
    const rows = await s.t.dataSource.query<Array<{ id: string; vendor_key_id: string }>>(`SELECT id, vendor_key_id FROM issued_keys WHERE id = ANY($1)`, [[first.key_id, rotated.body.key_id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.vendor_key_id]))).toEqual({ [first.key_id]: 'key1', [rotated.body.key_id]: 'key2' });
    expect((await chat(s, rotated.body, rotated.body.api_key ?? '')).status).toBe(200);
    expect((await chat(s, first, first.api_key ?? '')).status).toBe(401);
    const again = await s.t.http.post<IssuedKeyAnswer>(`/api/v1/keys/${rotated.body.key_id}/rotate`, {}, { token: s.token });
    recordAnswerSecret(again);
    expect((await chat(s, again.body, again.body.api_key ?? '')).status).toBe(200);
    expect((await chat(s, rotated.body, rotated.body.api_key ?? '')).status).toBe(401);
    const third = await s.t.dataSource.query<Array<{ vendor_key_id: string }>>(`SELECT vendor_key_id FROM issued_keys WHERE id = $1`, [again.body.key_id]);
    expect(third[0]?.vendor_key_id).toBe('key1');
  });
});
