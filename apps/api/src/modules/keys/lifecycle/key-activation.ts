import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isVendorError, type DecryptedConnection, ProvisionIntent, ProvisionResult, StepRecorder, VendorCapabilities } from '@keygate/provisioners';
import { DomainError } from '@api/common/errors/domain-error';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { MetricsService } from '@api/modules/metrics/metrics.service';
import { AuditOrigin } from '@api/modules/audit/audit-event.input';
import { toProvisionedMetadata } from '@api/modules/keys/key.mapper';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { asDomainError } from '@api/modules/keys/provisioners/vendor-error.mapper';
import { OpenableConnection, VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import type { ProvisionedKeyDto } from '@api/modules/keys/dto/key.dto';
import { IdempotencyScope, IdempotencyService } from './idempotency.service';
import { IssuedKey, issuedKeyFromRow } from './issued-key';
import { DB_NOW, IssuedKeysRepository } from './issued-keys.repository';
import { KeyCompensation } from './key-compensation';
import { KeyFingerprints } from './key-fingerprints';
import { StepWriter } from './step-writer';

export interface Activation {
  key: IssuedKey;
  secret: string | null;
  response: ProvisionedKeyDto;
}

/** How often a provision still under way writes its step trail (see StepWriter). */
const STEP_TRAIL_INTERVAL_MS = 1000;

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
  async openConnection(origin: AuditOrigin, key: IssuedKey, loaded?: OpenableConnection): Promise<DecryptedConnection> {
    try {
      return loaded?.id === key.connectionId ? this.opener.decrypt(loaded) : await this.opener.open(key.organizationId, key.connectionId);
    } catch (error: unknown) {
      await this.compensation.failBeforeVendor(origin, key, error instanceof Error ? error.message : 'the connection could not be opened');
      throw error;
    }
  }

  async run(origin: AuditOrigin, key: IssuedKey, conn: DecryptedConnection, step: VendorStep, idem: IdempotencyScope | null, auditAction: string, auditDetails: Record<string, unknown>): Promise<Activation> {
    const capabilities = this.provisioners.get(key.vendor).capabilities;
    const steps = new StepWriter((recorded, ref) => this.keys.recordSteps(key.organizationId, key.id, recorded, ref), STEP_TRAIL_INTERVAL_MS);
    let result: ProvisionResult;
    try {
      result = await step(conn, steps.record);
      this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: key.rotatedFrom ? 'rotate' : 'provision', outcome: 'success' });
    } catch (error: unknown) {
      this.metrics.vendorCalls.inc({ vendor: key.vendor, operation: key.rotatedFrom ? 'rotate' : 'provision', outcome: isVendorError(error) ? error.kind : 'error' });
      await steps.drain().catch(() => undefined);
      await this.compensation.abandon(origin, { ...key, steps: steps.recorded }, 'key.provision.failed', error instanceof Error ? error.message : 'vendor step failed', conn);
      throw asDomainError(error, conn);
    }
    steps.stop();
    try {
      return await this.commit(origin, key, result, steps, capabilities, idem, auditAction, auditDetails);
    } catch (error: unknown) {
      await steps.drain().catch(() => undefined);
      await this.compensation.abandon(origin, { ...key, steps: steps.recorded }, 'key.provision.failed', error instanceof Error ? error.message : 'finalising failed', conn);
      throw error;
    }
  }

  /**
   * Tx B: one statement moves the key to `active` (only while its developer is active, share-locking the
   * developer against a concurrent deactivation) and appends the audit event; with an Idempotency-Key the
   * stored response commits in the same transaction.
   */
  private async commit(origin: AuditOrigin, key: IssuedKey, result: ProvisionResult, steps: StepWriter, capabilities: VendorCapabilities, idem: IdempotencyScope | null, auditAction: string, auditDetails: Record<string, unknown>): Promise<Activation> {
    const awaiting = result.secret === null;
    const activate = this.keys.transitionStatement(key.organizationId, key.id, ['pending'], {
      state: awaiting ? 'awaiting_key' : 'active',
      scope_id: result.scopeId,
      scope_name: result.scopeName,
      vendor_key_id: result.vendorKeyId,
      vendor_refs: result.refs,
      hint: result.hint,
      fingerprint: result.secret === null ? null : this.fingerprints.of(result.secret),
      instructions: result.instructions,
      steps: steps.recorded,
      activated_at: awaiting ? null : DB_NOW,
      lease_until: null,
      last_error: null,
    }, { developerActive: true });
    const event = {
      action: awaiting ? 'key.awaiting_key' : auditAction,
      target: { type: 'key', id: key.id },
      details: { ...auditDetails, vendor: key.vendor, developer_id: key.developerId, scope_id: result.scopeId, scope_name: result.scopeName, vendor_key_id: result.vendorKeyId, key_hint: result.hint },
    };
    const finish = async (m: EntityManager): Promise<Activation> => {
      const [row] = await this.audit.appendOnChange(m, origin, event, activate);
      if (!row) throw await this.whyNotActivated(m, key);
      const active = issuedKeyFromRow(row);
      const response = toProvisionedMetadata(active, capabilities);
      if (idem) await this.idempotency.succeed(m, idem, { ...response });
      return { key: active, secret: result.secret, response };
    };
    return idem ? this.dataSource.transaction(finish) : finish(this.dataSource.manager);
  }

  private async whyNotActivated(m: EntityManager, key: IssuedKey): Promise<DomainError> {
    const [developer] = await m.query<Array<{ active: boolean }>>(`SELECT active FROM developers WHERE organization_id = $1 AND id = $2`, [key.organizationId, key.developerId]);
    if (!developer?.active) return new DomainError('developer_inactive', `Developer ${key.developerId} was deactivated while the key was being issued; it was removed at the vendor`, { developer_id: key.developerId });
    return new DomainError('key_state_conflict', `Key ${key.id} was abandoned while it was being provisioned; nothing was issued`);
  }
}
