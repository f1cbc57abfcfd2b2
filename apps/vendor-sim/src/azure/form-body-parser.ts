import type { FastifyInstance } from 'fastify';

/** OAuth token endpoints take `application/x-www-form-urlencoded` bodies, which Fastify does not parse by itself. */
export function addFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      done(null, Object.fromEntries(new URLSearchParams(text)));
    },
  );
}
