import type { FastifyInstance } from 'fastify';
import { createVendorApp, listenOnLoopback } from '@sim/common/create-vendor-app';
import { installSimHooks } from '@sim/common/install-sim-hooks';
import type { SimContext } from '@sim/common/sim-context';
import { googleError, googleErrorFor } from '@sim/google/google-errors';

/** One Google API host: simulation hooks, Google's error envelope, plain HTTP on loopback. */
export async function startGoogleApp(
  ctx: SimContext,
  host: string,
  port: number,
  register: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = createVendorApp();
  installSimHooks(app, 'google', ctx, googleErrorFor);
  app.setNotFoundHandler((request) => {
    throw googleError(
      404,
      'NOT_FOUND',
      `The requested URL ${request.url.split('?')[0] ?? ''} was not found on this server.`,
    );
  });
  register(app);
  try {
    const bound = host === '127.0.0.1' ? await listenOnLoopback(app, port) : await listenOn(app, host, port);
    return { app, url: `http://${host}:${bound}` };
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function listenOn(app: FastifyInstance, host: string, port: number): Promise<number> {
  await app.listen({ host, port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return address.port;
}
