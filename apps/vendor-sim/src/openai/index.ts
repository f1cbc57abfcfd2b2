import type { FastifyInstance } from 'fastify';
import { createVendorApp, listenOnLoopback } from '@sim/common/create-vendor-app';
import { installSimHooks } from '@sim/common/install-sim-hooks';
import type { SimContext } from '@sim/common/sim-context';
import { VendorError } from '@sim/common/vendor-error';
import { registerOpenAiApiKeyRoutes } from '@sim/openai/openai-api-key.routes';
import { requireAdminKey } from '@sim/openai/openai-auth';
import { openAiControlPlugin } from '@sim/openai/openai-control';
import { openAiErrorFor } from '@sim/openai/openai-errors';
import { registerOpenAiInferenceRoutes } from '@sim/openai/openai-inference.routes';
import { registerOpenAiPolicyRoutes } from '@sim/openai/openai-policy.routes';
import { registerOpenAiProjectRoutes } from '@sim/openai/openai-project.routes';
import { registerOpenAiServiceAccountRoutes } from '@sim/openai/openai-service-account.routes';
import { OpenAiState } from '@sim/openai/openai-state';
import { registerOpenAiUsageRoutes } from '@sim/openai/openai-usage.routes';

export interface OpenAiSimOptions {
  port?: number;
  adminKeys: readonly string[];
}

export interface RunningOpenAiSim {
  /** Base URL including `/v1`, as the SDK's `baseURL` expects. */
  url: string;
  state: OpenAiState;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startOpenAiSim(ctx: SimContext, options: OpenAiSimOptions): Promise<RunningOpenAiSim> {
  const state = new OpenAiState(ctx.clock);
  const app = createVendorApp();
  installSimHooks(app, 'openai', ctx, openAiErrorFor);
  app.setNotFoundHandler((request) => {
    throw new VendorError(404, `Invalid URL (${request.method} ${request.url.split('?')[0]})`);
  });

  await app.register(
    (admin, _options, done) => {
      admin.addHook('onRequest', (request, _reply, next) => {
        requireAdminKey(request, options.adminKeys, state);
        next();
      });
      registerOpenAiProjectRoutes(admin, state, ctx.clock);
      registerOpenAiServiceAccountRoutes(admin, state, ctx.clock);
      registerOpenAiApiKeyRoutes(admin, state, ctx.clock);
      registerOpenAiPolicyRoutes(admin, state);
      registerOpenAiUsageRoutes(admin, state, ctx.clock);
      done();
    },
    { prefix: '/v1/organization' },
  );
  await app.register(
    (inference, _options, done) => {
      registerOpenAiInferenceRoutes(inference, state, ctx.clock);
      done();
    },
    { prefix: '/v1' },
  );

  ctx.control.register('openai', openAiControlPlugin(state, ctx.clock));
  ctx.control.onReset(() => state.reset());

  const port = await listenOnLoopback(app, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}/v1`, state, app, stop: () => app.close() };
}
