import { Injectable, Logger } from '@nestjs/common';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { KeysSettings } from '@api/config/keys-settings';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { KeyCompensation } from '@api/modules/keys/lifecycle/key-compensation';
import { KeyRevoker } from '@api/modules/keys/lifecycle/key-revoker';

const BATCH = 25;

export interface SweepCounts {
  expired: number;
  rotatedOut: number;
  revokeRetries: number;
  abandoned: number;
}

/**
 * The row-driven jobs: expiry, end of rotation grace, revoke retries, abandoned provisions. Each claims its
 * rows with FOR UPDATE SKIP LOCKED plus a lease, judged by the database clock, so replicas share the work and
 * a killed replica's rows are picked up once its lease runs out.
 */
@Injectable()
export class KeySweepsJob {
  private readonly logger = new Logger('KeySweeps');

  constructor(
    private readonly keys: IssuedKeysRepository,
    private readonly revoker: KeyRevoker,
    private readonly compensation: KeyCompensation,
    private readonly settings: KeysSettings,
  ) {}

  async run(): Promise<SweepCounts> {
    return {
      expired: await this.expire(),
      rotatedOut: await this.endRotationGrace(),
      revokeRetries: await this.retryRevocations(),
      abandoned: await this.abandonStalePending(),
    };
  }

  private async expire(): Promise<number> {
    const due = await this.keys.claim(`state IN ('active','awaiting_key','suspended') AND expires_at <= now()`, [], BATCH, this.settings.leaseSeconds);
    for (const key of due) await this.safely(key.id, () => this.revoker.revoke(systemOrigin(key.organizationId, 'expiry-sweeper'), key, 'expired', ['active', 'awaiting_key', 'suspended']));
    return due.length;
  }

  /**
   * A rotated-out key (suspended meanwhile or not) is revoked once its grace has passed, and only once its successor
   * is bound: active, or suspended by the budget the two keys share.
   */
  private async endRotationGrace(): Promise<number> {
    const due = await this.keys.claim(
      `state IN ('active','suspended') AND superseded_by IS NOT NULL AND revoke_after <= now()
         AND EXISTS (SELECT 1 FROM issued_keys s WHERE s.id = issued_keys.superseded_by AND s.state IN ('active','suspended'))`,
      [],
      BATCH,
      this.settings.leaseSeconds,
    );
    for (const key of due) await this.safely(key.id, () => this.revoker.revoke(systemOrigin(key.organizationId, 'rotation-grace'), key, 'rotated', ['active', 'suspended']));
    return due.length;
  }

  private async retryRevocations(): Promise<number> {
    const due = await this.keys.claim(`state IN ('revoking','revoke_failed') AND (next_attempt_at IS NULL OR next_attempt_at <= now())`, [], BATCH, this.settings.leaseSeconds);
    for (const key of due) await this.safely(key.id, () => this.revoker.attempt(systemOrigin(key.organizationId, 'revoke-retry'), key));
    return due.length;
  }

  /** Pending keys whose provision stopped (crash, lost vendor): their vendor objects are found by intent id and removed. */
  private async abandonStalePending(): Promise<number> {
    const due = await this.keys.claim(`state = 'pending' AND updated_at <= now() - make_interval(secs => $1)`, [this.settings.stalePendingSeconds], BATCH, this.settings.leaseSeconds);
    for (const key of due) {
      await this.safely(key.id, () => this.compensation.abandon(systemOrigin(key.organizationId, 'reconciler'), key, 'key.provision.abandoned', 'the provision did not finish; its vendor objects were removed'));
    }
    return due.length;
  }

  private async safely(keyId: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error: unknown) {
      this.logger.error(`Background work on ${keyId} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }
}
