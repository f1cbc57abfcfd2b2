import type { FastifyInstance } from 'fastify';
import { listenOnLoopback } from '@sim/common/create-vendor-app';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { buildControlServer } from '@sim/control/control-server';

describe('control server', () => {
  let ctx: SimContext;
  let app: FastifyInstance;
  let resets: number;
  let base: string;

  beforeEach(async () => {
    ctx = createSimContext();
    resets = 0;
    ctx.control.onReset(() => {
      resets += 1;
    });
    ctx.control.register('openai', (scope) => {
      scope.get('/hello', () => ({ vendor: 'openai' }));
    });
    app = await buildControlServer(ctx);
    base = `http://127.0.0.1:${await listenOnLoopback(app)}`;
  });
  afterEach(() => app.close());

  // Over real loopback HTTP: Fastify's inject() pulls an ESM-only dependency Jest cannot load.
  const inject = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('adds, lists and removes fault rules', async () => {
    const added = await inject('POST', '/faults', {
      vendor: 'openai',
      path: '^/v1',
      action: { type: 'status', status: 503 },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'fault_1', times: 1, skip: 0, fired: 0 });
    expect((await inject('GET', '/faults')).body.data).toHaveLength(1);
    expect((await inject('DELETE', '/faults/fault_1')).status).toBe(200);
    expect((await inject('DELETE', '/faults/fault_1')).status).toBe(404);
  });

  it('rejects an invalid fault rule with 400', async () => {
    expect(
      (await inject('POST', '/faults', { vendor: 'nobody', action: { type: 'drop_before' } })).status,
    ).toBe(400);
    expect((await inject('POST', '/faults', { vendor: 'openai' })).status).toBe(400);
    expect((await inject('POST', '/faults', { vendor: 'openai', action: { type: 'explode' } })).status).toBe(
      400,
    );
    expect(
      (await inject('POST', '/faults', { vendor: '*', path: '(', action: { type: 'pause' } })).status,
    ).toBe(400);
    expect(
      (await inject('POST', '/faults', { vendor: '*', action: { type: 'status', status: 200 } })).status,
    ).toBe(400);
    expect(ctx.faults.list()).toEqual([]);
  });

  it('filters the journal by vendor and sequence', async () => {
    const entry = {
      at: '',
      method: 'GET',
      path: '/',
      query: {},
      status: 200,
      requestId: 'r',
      outcome: 'answered' as const,
      faultRuleId: null,
    };
    ctx.journal.record({ ...entry, vendor: 'openai' });
    ctx.journal.record({ ...entry, vendor: 'anthropic' });
    ctx.journal.record({ ...entry, vendor: 'openai' });
    const openai = await inject('GET', '/journal?vendor=openai');
    expect((openai.body.data as Array<{ seq: number }>).map((item) => item.seq)).toEqual([1, 3]);
    const since = await inject('GET', '/journal?since=1');
    expect((since.body.data as Array<{ seq: number }>).map((item) => item.seq)).toEqual([2, 3]);
    expect((await inject('GET', '/journal?vendor=nobody')).status).toBe(400);
  });

  it('moves the clock forward only', async () => {
    const before = ctx.clock.nowMs();
    const advanced = await inject('POST', '/clock/advance', { ms: 86_400_000 });
    expect(advanced.body.offset_ms).toBe(86_400_000);
    expect(ctx.clock.nowMs() - before).toBeGreaterThanOrEqual(86_400_000);
    expect((await inject('POST', '/clock/advance', { ms: -1 })).status).toBe(400);
  });

  it('lists and releases paused calls', async () => {
    const held = ctx.faults.hold('fault_x', { vendor: 'google', method: 'POST', path: '/v1/x' }, new Date());
    const paused = (await inject('GET', '/paused')).body.data as Array<{ id: string }>;
    expect(paused).toHaveLength(1);
    expect((await inject('POST', `/paused/${paused[0]?.id}/release`)).status).toBe(200);
    await expect(held).resolves.toBe('proceed');
    expect((await inject('POST', '/paused/nope/release')).status).toBe(404);
  });

  it('releases held calls as never arrived with drop=true', async () => {
    const held = ctx.faults.hold('fault_x', { vendor: 'openai', method: 'POST', path: '/v1/x' }, new Date());
    expect((await inject('POST', '/paused/release-all?drop=true')).body).toEqual({ released: 1 });
    await expect(held).resolves.toBe('drop');
  });

  it('resets faults, journal, clock and every vendor, and mounts vendor hooks', async () => {
    ctx.faults.add({ vendor: '*', action: { type: 'drop_before' } });
    ctx.clock.advance(1000);
    expect((await inject('POST', '/reset')).status).toBe(200);
    expect(ctx.faults.list()).toEqual([]);
    expect(ctx.clock.offset()).toBe(0);
    expect(resets).toBe(1);
    expect((await inject('GET', '/vendors/openai/hello')).body).toEqual({ vendor: 'openai' });
  });
});
