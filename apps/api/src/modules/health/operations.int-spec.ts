import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestOrganization, startTestApp, TestApp, testRunDir } from '@keygate/testing';

describe('operations endpoints and HTTP hygiene', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://keygate.example.com' } });
  });
  afterAll(() => t.close());

  it('answers liveness without auth and readiness after touching the database', async () => {
    expect((await t.http.get('/health')).body).toEqual({ status: 'healthy', service: 'keygate', version: expect.any(String) });
    expect((await t.http.get('/health/ready')).body).toMatchObject({ status: 'healthy', database: 'ok' });
  });

  it('exposes Prometheus metrics, including request durations by route', async () => {
    await t.http.get('/health');
    const metrics = await t.http.get('/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    expect(metrics.text).toMatch(/keygate_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
    expect(metrics.text).toContain('keygate_logins_total');
  });

  it('serves Swagger UI, ReDoc and the OpenAPI document locally', async () => {
    expect((await t.http.get('/docs')).text).toContain('swagger');
    const redoc = await t.http.get('/redoc');
    expect(redoc.text).toContain('<redoc spec-url="/openapi.json">');
    expect((await t.http.get('/redoc/redoc.standalone.js')).status).toBe(200);
    const doc = await t.http.get<{ info: { title: string }; paths: Record<string, unknown> }>('/openapi.json');
    expect(doc.body.info.title).toBe('KeyGate API');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/developers', '/api/v1/audit/verify']));
  });

  it('sends security headers and a request id on every response', async () => {
    const res = await t.http.get('/health', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-me-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
    const odd = await t.http.get('/health', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows cross-origin calls only from the configured origins', async () => {
    const allowed = await t.http.request('OPTIONS', '/api/v1/developers', undefined, { headers: { origin: 'https://keygate.example.com', 'access-control-request-method': 'GET' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://keygate.example.com');
    const denied = await t.http.request('OPTIONS', '/api/v1/developers', undefined, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs JSON lines with request ids and without the password or the bearer token', async () => {
    const org = await createTestOrganization(t);
    await t.http.get('/api/v1/auth/me', { token: org.users.owner.token, headers: { 'x-request-id': 'log-check-1' } });
    const dir = join(testRunDir(), 'logs');
    const read = () => readdirSync(dir).filter((f) => f.startsWith(t.db.name)).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    // The access line is written once the response has gone out, so it may land just after the client has its answer.
    let text = read();
    for (const deadline = Date.now() + 5000; !text.includes('"reqId":"log-check-1"') && Date.now() < deadline; text = read()) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const lines = complete.trim().split('\n').map((l) => JSON.parse(l) as { reqId?: string });
    expect(lines.some((l) => l.reqId === 'log-check-1')).toBe(true);
    expect(text).not.toContain(org.users.owner.token);
    expect(text).not.toContain(org.users.owner.password);
  });
});
