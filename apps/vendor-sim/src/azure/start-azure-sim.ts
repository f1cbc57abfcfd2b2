import type { FastifyInstance } from 'fastify';
import { registerAccountKeyRoutes } from '@sim/azure/arm/account-key-routes';
import { registerAccountRoutes } from '@sim/azure/arm/account-routes';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import { armGuard, armResponseHeaders } from '@sim/azure/arm/arm-guard';
import { AzureWorld } from '@sim/azure/arm/azure-world';
import { registerDeploymentRoutes } from '@sim/azure/arm/deployment-routes';
import { registerSubscriptionRoutes } from '@sim/azure/arm/subscription-routes';
import { registerMonitorMetricsRoutes } from '@sim/azure/arm/monitor-metrics-routes';
import { armError, azureErrorFor } from '@sim/azure/azure-errors';
import { registerChatCompletionsRoutes } from '@sim/azure/data-plane/chat-completions-routes';
import { DeploymentRateLimiter } from '@sim/azure/data-plane/deployment-rate-limiter';
import { registerEntraRoutes } from '@sim/azure/entra/entra-routes';
import { EntraTokenStore } from '@sim/azure/entra/entra-token-store';
import { addFormBodyParser } from '@sim/azure/form-body-parser';
import { createLoopbackTls } from '@sim/azure/tls/loopback-certificates';
import { createVendorApp } from '@sim/common/create-vendor-app';
import { installSimHooks } from '@sim/common/install-sim-hooks';
import type { SimContext } from '@sim/common/sim-context';

export interface AzureSimOptions {
  /** Loopback host to listen on (default 127.0.0.1). */
  host?: string;
  port?: number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  /** Where the simulator's CA is kept across restarts; a fresh CA each start without it. */
  dataDir?: string;
}

export interface RunningAzureSim {
  /** `https://127.0.0.1:PORT`: the Entra authority host, the ARM endpoint and the accounts' data plane. */
  url: string;
  /** The CA to trust (`tlsOptions: { ca }`); verification is never turned off. */
  caPem: string;
  stop(): Promise<void>;
}

function registerControl(ctx: SimContext, world: AzureWorld, limiter: DeploymentRateLimiter): void {
  ctx.control.register('azure', (control: FastifyInstance) => {
    control.get('/usage', () => ({ data: world.usage }));
  });
  ctx.control.onReset(() => {
    world.reset();
    limiter.clear();
  });
}

/**
 * Azure on one TLS listener: Entra ID (OpenID configuration + client-credentials token), ARM
 * `Microsoft.CognitiveServices` (accounts, keys, deployments, soft delete, LROs) and the Azure OpenAI
 * data plane of every account it creates.
 */
export async function startAzureSim(ctx: SimContext, opts: AzureSimOptions): Promise<RunningAzureSim> {
  const host = opts.host ?? '127.0.0.1';
  const tls = await createLoopbackTls(opts.dataDir);
  const world = new AzureWorld(ctx.clock);
  const tokens = new EntraTokenStore(opts.tenantId);
  const limiter = new DeploymentRateLimiter(ctx.clock);
  const armContext: ArmContext = { world, clientId: opts.clientId };

  const app = createVendorApp({ https: { key: tls.serverKeyPem, cert: tls.serverCertPem } });
  addFormBodyParser(app);
  installSimHooks(app, 'azure', ctx, azureErrorFor);
  app.setNotFoundHandler((request) => {
    throw armError(
      404,
      'NotFound',
      `The simulated Azure has no route for ${request.method} ${request.url.split('?')[0] ?? ''}.`,
    );
  });

  registerEntraRoutes(app, opts, tokens, ctx.clock);
  registerChatCompletionsRoutes(app, world, limiter);
  app.register((arm, _options, done) => {
    arm.addHook('onRequest', armResponseHeaders);
    arm.addHook('preHandler', armGuard(tokens, opts.tenantId, opts.subscriptionId));
    registerAccountRoutes(arm, armContext);
    registerAccountKeyRoutes(arm, armContext);
    registerDeploymentRoutes(arm, armContext);
    registerSubscriptionRoutes(arm, armContext);
    registerMonitorMetricsRoutes(arm, armContext);
    done();
  });
  registerControl(ctx, world, limiter);

  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the Azure simulator did not bind a TCP port');
  return {
    url: `https://${host}:${address.port}`,
    caPem: tls.caPem,
    stop: () => app.close(),
  };
}
