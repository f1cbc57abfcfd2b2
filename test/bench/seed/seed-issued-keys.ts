import { Client } from 'pg';

/**
 * `keys` issued keys (one in ten revoked, the rest active) spread over `developers` developers, inserted
 * with generate_series the way the API would have left them: vendor ids, hint, instructions, policy.
 */
export async function seedIssuedKeys(databaseUrl: string, organizationId: string, connectionId: string, keys: number, developers: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO developers (organization_id, name, email, team)
       SELECT $1, 'Bench developer ' || g, 'bench.dev.' || g || '@example.com', 'team-' || (g % 20)
         FROM generate_series(1, $2) g`,
      [organizationId, developers],
    );
    await db.query(
      `WITH d AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM developers WHERE organization_id = $1 AND email LIKE 'bench.dev.%')
       INSERT INTO issued_keys (id, organization_id, developer_id, connection_id, vendor, state, intent_id, scope_id, scope_name,
         vendor_key_id, vendor_refs, steps, hint, fingerprint, instructions, budget_limit_usd, rate_limit_rpm, expires_at,
         activated_at, revoked_at, created_at, updated_at)
       SELECT 'key_' || md5('bench' || g)::text, $1, d.id, $2, 'openai',
              CASE WHEN g % 10 = 0 THEN 'revoked' ELSE 'active' END,
              gen_random_uuid(), 'proj_' || substr(md5('p' || g), 1, 24), 'kg-team-' || (g % 20) || '-dev-' || substr(md5('i' || g), 1, 8),
              'key_' || substr(md5('k' || g), 1, 24), jsonb_build_object('project_id', 'proj_' || substr(md5('p' || g), 1, 24)),
              '["project_created","policy_pushed","service_account_created","key_created"]'::jsonb,
              'sk-svcacct-…' || substr(md5('h' || g), 1, 4), encode(sha256(convert_to('fp' || g, 'UTF8')), 'hex'),
              jsonb_build_object('base_url', 'https://api.openai.com/v1', 'auth_header', 'Authorization: Bearer <key>'),
              50, 60, now() + interval '90 days', t.at, CASE WHEN g % 10 = 0 THEN t.at + interval '1 day' END, t.at, t.at
         FROM generate_series(1, $3) g
         JOIN d ON d.n = g % $4
         CROSS JOIN LATERAL (SELECT now() - interval '180 days' + g * interval '100 milliseconds' + (g % 997) * interval '1 microsecond' AS at) t`,
      [organizationId, connectionId, keys, developers],
    );
    await db.query('COMMIT');
    await db.query('VACUUM (ANALYZE) developers');
    await db.query('VACUUM (ANALYZE) issued_keys');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    await db.end();
  }
}
