import { MigrationInterface, QueryRunner } from 'typeorm';

const KEY_STATES = ['pending', 'active', 'awaiting_key', 'revoking', 'revoked', 'expired', 'failed', 'revoke_failed'];

export class KeyLifecycle1763900100000 implements MigrationInterface {
  name = 'KeyLifecycle1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issued_keys (
        id text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        developer_id uuid NOT NULL REFERENCES developers(id),
        connection_id uuid NOT NULL REFERENCES vendor_connections(id),
        vendor text NOT NULL,
        state text NOT NULL CHECK (state IN (${KEY_STATES.map((s) => `'${s}'`).join(',')})),
        intent_id uuid NOT NULL UNIQUE,
        scope_id text,
        scope_name text,
        vendor_key_id text,
        vendor_refs jsonb NOT NULL DEFAULT '{}'::jsonb,
        steps jsonb NOT NULL DEFAULT '[]'::jsonb,
        hint text,
        fingerprint text,
        instructions jsonb,
        budget_limit_usd numeric(12,2) NOT NULL CHECK (budget_limit_usd >= 0),
        rate_limit_rpm integer NOT NULL CHECK (rate_limit_rpm >= 1),
        models_allowed jsonb,
        description text,
        expires_at timestamptz NOT NULL,
        rotated_from text REFERENCES issued_keys(id),
        superseded_by text,
        revoke_after timestamptz,
        revoke_reason text,
        created_by uuid,
        last_error text,
        revoke_attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        drift jsonb,
        drift_checked_at timestamptz,
        activated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX issued_keys_fingerprint_uq ON issued_keys (fingerprint) WHERE fingerprint IS NOT NULL`);
    await q.query(`CREATE INDEX issued_keys_org_list_idx ON issued_keys (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX issued_keys_org_developer_idx ON issued_keys (organization_id, developer_id, state)`);
    await q.query(`CREATE INDEX issued_keys_connection_idx ON issued_keys (connection_id, state)`);
    await q.query(`CREATE INDEX issued_keys_due_idx ON issued_keys (state, next_attempt_at)`);
    await q.query(`CREATE INDEX issued_keys_expiry_idx ON issued_keys (expires_at) WHERE state = 'active'`);
    await q.query(`
      CREATE TABLE idempotency_records (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        idempotency_key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress','succeeded','failed')),
        key_id text,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX idempotency_records_age_idx ON idempotency_records (created_at)`);
    // Leases for background work that is not a key row (a connection's inventory scan): one holder at a time
    // across replicas, and a killed holder's lease simply runs out.
    await q.query(`
      CREATE TABLE job_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        lease_until timestamptz NOT NULL
      )`);
    // Server-wide secrets (not per organization): random roots sealed by the master key, so rotating the
    // master key rewraps them and every fingerprint made from them stays valid.
    await q.query(`
      CREATE TABLE server_keys (
        name text PRIMARY KEY,
        sealed jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE server_keys`);
    await q.query(`DROP TABLE job_leases`);
    await q.query(`DROP TABLE idempotency_records`);
    await q.query(`DROP TABLE issued_keys`);
  }
}
