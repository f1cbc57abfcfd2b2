import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE developers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL,
        email text NOT NULL,
        team text NOT NULL DEFAULT 'default',
        role text NOT NULL DEFAULT 'developer' CHECK (role IN ('owner','admin','developer','viewer')),
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX developers_org_email_uq ON developers (organization_id, lower(email))`);
    await q.query(`CREATE INDEX developers_org_team_idx ON developers (organization_id, team, created_at, id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner','admin','developer','viewer')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        developer_id uuid REFERENCES developers(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_uq ON users (lower(email))`);
    await q.query(`CREATE INDEX users_org_idx ON users (organization_id, created_at, id)`);
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (organization_id, user_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        session_id uuid NOT NULL REFERENCES auth_sessions(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    await q.query(`
      CREATE TABLE vendor_connections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        vendor text NOT NULL,
        label text NOT NULL,
        credential_sealed jsonb NOT NULL,
        credential_hint text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        check_status text NOT NULL DEFAULT 'unchecked' CHECK (check_status IN ('unchecked','ok','failed')),
        check_detail jsonb,
        checked_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX vendor_connections_label_uq ON vendor_connections (organization_id, vendor, lower(label))`);
    await q.query(`
      CREATE TABLE audit_chain_heads (
        organization_id uuid PRIMARY KEY REFERENCES organizations(id),
        last_seq bigint NOT NULL DEFAULT 0,
        last_hash text NOT NULL
      )`);
    // No foreign keys at all into or out of the audit table: nothing may cascade into it,
    // and an event must outlive whatever it describes.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL,
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success','failure','denied')),
        actor_type text NOT NULL,
        actor_id text,
        actor_label text,
        target_type text,
        target_id text,
        request_id text,
        ip text,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (organization_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_org_time_idx ON audit_events (organization_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_org_action_idx ON audit_events (organization_id, action, id DESC)`);
    await q.query(`CREATE INDEX audit_events_org_target_idx ON audit_events (organization_id, target_id, id DESC)`);
    await q.query(`CREATE INDEX audit_events_org_actor_idx ON audit_events (organization_id, actor_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_reject_change()`);
    for (const table of ['audit_chain_heads', 'vendor_connections', 'refresh_tokens', 'auth_sessions', 'users', 'developers', 'organizations']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
