import { MigrationInterface, QueryRunner } from 'typeorm';

const KEY_STATES = ['pending', 'active', 'awaiting_key', 'suspended', 'revoking', 'revoked', 'expired', 'failed', 'revoke_failed'];
const PREVIOUS_STATES = KEY_STATES.filter((s) => s !== 'suspended');
const inList = (states: string[]) => states.map((s) => `'${s}'`).join(',');

/**
 * Monthly budgets KeyGate enforces itself pause a key instead of revoking it: state `suspended` until
 * `suspended_until` (the start of the next UTC month). On an `active` key, `suspended_until` marks a suspension
 * decided but not yet confirmed at the vendor, so a crash between the two is finished by the next pass.
 * `month_spend_usd` is the month-to-date cost last read from the vendor, at `spend_checked_at`.
 */
export class KeySuspension1763900200000 implements MigrationInterface {
  name = 'KeySuspension1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_keys DROP CONSTRAINT issued_keys_state_check`);
    await q.query(`ALTER TABLE issued_keys ADD CONSTRAINT issued_keys_state_check CHECK (state IN (${inList(KEY_STATES)}))`);
    await q.query(`ALTER TABLE issued_keys ADD COLUMN suspended_until timestamptz(3), ADD COLUMN month_spend_usd numeric(14,4), ADD COLUMN spend_checked_at timestamptz(3)`);
    await q.query(`CREATE INDEX issued_keys_suspension_idx ON issued_keys (suspended_until) WHERE suspended_until IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX issued_keys_suspension_idx`);
    await q.query(`ALTER TABLE issued_keys DROP COLUMN suspended_until, DROP COLUMN month_spend_usd, DROP COLUMN spend_checked_at`);
    await q.query(`ALTER TABLE issued_keys DROP CONSTRAINT issued_keys_state_check`);
    await q.query(`ALTER TABLE issued_keys ADD CONSTRAINT issued_keys_state_check CHECK (state IN (${inList(PREVIOUS_STATES)}))`);
  }
}
