import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The baseline of the read benchmarks: bare Fastify (no logger, no auth, no validation, no DTO mapping) and a
 * pg pool of KeyGate's default size, running the SQL KeyGate's repositories run for GET /keys and GET /audit,
 * with the same keyset cursors. Prints {"listening":port} once ready.
 */
const databaseUrl = process.env.DATABASE_URL;
const organizationId = process.env.BENCH_ORG_ID;
if (!databaseUrl || !organizationId) throw new Error('DATABASE_URL and BENCH_ORG_ID are required');

const pool = new Pool({ connectionString: databaseUrl, max: 20 });
const app = Fastify({ logger: false });

interface PageQuery {
  cursor?: string;
  limit?: string;
}

const limitOf = (query: PageQuery) => Math.min(200, Math.max(1, Number(query.limit ?? 50) || 50));

app.get<{ Querystring: PageQuery }>('/keys', async (request) => {
  const limit = limitOf(request.query);
  const params: unknown[] = [organizationId];
  let where = 'organization_id = $1';
  if (request.query.cursor) {
    const [at, id] = JSON.parse(Buffer.from(request.query.cursor, 'base64url').toString('utf8')) as [string, string];
    params.push(new Date(at), id);
    where += ' AND (created_at, id) > ($2, $3)';
  }
  params.push(limit + 1);
  const { rows } = await pool.query<{ created_at: Date; id: string }>(`SELECT * FROM issued_keys WHERE ${where} ORDER BY created_at, id LIMIT $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url') : null;
  return { items: page, next_cursor: next };
});

app.get<{ Querystring: PageQuery }>('/audit', async (request) => {
  const limit = limitOf(request.query);
  const params: unknown[] = [organizationId];
  let where = 'organization_id = $1';
  if (request.query.cursor) {
    params.push(Number(Buffer.from(request.query.cursor, 'base64url').toString('utf8')));
    where += ' AND seq < $2';
  }
  params.push(limit + 1);
  const { rows } = await pool.query<{ seq: string }>(`SELECT * FROM audit_events WHERE ${where} ORDER BY seq DESC LIMIT $${params.length}`, params);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, next_cursor: rows.length > limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null };
});

const shutdown = () => {
  void app.close().then(() => pool.end()).finally(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

app.listen({ host: '127.0.0.1', port: 0 }).then(
  () => {
    const address = app.server.address();
    process.stdout.write(`${JSON.stringify({ listening: typeof address === 'object' && address ? address.port : 0 })}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`baseline failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
