import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { KeysSettings } from '@api/config/keys-settings';
import { IssuedKey, vendorRefOf } from '@api/modules/keys/lifecycle/issued-key';
import { DB_NOW, IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';

const BATCH = 25;

/**
 * Keys `awaiting_key` (vendors whose admin API cannot create keys, such as Anthropic): finds the key the
 * developer made in the vendor's console and binds it, so KeyGate governs it from then on.
 */
@Injectable()
export class ConsoleKeyBindingJob {
  private readonly logger = new Logger('ConsoleKeyBinding');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly audit: AuditWriter,
    private readonly settings: KeysSettings,
  ) {}

  async run(): Promise<number> {
    const waiting = await this.keys.claim(`state = 'awaiting_key'`, [], BATCH, this.settings.leaseSeconds);
    let bound = 0;
    for (const key of waiting) {
      try {
        if (await this.bind(key)) bound += 1;
      } catch (error: unknown) {
        this.logger.warn(`Looking for the console key of ${key.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      } finally {
        await this.keys.releaseLease(key.organizationId, key.id);
      }
    }
    return bound;
  }

  /** One key now (the on-demand refresh); safe next to a running pass: only an awaiting_key row is moved. */
  async bind(key: IssuedKey): Promise<boolean> {
    const provisioner = this.provisioners.get(key.vendor);
    if (!provisioner.bindConsoleKey || !key.scopeId) return false;
    const binding = await provisioner.bindConsoleKey(await this.opener.open(key.organizationId, key.connectionId), vendorRefOf(key));
    if (!binding) return false;
    return this.dataSource.transaction(async (m) => {
      // Two waiting rows of one developer in a shared workspace may both pick the same console key: one wins.
      if (await this.keys.vendorKeyTaken(m, key.connectionId, binding.vendorKeyId, key.id)) return false;
      const active = await this.keys.transition(m, key.organizationId, key.id, ['awaiting_key'], { state: 'active', vendor_key_id: binding.vendorKeyId, hint: binding.hint, activated_at: DB_NOW, lease_until: null });
      if (!active) return false;
      await this.audit.append(m, systemOrigin(key.organizationId, 'console-key-binding'), {
        action: 'key.console_key_bound',
        target: { type: 'key', id: key.id },
        details: { vendor: key.vendor, developer_id: key.developerId, vendor_key_id: binding.vendorKeyId, key_hint: binding.hint, stray_key_ids: binding.strayKeyIds },
      });
      return true;
    });
  }
}
