import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to a session or a user is announced on the `keygate_auth_changed` channel
 * (`session:<id>` / `user:<id>`), so every replica can drop what it cached about that session or user,
 * whoever made the change: this replica, another one, or an operator with psql.
 */
export class SessionChangeNotify1763900500000 implements MigrationInterface {
  name = 'SessionChangeNotify1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION keygate_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('keygate_auth_changed', TG_ARGV[0] || ':' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER auth_sessions_notify_change AFTER UPDATE OR DELETE ON auth_sessions FOR EACH ROW EXECUTE FUNCTION keygate_notify_auth_change('session')`);
    await q.query(`CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION keygate_notify_auth_change('user')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_notify_change ON users`);
    await q.query(`DROP TRIGGER auth_sessions_notify_change ON auth_sessions`);
    await q.query(`DROP FUNCTION keygate_notify_auth_change()`);
  }
}
