import Fastify, { type FastifyInstance } from 'fastify';
import { jsonBody, optionalInteger } from '@sim/common/body-fields';
import type { PauseRelease } from '@sim/common/fault-injector';
import type { FaultRuleInput } from '@sim/common/fault-rule';
import type { SimContext } from '@sim/common/sim-context';
import { VendorError } from '@sim/common/vendor-error';
import { isVendorName } from '@sim/common/vendor-name';
import { parseVendorQuery } from '@sim/common/vendor-query';

/**
 * The simulator's own API (not a vendor's): faults, paused calls, journal, clock, reset, and each vendor's
 * hooks under `/vendors/<vendor>`. Errors are `{error: {status, message}}`.
 */
export async function buildControlServer(ctx: SimContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, routerOptions: { querystringParser: parseVendorQuery } });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error instanceof VendorError ? error.status : (error.statusCode ?? 500);
    return reply.code(status).send({ error: { status, message: error.message } });
  });

  app.get('/health', () => ({ status: 'ok' }));

  app.post('/faults', (request, reply) => {
    const input = jsonBody(request.body) as unknown as FaultRuleInput;
    if (input.vendor !== '*' && !isVendorName(input.vendor))
      throw new VendorError(400, 'vendor must be a vendor name or *');
    if (typeof input.action !== 'object' || input.action === null)
      throw new VendorError(400, 'action is required');
    try {
      return reply.code(201).send(ctx.faults.add(input));
    } catch (error) {
      throw new VendorError(400, error instanceof Error ? error.message : 'invalid fault rule');
    }
  });
  app.get('/faults', () => ({ data: ctx.faults.list() }));
  app.delete('/faults', () => {
    ctx.faults.clear();
    return { cleared: true };
  });
  app.delete<{ Params: { id: string } }>('/faults/:id', (request) => {
    if (!ctx.faults.remove(request.params.id)) throw new VendorError(404, 'no such fault rule');
    return { deleted: true };
  });

  app.get('/paused', () => ({ data: ctx.faults.listPaused() }));
  // ?drop=true: the held calls vanish without reaching the vendor instead of going on.
  app.post<{ Querystring: { drop?: string } }>('/paused/release-all', (request) => ({ released: ctx.faults.releaseAll(releaseMode(request.query.drop)) }));
  app.post<{ Params: { id: string }; Querystring: { drop?: string } }>('/paused/:id/release', (request) => {
    if (!ctx.faults.release(request.params.id, releaseMode(request.query.drop))) throw new VendorError(404, 'no such paused call');
    return { released: 1 };
  });

  app.get<{ Querystring: { vendor?: string; since?: string } }>('/journal', (request) => {
    const { vendor, since } = request.query;
    if (vendor !== undefined && !isVendorName(vendor)) throw new VendorError(400, 'unknown vendor');
    const sinceSeq = since === undefined ? undefined : Number(since);
    if (sinceSeq !== undefined && !Number.isInteger(sinceSeq))
      throw new VendorError(400, 'since must be an integer');
    return { data: ctx.journal.list({ vendor, sinceSeq }), last_seq: ctx.journal.lastSeq() };
  });
  app.delete('/journal', () => {
    ctx.journal.clear();
    return { cleared: true, last_seq: ctx.journal.lastSeq() };
  });

  const clockJson = () => ({ now: ctx.clock.now().toISOString(), offset_ms: ctx.clock.offset() });
  app.get('/clock', clockJson);
  app.post('/clock/advance', (request) => {
    const ms = optionalInteger(jsonBody(request.body), 'ms', 0);
    if (ms === undefined) throw new VendorError(400, 'ms is required');
    ctx.clock.advance(ms);
    return clockJson();
  });

  app.post('/reset', () => {
    ctx.faults.clear();
    ctx.journal.clear();
    ctx.clock.reset();
    ctx.control.resetVendors();
    return { reset: true };
  });

  for (const [vendor, plugins] of ctx.control.entries()) {
    await app.register(
      (scope, _options, done) => {
        for (const plugin of plugins) plugin(scope);
        done();
      },
      { prefix: `/vendors/${vendor}` },
    );
  }
  return app;
}

function releaseMode(drop: string | undefined): PauseRelease {
  return drop === 'true' ? 'drop' : 'proceed';
}
