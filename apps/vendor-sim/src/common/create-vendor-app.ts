import Fastify, { type FastifyInstance } from 'fastify';
import { parseVendorQuery } from '@sim/common/vendor-query';

/**
 * A Fastify instance configured the way every simulated vendor needs: the SDKs' query-array encodings,
 * JSON bodies that may be empty (SDKs send `content-type: application/json` on body-less POSTs), no logs.
 */
export interface VendorAppOptions {
  /** Serve TLS (Azure's SDKs refuse plain HTTP). */
  https?: { key: string | Buffer; cert: string | Buffer };
}

export function createVendorApp(options: VendorAppOptions = {}): FastifyInstance {
  const common = {
    logger: false,
    routerOptions: { querystringParser: parseVendorQuery },
    bodyLimit: 4 * 1024 * 1024,
  };
  const app = (options.https === undefined
    ? Fastify(common)
    : Fastify({ ...common, https: options.https })) as unknown as FastifyInstance;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(
        Object.assign(new Error('We could not parse the JSON body of your request.'), { statusCode: 400 }),
      );
    }
  });
  return app;
}

export async function listenOnLoopback(app: FastifyInstance, port = 0): Promise<number> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return address.port;
}
