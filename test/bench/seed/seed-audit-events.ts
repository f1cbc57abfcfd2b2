import { Client } from 'pg';

const ACTIONS = ['key.provision.requested', 'key.provisioned', 'key.revoked', 'developer.created'];
const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The columns of seeded event number `seq` (the `i`-th seeded), as SQL expressions over those two. */
const columns = (i: string, seq: string) => ({
  action: `(ARRAY[${ACTIONS.map((a) => `'${a}'`).join(',')}])[${seq} % ${ACTIONS.length} + 1]`,
  occurredAt: `(b.t0 + ${i} * interval '1 millisecond')`,
  targetId: `'key_bench_' || (${seq} % 1000)`,
  requestId: `'bench-' || ${seq}`,
  details: `'{"n":' || ${seq} || '}'`,
});

/**
 * The canonical JSON of a seeded event, built in SQL exactly as canonicalJson() in audit-hash.ts builds it:
 * keys sorted, nulls kept, numbers bare. Every value is plain ASCII, so no string needs escaping.
 */
function canonicalEvent(i: string, seq: string): string {
  const c = columns(i, seq);
  return `'{"action":"' || ${c.action} || '","actorId":"bench","actorLabel":"bench-seed","actorType":"system","details":' || ${c.details}
    || ',"ip":null,"occurredAt":"' || to_char(${c.occurredAt} AT TIME ZONE 'UTC', ${ISO_MS}) || '","organizationId":"' || b.org
    || '","outcome":"success","requestId":"' || ${c.requestId} || '","seq":' || ${seq} || ',"targetId":"' || ${c.targetId}
    || '","targetType":"key","userAgent":null}'`;
}

const stored = columns('c.i', 'c.seq');

/**
 * Appends `count` events to the organization's audit chain in one SQL statement: a recursive CTE walks
 * the chain from its current head, so every row carries prev_hash and hash = SHA-256(prev_hash ‖ event)
 * and GET /audit/verify accepts the result. Rows go in through INSERT only (the table is append-only).
 */
export async function seedAuditEvents(databaseUrl: string, organizationId: string, count: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SET LOCAL work_mem = '256MB'`);
    await db.query(`SELECT 1 FROM audit_chain_heads WHERE organization_id = $1 FOR UPDATE`, [organizationId]);
    await db.query(
      `WITH RECURSIVE b AS (
         SELECT $1::uuid AS org, date_trunc('milliseconds', clock_timestamp()) AS t0
       ), chain (i, seq, prev, hash) AS (
         SELECT 0::bigint, h.last_seq, NULL::text, h.last_hash FROM audit_chain_heads h WHERE h.organization_id = $1
         UNION ALL
         SELECT c.i + 1, c.seq + 1, c.hash, encode(sha256(convert_to(c.hash || ${canonicalEvent('(c.i + 1)', '(c.seq + 1)')}, 'UTF8')), 'hex')
           FROM chain c CROSS JOIN b WHERE c.i < $2
       )
       INSERT INTO audit_events (organization_id, seq, occurred_at, action, outcome, actor_type, actor_id, actor_label,
         target_type, target_id, request_id, ip, user_agent, details, prev_hash, hash)
       SELECT $1, c.seq, ${stored.occurredAt}, ${stored.action}, 'success', 'system', 'bench', 'bench-seed',
         'key', ${stored.targetId}, ${stored.requestId}, NULL, NULL, (${stored.details})::jsonb, c.prev, c.hash
         FROM chain c CROSS JOIN b WHERE c.i > 0`,
      [organizationId, count],
    );
    await db.query(
      `UPDATE audit_chain_heads h SET last_seq = e.seq, last_hash = e.hash
         FROM (SELECT seq, hash FROM audit_events WHERE organization_id = $1 ORDER BY seq DESC LIMIT 1) e
        WHERE h.organization_id = $1`,
      [organizationId],
    );
    await db.query('COMMIT');
    await db.query('VACUUM (ANALYZE) audit_events');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    await db.end();
  }
}
