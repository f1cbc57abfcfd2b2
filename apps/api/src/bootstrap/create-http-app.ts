import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule, AppRuntime } from '@api/app.module';
import { MetricsService } from '@api/modules/metrics/metrics.service';
import { buildOpenApiDocument, mountApiDocs } from './api-docs';
import { PinoNestLogger } from './logger';
import { requestIdFor } from './request-id';
import { serveDashboard } from './serve-dashboard';

export const API_PREFIX = 'api/v1';
export const UNPREFIXED_ROUTES = ['health', 'health/ready', 'metrics'];

/** A hop count trusts that many proxies in front of us; Fastify takes it as a function. */
function fastifyTrustProxy(setting: AppRuntime['config']['http']['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

export async function createHttpApp(runtime: AppRuntime, logger: Logger): Promise<NestFastifyApplication> {
  const { config } = runtime;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestIdFor,
    trustProxy: fastifyTrustProxy(config.http.trustProxy),
    bodyLimit: config.http.bodyLimitBytes,
    return503OnClosing: true,
    // One access-log line per request (written in onResponse below) instead of Fastify's two.
    disableRequestLogging: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCors, { origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false, credentials: true });
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    request.log.info(
      { req: { method: request.method, url: request.url, remoteAddress: request.ip }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    );
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  mountApiDocs(app, buildOpenApiDocument(app, config.version));
  serveDashboard(app, config.dashboardDir);
  await app.init();
  return app;
}
