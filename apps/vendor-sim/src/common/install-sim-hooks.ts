import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JournalOutcome } from '@sim/common/journal';
import { newRequestId, REQUEST_ID_HEADER } from '@sim/common/request-id';
import type { SimContext } from '@sim/common/sim-context';
import { type ErrorFor, VendorError, type VendorErrorDetail } from '@sim/common/vendor-error';
import type { VendorName } from '@sim/common/vendor-name';
import { asVendorQuery, type VendorQuery } from '@sim/common/vendor-query';

interface CallState {
  requestId: string;
  faultRuleId: string | null;
  outcome: JournalOutcome;
  dropAfter: boolean;
  /** A pause rule that fired: the call is held once its body is read (preHandler). */
  pauseRuleId: string | null;
  journaled: boolean;
}

const calls = new WeakMap<FastifyRequest, CallState>();

/** The request id the simulator assigned to this call (also sent in the vendor's request-id header). */
export function requestIdOf(request: FastifyRequest): string {
  return calls.get(request)?.requestId ?? 'req_unknown';
}

const SECRET_QUERY_NAMES = /^(key|api_key|apikey|access_token|token|client_secret)$/i;

function redactQuery(query: VendorQuery): VendorQuery {
  const copy: VendorQuery = {};
  for (const [name, value] of Object.entries(query))
    copy[name] = SECRET_QUERY_NAMES.test(name) ? '[redacted]' : value;
  return copy;
}

function pathOf(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index === -1 ? request.url : request.url.slice(0, index);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Makes a vendor server part of the simulation: assigns request ids, applies fault rules before the
 * vendor acts, journals every call, and renders every thrown error with the vendor's own envelope.
 */
export function installSimHooks(
  app: FastifyInstance,
  vendor: VendorName,
  ctx: SimContext,
  errorFor: ErrorFor,
): void {
  const requestIdHeader = REQUEST_ID_HEADER[vendor];

  const journal = (
    request: FastifyRequest,
    state: CallState,
    status: number | null,
    outcome: JournalOutcome,
  ) => {
    if (state.journaled) return;
    state.journaled = true;
    ctx.journal.record({
      at: ctx.clock.now().toISOString(),
      vendor,
      method: request.method,
      path: pathOf(request),
      query: redactQuery(asVendorQuery(request.query)),
      status,
      requestId: state.requestId,
      outcome,
      faultRuleId: state.faultRuleId,
    });
  };

  const sendError = (
    reply: FastifyReply,
    state: CallState,
    status: number,
    message: string,
    detail: VendorErrorDetail = {},
  ) => {
    const rendered = errorFor(status, message, state.requestId, detail);
    return reply
      .code(status)
      .headers({ ...(detail.headers ?? {}), ...(rendered.headers ?? {}) })
      .send(rendered.body);
  };

  app.addHook('onRequest', async (request, reply) => {
    const state: CallState = {
      requestId: newRequestId(vendor),
      faultRuleId: null,
      outcome: 'answered',
      dropAfter: false,
      pauseRuleId: null,
      journaled: false,
    };
    calls.set(request, state);
    if (requestIdHeader !== null) void reply.header(requestIdHeader, state.requestId);

    const call = { vendor, method: request.method, path: pathOf(request) };
    const fired = ctx.faults.take(call);
    if (fired === null) return;
    state.faultRuleId = fired.ruleId;
    const action = fired.action;
    switch (action.type) {
      case 'latency':
        await sleep(action.ms);
        return;
      case 'pause':
        state.pauseRuleId = fired.ruleId;
        return;
      case 'drop_after':
        state.dropAfter = true;
        return;
      case 'drop_before':
        journal(request, state, null, 'dropped_before');
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case 'status': {
        state.outcome = 'fault_status';
        const headers: Record<string, string> = { ...(action.headers ?? {}) };
        if (action.retryAfterSeconds !== undefined) headers['retry-after'] = String(action.retryAfterSeconds);
        const message = action.message ?? `Simulated ${action.status} from the vendor simulator.`;
        return sendError(reply, state, action.status, message, { headers });
      }
    }
  });

  // Held after the body arrived, so a client that dies during the pause still gets the vendor to act on
  // its request, as a real vendor does once the request is on the wire.
  // Released with `drop`, the call vanishes without the vendor acting, as if it never arrived.
  app.addHook('preHandler', async (request, reply) => {
    const state = calls.get(request);
    if (!state?.pauseRuleId) return;
    const how = await ctx.faults.hold(state.pauseRuleId, { vendor, method: request.method, path: pathOf(request) }, ctx.clock.now());
    if (how === 'proceed') return;
    journal(request, state, null, 'dropped_before');
    reply.hijack();
    request.raw.socket.destroy();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = calls.get(request);
    if (state?.dropAfter === true) {
      journal(request, state, reply.statusCode, 'dropped_after');
      request.raw.socket.destroy();
    }
    return payload;
  });

  app.addHook('onResponse', (request, reply, done) => {
    const state = calls.get(request);
    if (state !== undefined) journal(request, state, reply.statusCode, state.outcome);
    done();
  });

  app.addHook('onRequestAbort', (request, done) => {
    const state = calls.get(request);
    if (state !== undefined) journal(request, state, null, 'aborted');
    done();
  });

  app.setErrorHandler((error: FastifyError | VendorError, request, reply) => {
    const state = calls.get(request);
    const fallback: CallState = {
      requestId: newRequestId(vendor),
      faultRuleId: null,
      outcome: 'answered',
      dropAfter: false,
      pauseRuleId: null,
      journaled: false,
    };
    if (error instanceof VendorError)
      return sendError(reply, state ?? fallback, error.status, error.message, error.detail);
    const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'The vendor simulator failed to handle the request.' : error.message;
    return sendError(reply, state ?? fallback, status, message);
  });
}
