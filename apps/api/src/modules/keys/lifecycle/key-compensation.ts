import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { belongsToIntent, type DecryptedConnection } from '@keygate/provisioners';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { AuditOrigin } from '@api/modules/audit/audit-event.input';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { IdempotencyService } from './idempotency.service';
import { IssuedKey } from './issued-key';
import { IssuedKeysRepository } from './issued-keys.repository';

/**
 * Undoes a provision that will not complete: removes at the vendor every object the intent created (found by
 * the intent id in their names), then marks the key `failed`, audited. When the vendor cannot be reached the
 * key stays `pending` and the reconciler finishes the job later.
 */
@Injectable()
export class KeyCompensation {
  private readonly logger = new Logger('KeyCompensation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly audit: AuditWriter,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** True when the key is now `failed` with nothing left at the vendor. */
  async abandon(origin: AuditOrigin, key: IssuedKey, action: string, cause: string, conn?: DecryptedConnection): Promise<boolean> {
    let removed: number;
    try {
      removed = await this.removeAtVendor(key, conn ?? (await this.opener.open(key.organizationId, key.connectionId)));
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : 'unknown error';
      this.logger.warn(`Could not yet remove the vendor objects of ${key.id}; the reconciler will retry: ${message}`);
      await this.dataSource.transaction(async (m) => {
        await this.keys.transition(m, key.organizationId, key.id, ['pending'], { last_error: cause.slice(0, 1000) });
        await this.idempotency.failForKey(m, key.organizationId, key.id);
      });
      return false;
    }
    await this.dataSource.transaction(async (m) => {
      const failed = await this.keys.transition(m, key.organizationId, key.id, ['pending'], { state: 'failed', last_error: cause.slice(0, 1000), lease_until: null });
      if (!failed) return;
      if (key.rotatedFrom) await this.keys.releaseRotation(m, key.organizationId, key.id);
      await this.idempotency.failForKey(m, key.organizationId, key.id);
      await this.audit.append(m, origin, {
        action,
        outcome: 'failure',
        target: { type: 'key', id: key.id },
        details: { vendor: key.vendor, developer_id: key.developerId, intent_id: key.intentId, vendor_objects_removed: removed, steps: key.steps.map((s) => s.step), error: cause.slice(0, 500) },
      });
    });
    return true;
  }

  /** No vendor call was made (the connection could not even be opened): the key simply fails, audited. */
  async failBeforeVendor(origin: AuditOrigin, key: IssuedKey, cause: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const failed = await this.keys.transition(m, key.organizationId, key.id, ['pending'], { state: 'failed', last_error: cause.slice(0, 1000), lease_until: null });
      if (!failed) return;
      if (key.rotatedFrom) await this.keys.releaseRotation(m, key.organizationId, key.id);
      await this.idempotency.failForKey(m, key.organizationId, key.id);
      await this.audit.append(m, origin, { action: 'key.provision.failed', outcome: 'failure', target: { type: 'key', id: key.id }, details: { vendor: key.vendor, vendor_objects_removed: 0, error: cause.slice(0, 500) } });
    });
  }

  private async removeAtVendor(key: IssuedKey, conn: DecryptedConnection): Promise<number> {
    const provisioner = this.provisioners.get(key.vendor);
    const found = await provisioner.findByIntent(conn, key.intentId);
    for (const ref of found) {
      // A scope this intent created goes entirely; in a rotation only the new key inside the old scope goes.
      await provisioner.revoke(conn, ref, { offboard: belongsToIntent(ref.scopeName, key.intentId) });
    }
    return found.length;
  }
}
