import type { FastifyInstance } from 'fastify';
import { createVendorApp, listenOnLoopback } from '@sim/common/create-vendor-app';
import { installSimHooks } from '@sim/common/install-sim-hooks';
import type { SimContext } from '@sim/common/sim-context';
import { VendorError } from '@sim/common/vendor-error';
import { registerAnthropicAnalyticsRoutes } from '@sim/anthropic/anthropic-analytics.routes';
import { registerAnthropicApiKeyRoutes } from '@sim/anthropic/anthropic-api-key.routes';
import { requireAdminKey } from '@sim/anthropic/anthropic-auth';
import { anthropicControlPlugin } from '@sim/anthropic/anthropic-control';
import { anthropicErrorFor } from '@sim/anthropic/anthropic-errors';
import { registerAnthropicMemberRoutes } from '@sim/anthropic/anthropic-member.routes';
import { registerAnthropicMessagesRoutes } from '@sim/anthropic/anthropic-messages.routes';
import { registerAnthropicModelRoutes } from '@sim/anthropic/anthropic-models.routes';
import { registerAnthropicPeopleRoutes } from '@sim/anthropic/anthropic-people.routes';
import { registerAnthropicRateLimitRoutes } from '@sim/anthropic/anthropic-rate-limit.routes';
import { registerAnthropicReportRoutes } from '@sim/anthropic/anthropic-report.routes';
import { AnthropicState } from '@sim/anthropic/anthropic-state';
import { registerAnthropicWorkspaceRoutes } from '@sim/anthropic/anthropic-workspace.routes';

export interface AnthropicSimOptions {
  port?: number;
  adminKeys: readonly string[];
}

export interface RunningAnthropicSim {
  /** Base URL without `/v1`, as the SDK's `baseURL` expects. */
  url: string;
  state: AnthropicState;
  app: FastifyInstance;
  stop(): Promise<void>;
}

export async function startAnthropicSim(
  ctx: SimContext,
  options: AnthropicSimOptions,
): Promise<RunningAnthropicSim> {
  const state = new AnthropicState(ctx.clock);
  const app = createVendorApp();
  installSimHooks(app, 'anthropic', ctx, anthropicErrorFor);
  app.setNotFoundHandler(() => {
    throw new VendorError(404, 'Not Found');
  });

  await app.register(
    (admin, _options, done) => {
      admin.addHook('onRequest', (request, _reply, next) => {
        requireAdminKey(request, options.adminKeys, state);
        next();
      });
      registerAnthropicWorkspaceRoutes(admin, state, ctx.clock);
      registerAnthropicMemberRoutes(admin, state);
      registerAnthropicApiKeyRoutes(admin, state);
      registerAnthropicPeopleRoutes(admin, state, ctx.clock);
      registerAnthropicReportRoutes(admin, state, ctx.clock);
      registerAnthropicAnalyticsRoutes(admin, state, ctx.clock);
      registerAnthropicRateLimitRoutes(admin, state, state.rateLimits);
      done();
    },
    { prefix: '/v1/organizations' },
  );
  await app.register(
    (inference, _options, done) => {
      registerAnthropicMessagesRoutes(inference, state, ctx.clock);
      registerAnthropicModelRoutes(inference, state);
      done();
    },
    { prefix: '/v1' },
  );

  ctx.control.register('anthropic', anthropicControlPlugin(state, ctx.clock));
  ctx.control.onReset(() => state.reset());

  const port = await listenOnLoopback(app, options.port ?? 0);
  return { url: `http://127.0.0.1:${port}`, state, app, stop: () => app.close() };
}
