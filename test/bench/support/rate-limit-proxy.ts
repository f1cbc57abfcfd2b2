import { randomBytes } from 'node:crypto';
import { Agent, createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RateLimitProxy {
  /** Base URL to give KeyGate instead of the vendor's (same path layout). */
  url: string;
  /** Admin calls passed on to the vendor, and admin calls answered 429 here. */
  counts(): { forwarded: number; limited: number };
  close(): Promise<void>;
}

export interface RateLimitProxyOptions {
  /** The vendor's base origin, e.g. http://127.0.0.1:PORT. */
  target: string;
  /** Admin API calls per second the "vendor" accepts. */
  ratePerSecond: number;
  /** Calls that may arrive back to back before the rate applies. */
  burst: number;
  /** Which paths count as the admin API. */
  limitedPath: RegExp;
}

/**
 * The simulator has no admin-API rate limit, so this loopback proxy plays one in front of it: a GCRA limiter
 * (R calls per second, small burst) that answers excess calls the way OpenAI does, 429 `rate_limit_exceeded`
 * with `retry-after-ms` and `retry-after`, before they reach the vendor. Everything else passes through.
 */
export async function startRateLimitProxy(options: RateLimitProxyOptions): Promise<RateLimitProxy> {
  const intervalMs = 1000 / options.ratePerSecond;
  const toleranceMs = intervalMs * Math.max(0, options.burst - 1);
  const target = new URL(options.target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let theoreticalArrival = 0;
  let forwarded = 0;
  let limited = 0;

  /** GCRA: accept when the call conforms, else say how long until it would. */
  const admit = (): number => {
    const now = performance.now();
    const tat = Math.max(theoreticalArrival, now);
    const waitMs = tat - toleranceMs - now;
    if (waitMs > 0) return waitMs;
    theoreticalArrival = tat + intervalMs;
    return 0;
  };

  const reject = (res: ServerResponse, waitMs: number) => {
    limited += 1;
    const body = JSON.stringify({ error: { message: 'Rate limit reached for organization admin requests. Please try again shortly.', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
    res.writeHead(429, {
      'content-type': 'application/json',
      'retry-after-ms': String(Math.ceil(waitMs)),
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
      'x-request-id': `req_${randomBytes(12).toString('hex')}`,
    });
    res.end(body);
  };

  const pass = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = forward(
      { agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    if (options.limitedPath.test(req.url ?? '')) {
      const waitMs = admit();
      if (waitMs > 0) {
        req.resume();
        return reject(res, waitMs);
      }
      forwarded += 1;
    }
    pass(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ forwarded, limited }),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
