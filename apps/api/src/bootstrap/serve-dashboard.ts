import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const API_PATHS = /^\/(api|docs|redoc|openapi\.json|health|metrics)(\/|$|\?)/;

/** Serves the built dashboard at / with a single-page-app fallback; API paths keep their JSON 404. */
export function serveDashboard(app: INestApplication, dashboardDir: string | null): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  if (!dashboardDir) {
    fastify.get('/', (_req, reply) => reply.type('text/html').send('<!doctype html><p>KeyGate API is running. The dashboard is not built: run <code>npm run build</code>. API docs: <a href="/docs">/docs</a>.</p>'));
    return;
  }
  const index = readFileSync(join(dashboardDir, 'index.html'), 'utf8');
  void fastify.register(fastifyStatic, { root: dashboardDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  fastify.get('/', (_req, reply) => reply.type('text/html').header('cache-control', 'no-cache').send(index));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (API_PATHS.test(request.url) || request.method !== 'GET') {
      return reply.status(404).send({ statusCode: 404, code: 'route_not_found', message: 'No such route', requestId: String(request.id) });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').send(index);
  });
}
