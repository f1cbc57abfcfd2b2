import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isVendorError, type DecryptedConnection, ProvisionIntent, ProvisionResult, StepRecorder, VendorCapabilities } from '@keygate/provisioners';
import { DomainError } from '@api/common/errors/domain-error';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { MetricsService } from '@api/modules/metrics/metrics.service';
import { AuditOrigin } from '@api/modules/audit/audit-event.input';
import { toProvisionedMetadata } from '@api/modules/keys/key.mapper';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { asDomainError } from '@api/modules/keys/provisioners/vendor-error.mapper';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import type { VendorConnectionEntity } from '@api/modules/vendors/entities/vendor-connection.entity';
import type { ProvisionedKeyDto } from '@api/modules/keys/dto/key.dto';
import { IdempotencyScope, IdempotencyService } from './idempotency.service';
import { IssuedKey } from './issued-key';
import { DB_NOW, IssuedKeysRepository } from './issued-keys.repository';
import { KeyCompensation } from './key-compensation';
import { KeyFingerprints } from './key-fingerprints';
import { StepWriter } from './step-writer';

export interface Activation {
  key: IssuedKey;
  secret: string | null;
  response: ProvisionedKeyDto;
}

type VendorStep = (conn: DecryptedConnection, record: StepRecorder) => Promise<ProvisionResult>;

/**
 * Steps 2-4 of DESIGN §5 for a key already committed as `pending` (Tx A): the vendor calls, outside any
 * transaction, each finished step recorded on the row; then Tx B (`active`, vendor ids, hint, fingerprint,
 * audit) before the secret is handed back; on any failure compensation at the vendor and `failed`.
 */
@Injectable()
export class KeyActivation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly audit: AuditWriter,
    private readonly provisioners: Provisioners,
    private readonly fingerprints: KeyFingerprints,
    private readonly compensation: KeyCompensation,
    private readonly idempotency: IdempotencyService,
    private readonly opener: VendorConnectionOpener,
    private readonly metrics: MetricsService,
  ) {}

  intentOf(key: IssuedKey, developer: ProvisionIntent['developer']): ProvisionIntent {
    return {
      intentId: key.intentId,
      keyId: key.id,
      developer,
      policy: { budgetLimitUsd: key.budgetLimitUsd, rateLimitRpm: key.rateLimitRpm, modelsAllowed: key.modelsAllowed, expiresAt: key.expiresAt },
      ...(key.description ? { description: key.description } : {}),
    };
  }

  /** Opens the key's connection (already read by the caller, or read now); on failure no vendor call was made and the key fails at once. */
  async openConnection(origin: AuditOrigin, key: IssuedKey, loaded?: VendorConnectionEntity): Promise<DecryptedConnection> {
    try {
      return loaded?.id === key.connectionId ? this.opener.decrypt(loaded) : await this.opener.open(key.organizationId, key.connectionId);
    } catch (error: unknown) {
      await this.compensation.failBeforeVendor(origin, key, error instanceof Error ? error.message : 'the connection could not be opened');
      throw error;
    }
  }

  async run(origin: AuditOrigin, key: IssuedKey, conn: DecryptedConnection, step: VendorStep, idem: IdempotencyScope | null, auditAction: string, auditDetails: Record<string, unknown>): Promise<Activation> {
    const capabilities = this.provisioners.get(key.vendor).capabilities;
    const steps = new StepWriter((name, ref) => this.keys.recordStep(key.organizationId, key.id, name, ref));
    let result: ProvisionResult;
    try {
      result = await step(conn, steps.record);
      this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: key.rotatedFrom ? 'rotate' : 'provision', outcome: 'success' });
    } catch (error: unknown) {
      this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: key.rotatedFrom ? 'rotate' : 'provision', outcome: isVendorError(error) ? error.kind : 'error' });
      await steps.drain().catch(() => undefined);
      await this.compensation.abandon(origin, key, 'key.provision.failed', error instanceof Error ? error.message : 'vendor step failed', conn);
      throw asDomainError(error, conn);
    }
    try {
      return await this.commit(origin, key, result, steps, capabilities, idem, auditAction, auditDetails);
    } catch (error: unknown) {
      await this.compensation.abandon(origin, key, 'key.provision.failed', error instanceof Error ? error.message : 'finalising failed', conn);
      throw error;
    }
  }

  private commit(origin: AuditOrigin, key: IssuedKey, result: ProvisionResult, steps: StepWriter, capabilities: VendorCapabilities, idem: IdempotencyScope | null, auditAction: string, auditDetails: Record<string, unknown>): Promise<Activation> {
    const awaiting = result.secret === null;
    return this.dataSource.transaction(async (m) => {
      // Locked against a concurrent deactivation: either it commits first and this key is never issued, or this
      // commits first and the offboarding that follows sees the key and revokes it.
      const developer = await m.query<Array<{ active: boolean }>>(`SELECT active FROM developers WHERE organization_id = $1 AND id = $2 FOR SHARE`, [key.organizationId, key.developerId]);
      if (!developer[0]?.active) throw new DomainError('developer_inactive', `Developer ${key.developerId} was deactivated while the key was being issued; it was removed at the vendor`, { developer_id: key.developerId });
      await steps.drain(); // the last step records were written meanwhile, on another connection
      const active = await this.keys.transition(m, key.organizationId, key.id, ['pending'], {
        state: awaiting ? 'awaiting_key' : 'active',
        scope_id: result.scopeId,
        scope_name: result.scopeName,
        vendor_key_id: result.vendorKeyId,
        vendor_refs: result.refs,
        hint: result.hint,
        fingerprint: result.secret === null ? null : this.fingerprints.of(result.secret),
        instructions: result.instructions,
        activated_at: awaiting ? null : DB_NOW,
        lease_until: null,
        last_error: null,
      });
      if (!active) throw new DomainError('key_state_conflict', `Key ${key.id} was abandoned while it was being provisioned; nothing was issued`);
      await this.audit.append(m, origin, {
        action: awaiting ? 'key.awaiting_key' : auditAction,
        target: { type: 'key', id: key.id },
        details: { ...auditDetails, vendor: key.vendor, developer_id: key.developerId, scope_id: result.scopeId, scope_name: result.scopeName, vendor_key_id: result.vendorKeyId, key_hint: result.hint },
      });
      const response = toProvisionedMetadata(active, capabilities);
      if (idem) await this.idempotency.succeed(m, idem, { ...response });
      return { key: active, secret: result.secret, response };
    });
  }
}
