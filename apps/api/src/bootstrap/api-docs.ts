import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('KeyGate API')
    .setDescription(
      'Control plane for LLM vendor API keys: scoped keys per developer, budgets, rate limits, model allow-lists, expiry, ' +
        'rotation, revocation and a tamper-evident audit log. Errors always have the shape {statusCode, code, message, details?, requestId}.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** Swagger UI at /docs, the document at /openapi.json, ReDoc at /redoc (all assets served locally). */
export function mountApiDocs(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', customSiteTitle: 'KeyGate API' });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  const redocBundle = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
  fastify.get('/redoc/redoc.standalone.js', (_req, reply) => reply.type('application/javascript').send(redocBundle));
  fastify.get('/redoc', (_req, reply) =>
    reply
      .type('text/html')
      .send(
        '<!doctype html><html><head><meta charset="utf-8"><title>KeyGate API · ReDoc</title></head>' +
          '<body><redoc spec-url="/openapi.json"></redoc><script src="/redoc/redoc.standalone.js"></script></body></html>',
      ),
  );
}
