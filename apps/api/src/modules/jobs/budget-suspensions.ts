import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KeysSettings } from '@api/config/keys-settings';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { IssuedKey, vendorRefOf } from '@api/modules/keys/lifecycle/issued-key';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';

const BATCH = 25;
/** "Now" for the claims: the database clock, unless a caller passes the moment to judge by. */
const AS_OF = `COALESCE($1::timestamptz, now())`;

export interface SuspensionCounts {
  suspended: number;
  resumed: number;
}

/**
 * Budget suspensions at the vendor, each one crash-safe by the same order: the vendor first (an idempotent
 * call that reads the key's status before changing it), then the state change with its audit event in one
 * transaction. A crash in between leaves a row the next pass finishes: an `active` key still marked with
 * `suspended_until` is suspended (or, if its month is over by then, left active), and a `suspended` key whose
 * month is over is resumed, whatever the vendor did before the crash.
 */
@Injectable()
export class BudgetSuspensions {
  private readonly logger = new Logger('BudgetSuspensions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly audit: AuditWriter,
    private readonly settings: KeysSettings,
  ) {}

  /**
   * Finishes interrupted suspensions and resumes keys whose month is over. `asOf` (default: the database's now)
   * is the moment the months are judged by.
   */
  async run(asOf: Date | null = null): Promise<SuspensionCounts> {
    const unfinished = await this.keys.claim(`state = 'active' AND suspended_until > ${AS_OF}`, [asOf], BATCH, this.settings.leaseSeconds);
    let suspended = 0;
    for (const key of unfinished) if (await this.safely(key, 'suspending', () => this.suspend(key))) suspended += 1;
    const outdated = await this.keys.claim(`state = 'active' AND suspended_until <= ${AS_OF}`, [asOf], BATCH, this.settings.leaseSeconds);
    for (const key of outdated) await this.safely(key, 'cancelling the suspension of', () => this.cancel(key));
    // An expired key is left to the expiry sweeper, which revokes suspended keys too.
    const due = await this.keys.claim(`state = 'suspended' AND suspended_until <= ${AS_OF} AND expires_at > ${AS_OF}`, [asOf], BATCH, this.settings.leaseSeconds);
    let resumed = 0;
    for (const key of due) if (await this.safely(key, 'resuming', () => this.resume(key))) resumed += 1;
    return { suspended, resumed };
  }

  /** An active key found at or over its budget: marked (so a crash cannot lose the decision), then suspended. */
  async suspendOverBudget(key: IssuedKey): Promise<boolean> {
    const marked = await this.keys.markForSuspension(key.organizationId, key.id, this.settings.leaseSeconds);
    if (!marked) return false;
    return this.safely(marked, 'suspending', () => this.suspend(marked));
  }

  /** An active key marked for suspension: disabled at the vendor, then `suspended` (audited key.budget_exhausted). */
  private async suspend(key: IssuedKey): Promise<boolean> {
    await this.setEnabled(key, false);
    return this.dataSource.transaction(async (m) => {
      const suspended = await this.keys.transition(m, key.organizationId, key.id, ['active'], { state: 'suspended', lease_until: null, last_error: null });
      if (!suspended) return false;
      await this.audit.append(m, systemOrigin(key.organizationId, 'spend-limit'), {
        action: 'key.budget_exhausted',
        outcome: 'failure',
        target: { type: 'key', id: key.id },
        details: {
          vendor: key.vendor,
          developer_id: key.developerId,
          cost_usd: suspended.monthSpendUsd,
          budget_limit_usd: key.budgetLimitUsd,
          suspended_until: suspended.suspendedUntil?.toISOString() ?? null,
        },
      });
      return true;
    });
  }

  /** A suspension its month overtook before it was finished: the key is made usable again and stays active. */
  private async cancel(key: IssuedKey): Promise<boolean> {
    await this.setEnabled(key, true);
    await this.keys.clearSuspensionMark(key.organizationId, key.id);
    return true;
  }

  /** A suspended key whose month is over: enabled at the vendor, then `active` (audited key.budget_resumed). */
  private async resume(key: IssuedKey): Promise<boolean> {
    await this.setEnabled(key, true);
    return this.dataSource.transaction(async (m) => {
      const active = await this.keys.transition(m, key.organizationId, key.id, ['suspended'], { state: 'active', suspended_until: null, lease_until: null, last_error: null });
      if (!active) return false;
      await this.audit.append(m, systemOrigin(key.organizationId, 'spend-limit'), {
        action: 'key.budget_resumed',
        target: { type: 'key', id: key.id },
        details: { vendor: key.vendor, developer_id: key.developerId, budget_limit_usd: key.budgetLimitUsd, suspended_until: key.suspendedUntil?.toISOString() ?? null },
      });
      return true;
    });
  }

  private async setEnabled(key: IssuedKey, enabled: boolean): Promise<void> {
    const provisioner = this.provisioners.get(key.vendor);
    if (!provisioner.setKeyEnabled) throw new Error(`${key.vendor} cannot disable and re-enable a key`);
    await provisioner.setKeyEnabled(await this.opener.open(key.organizationId, key.connectionId), vendorRefOf(key), enabled);
  }

  /** Failures are stored on the row (last_error) and retried by the next pass. */
  private async safely(key: IssuedKey, what: string, work: () => Promise<boolean>): Promise<boolean> {
    try {
      return await work();
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : 'unknown error';
      this.logger.warn(`${what} ${key.id} failed: ${message}`);
      await this.keys.setLastError(key.organizationId, key.id, `${what} the key failed: ${message}`);
      return false;
    } finally {
      await this.keys.releaseLease(key.organizationId, key.id);
    }
  }
}
