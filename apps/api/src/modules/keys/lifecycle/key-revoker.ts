import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isVendorError, belongsToIntent } from '@keygate/provisioners';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { MetricsService } from '@api/modules/metrics/metrics.service';
import { AuditOrigin } from '@api/modules/audit/audit-event.input';
import { KeysSettings } from '@api/config/keys-settings';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { IssuedKey, vendorRefOf } from './issued-key';
import { DB_NOW, DbNowPlus, IssuedKeysRepository } from './issued-keys.repository';
import { finalStateFor, KeyState, REVOCABLE_STATES, RevokeReason } from './key-state';

export type RevokeOutcome = 'revoked' | 'already_revoked' | 'retrying' | 'revoke_failed';

export interface RevokeResult {
  outcome: RevokeOutcome;
  key: IssuedKey;
  error?: string;
}

const AUDIT_ACTION: Record<RevokeReason, string> = { revoked: 'key.revoked', expired: 'key.expired', rotated: 'key.revoked', offboarded: 'key.revoked' };

/**
 * Revocation at the vendor: `revoking` (audited) → vendor call outside any transaction → `revoked`/`expired`
 * (audited). A failed vendor call leaves the key `revoking` with a next attempt (exponential backoff), and
 * after the last attempt `revoke_failed`: visible, counted and retried daily, never dropped.
 */
@Injectable()
export class KeyRevoker {
  private readonly logger = new Logger('KeyRevoker');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly audit: AuditWriter,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly settings: KeysSettings,
    private readonly metrics: MetricsService,
  ) {}

  /** Starts a revocation; of any number of concurrent callers exactly one moves the key and calls the vendor. */
  async revoke(origin: AuditOrigin, key: IssuedKey, reason: RevokeReason, from: readonly KeyState[] = REVOCABLE_STATES): Promise<RevokeResult> {
    const moved = await this.dataSource.transaction(async (m) => {
      const updated = await this.keys.transition(m, key.organizationId, key.id, from, {
        state: 'revoking',
        revoke_reason: reason,
        suspended_until: null,
        lease_until: new DbNowPlus(this.settings.leaseSeconds),
        next_attempt_at: DB_NOW,
      });
      if (updated) {
        await this.audit.append(m, origin, { action: 'key.revoke.requested', target: { type: 'key', id: key.id }, details: { reason, vendor: key.vendor, developer_id: key.developerId } });
      }
      return updated;
    });
    if (!moved) {
      const current = (await this.keys.findById(key.organizationId, key.id)) ?? key;
      return { outcome: 'already_revoked', key: current };
    }
    return this.attempt(origin, moved);
  }

  /** One vendor attempt for a key already in `revoking` or `revoke_failed` (claimed by the caller). */
  async attempt(origin: AuditOrigin, key: IssuedKey): Promise<RevokeResult> {
    const reason = key.revokeReason ?? 'revoked';
    try {
      const provisioner = this.provisioners.get(key.vendor);
      const conn = await this.opener.open(key.organizationId, key.connectionId);
      const ref = vendorRefOf(key);
      if (key.scopeId) {
        if (reason === 'rotated' && provisioner.revokeSuperseded) await provisioner.revokeSuperseded(conn, ref);
        else await provisioner.revoke(conn, ref, { offboard: reason === 'offboarded' });
      } else {
        // Never reached the vendor's answer: whatever this intent created is found by its name. Only a scope this
        // intent created may be archived; a rotation's new credential lives in the developer's existing scope.
        for (const found of await provisioner.findByIntent(conn, key.intentId)) {
          await provisioner.revoke(conn, found, { offboard: belongsToIntent(found.scopeName, key.intentId) });
        }
      }
    } catch (error: unknown) {
      this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: 'revoke', outcome: isVendorError(error) ? error.kind : 'error' });
      return this.recordFailure(origin, key, error);
    }
    this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: 'revoke', outcome: 'success' });
    const finalState = finalStateFor(reason);
    const done = await this.dataSource.transaction(async (m) => {
      const updated = await this.keys.transition(m, key.organizationId, key.id, ['revoking', 'revoke_failed'], {
        state: finalState,
        revoked_at: DB_NOW,
        lease_until: null,
        next_attempt_at: null,
        last_error: null,
      });
      if (updated) {
        await this.audit.append(m, origin, {
          action: AUDIT_ACTION[reason],
          target: { type: 'key', id: key.id },
          details: { reason, vendor: key.vendor, developer_id: key.developerId, scope_id: key.scopeId, vendor_key_id: key.vendorKeyId, attempts: key.revokeAttempts + 1 },
        });
      }
      return updated;
    });
    return { outcome: 'revoked', key: done ?? key };
  }

  private async recordFailure(origin: AuditOrigin, key: IssuedKey, error: unknown): Promise<RevokeResult> {
    const message = isVendorError(error) ? error.message : error instanceof Error ? error.message : 'revocation failed';
    const attempts = key.revokeAttempts + 1;
    const givingUp = attempts >= this.settings.revokeMaxAttempts;
    const delay = givingUp ? this.settings.revokeFailedRetrySeconds : this.settings.revokeBackoffSeconds * 2 ** (attempts - 1);
    this.logger.warn(`Revoking ${key.id} at ${key.vendor} failed (attempt ${attempts}): ${message}`);
    const updated = await this.dataSource.transaction(async (m) => {
      const next = await this.keys.transition(m, key.organizationId, key.id, ['revoking', 'revoke_failed'], {
        state: givingUp ? 'revoke_failed' : 'revoking',
        revoke_attempts: attempts,
        last_error: message.slice(0, 1000),
        next_attempt_at: new DbNowPlus(delay),
        lease_until: null,
      });
      if (next && givingUp && key.state !== 'revoke_failed') {
        await this.audit.append(m, origin, { action: 'key.revoke_failed', outcome: 'failure', target: { type: 'key', id: key.id }, details: { vendor: key.vendor, attempts, error: message.slice(0, 500) } });
      }
      return next;
    });
    return { outcome: givingUp ? 'revoke_failed' : 'retrying', key: updated ?? key, error: message };
  }
}
