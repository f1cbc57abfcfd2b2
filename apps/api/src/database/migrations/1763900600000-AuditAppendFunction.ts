import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appends one audit event in a single call: locks the organization's chain head (created on first use),
 * stamps the event with the next sequence number and the database clock, hashes it onto the chain and moves
 * the head. The caller passes the event's canonical JSON in three parts, split where the instant and the
 * sequence number go (audit-hash.ts, canonicalEventParts), so
 *   hash = SHA-256(prev_hash ‖ head ‖ "<instant>" ‖ middle ‖ <seq> ‖ tail)
 * is byte for byte the chainHash() that verification recomputes. Being a function, it can run inside the same
 * statement as the change it describes (AuditWriter.appendOnChange): one round trip, one atomic statement.
 */
export class AuditAppendFunction1763900600000 implements MigrationInterface {
  name = 'AuditAppendFunction1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION keygate_audit_append(
        p_organization_id uuid, p_genesis_hash text, p_action text, p_outcome text, p_actor_type text,
        p_actor_id text, p_actor_label text, p_target_type text, p_target_id text, p_request_id text, p_ip text,
        p_user_agent text, p_details jsonb, p_canonical_head text, p_canonical_middle text, p_canonical_tail text
      ) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        v_seq bigint;
        v_prev_hash text;
        v_at timestamptz;
        v_hash text;
      BEGIN
        SELECT h.last_seq + 1, h.last_hash INTO v_seq, v_prev_hash FROM audit_chain_heads h WHERE h.organization_id = p_organization_id FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_chain_heads (organization_id, last_seq, last_hash) VALUES (p_organization_id, 0, p_genesis_hash) ON CONFLICT DO NOTHING;
          SELECT h.last_seq + 1, h.last_hash INTO v_seq, v_prev_hash FROM audit_chain_heads h WHERE h.organization_id = p_organization_id FOR UPDATE;
        END IF;
        -- Read after the head lock is held, so the chain's instants never go backwards.
        v_at := date_trunc('milliseconds', clock_timestamp());
        v_hash := encode(sha256(convert_to(
          v_prev_hash || p_canonical_head || '"' || to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
            || p_canonical_middle || v_seq::text || p_canonical_tail,
          'UTF8')), 'hex');
        INSERT INTO audit_events (organization_id, seq, occurred_at, action, outcome, actor_type, actor_id, actor_label,
          target_type, target_id, request_id, ip, user_agent, details, prev_hash, hash)
        VALUES (p_organization_id, v_seq, v_at, p_action, p_outcome, p_actor_type, p_actor_id, p_actor_label,
          p_target_type, p_target_id, p_request_id, p_ip, p_user_agent, p_details, v_prev_hash, v_hash);
        UPDATE audit_chain_heads SET last_seq = v_seq, last_hash = v_hash WHERE organization_id = p_organization_id;
        RETURN v_seq;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION keygate_audit_append(uuid, text, text, text, text, text, text, text, text, text, text, text, jsonb, text, text, text)`);
  }
}
