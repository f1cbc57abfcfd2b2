import type { FastifyInstance } from 'fastify';
import { createVendorApp, listenOnLoopback } from '@sim/common/create-vendor-app';
import { installSimHooks } from '@sim/common/install-sim-hooks';
import { createSimContext, type SimContext } from '@sim/common/sim-context';

describe('installSimHooks', () => {
  let ctx: SimContext;
  let app: FastifyInstance;
  let base: string;
  let created: string[];

  beforeEach(async () => {
    ctx = createSimContext();
    created = [];
    app = createVendorApp();
    installSimHooks(app, 'openai', ctx, (status, message, requestId) => ({
      body: { error: { message, status, requestId } },
    }));
    app.post('/things', (request) => {
      const name = (request.body as { name: string }).name;
      created.push(name);
      return { name };
    });
    app.get('/things', (request) => ({ query: request.query, created }));
    base = `http://127.0.0.1:${await listenOnLoopback(app)}`;
  });

  afterEach(async () => {
    ctx.faults.clear();
    await app.close();
  });

  const post = (name: string) =>
    fetch(`${base}/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });

  it('journals every call with its request id, without bodies', async () => {
    const response = await post('secret-body');
    const entries = ctx.journal.list({ vendor: 'openai' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'POST', path: '/things', status: 200, outcome: 'answered' });
    expect(entries[0]?.requestId).toBe(response.headers.get('x-request-id'));
    expect(JSON.stringify(entries)).not.toContain('secret-body');
  });

  it('parses every query-array encoding into arrays', async () => {
    const response = await fetch(`${base}/things?a%5B%5D=1&a%5B%5D=2&b[0]=x&c=y&c=z&d=one`);
    const body = (await response.json()) as { query: unknown };
    expect(body.query).toEqual({ a: ['1', '2'], b: ['x'], c: ['y', 'z'], d: 'one' });
  });

  it('answers a status fault with the vendor envelope and Retry-After, without acting', async () => {
    ctx.faults.add({
      vendor: 'openai',
      method: 'post',
      path: '^/things$',
      action: { type: 'status', status: 429, retryAfterSeconds: 3 },
    });
    const response = await post('a');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    const body = (await response.json()) as { error: { requestId: string } };
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(created).toEqual([]);
    expect((await post('b')).status).toBe(200);
    expect(ctx.journal.list().map((entry) => entry.outcome)).toEqual(['fault_status', 'answered']);
  });

  it('adds the extra headers of a status fault', async () => {
    ctx.faults.add({
      vendor: 'openai',
      action: { type: 'status', status: 503, headers: { 'x-should-retry': 'false' } },
    });
    const response = await post('a');
    expect(response.status).toBe(503);
    expect(response.headers.get('x-should-retry')).toBe('false');
  });

  it('skips the first N matching calls and fires only `times` times', async () => {
    ctx.faults.add({ vendor: '*', skip: 1, times: 2, action: { type: 'status', status: 503 } });
    const statuses: number[] = [];
    for (const name of ['a', 'b', 'c', 'd']) statuses.push((await post(name)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
  });

  it('ignores rules for another vendor', async () => {
    ctx.faults.add({ vendor: 'anthropic', action: { type: 'status', status: 500 } });
    expect((await post('a')).status).toBe(200);
  });

  it('drop_before destroys the connection without acting', async () => {
    ctx.faults.add({ vendor: 'openai', action: { type: 'drop_before' } });
    await expect(post('a')).rejects.toThrow();
    expect(created).toEqual([]);
    expect(ctx.journal.list()[0]).toMatchObject({ outcome: 'dropped_before', status: null });
  });

  it('drop_after lets the vendor act, then destroys the connection instead of answering', async () => {
    ctx.faults.add({ vendor: 'openai', action: { type: 'drop_after' } });
    await expect(post('a')).rejects.toThrow();
    expect(created).toEqual(['a']);
    expect(ctx.journal.list()[0]).toMatchObject({ outcome: 'dropped_after', status: 200 });
  });

  it('pause holds the call until it is released', async () => {
    ctx.faults.add({ vendor: 'openai', method: 'POST', action: { type: 'pause' } });
    const pending = post('held');
    await waitFor(() => ctx.faults.listPaused().length === 1);
    expect(created).toEqual([]);
    const [paused] = ctx.faults.listPaused();
    expect(paused).toMatchObject({ vendor: 'openai', method: 'POST', path: '/things' });
    expect(ctx.faults.release(paused?.id ?? '')).toBe(true);
    expect((await pending).status).toBe(200);
    expect(created).toEqual(['held']);
  });

  it('a paused call whose client went away is still carried out when released, as at a real vendor', async () => {
    ctx.faults.add({ vendor: 'openai', method: 'POST', action: { type: 'pause' } });
    const abort = new AbortController();
    const pending = fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'orphan' }), signal: abort.signal });
    await waitFor(() => ctx.faults.listPaused().length === 1);
    abort.abort();
    await expect(pending).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the connection is gone on the server's side too
    ctx.faults.release(ctx.faults.listPaused()[0]?.id ?? '');
    await waitFor(() => created.length === 1);
    expect(created).toEqual(['orphan']);
  });

  it('a paused call released with drop vanishes without the vendor acting', async () => {
    ctx.faults.add({ vendor: 'openai', method: 'POST', action: { type: 'pause' } });
    const pending = post('never');
    await waitFor(() => ctx.faults.listPaused().length === 1);
    ctx.faults.release(ctx.faults.listPaused()[0]?.id ?? '', 'drop');
    await expect(pending).rejects.toThrow();
    expect(created).toEqual([]);
    expect(ctx.journal.list()[0]).toMatchObject({ outcome: 'dropped_before', status: null });
  });

  it('latency delays the answer', async () => {
    ctx.faults.add({ vendor: 'openai', action: { type: 'latency', ms: 150 } });
    const started = Date.now();
    expect((await post('a')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
