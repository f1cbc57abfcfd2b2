import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { originOf } from '@api/modules/audit/audit-event.input';
import { ProvisionKeyDto } from '@api/modules/keys/dto/provision-key.dto';
import type { ProvisionedKeyDto } from '@api/modules/keys/dto/key.dto';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorCatalog } from '@api/modules/vendors/vendor-catalog';
import { IdempotencyScope, IdempotencyService, requestHash } from './idempotency.service';
import { IssuedKeysRepository, NewPendingKey } from './issued-keys.repository';
import { KeyActivation } from './key-activation';
import { keyScopeOf, NO_DEVELOPER } from './key-access';
import { ProvisionTargetReader } from './provision-target.reader';

export interface KeyIssueResponse {
  status: 200 | 201;
  body: ProvisionedKeyDto;
}

export const newKeyId = (): string => `key_${randomBytes(12).toString('hex')}`;

/** POST /keys/provision: validation, Tx A, then KeyActivation. */
@Injectable()
export class KeyProvisioningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly targets: ProvisionTargetReader,
    private readonly catalog: VendorCatalog,
    private readonly provisioners: Provisioners,
    private readonly idempotency: IdempotencyService,
    private readonly activation: KeyActivation,
    private readonly audit: AuditWriter,
  ) {}

  async provision(ctx: RequestContext, dto: ProvisionKeyDto, idempotencyKey: string | undefined): Promise<KeyIssueResponse> {
    const scope = keyScopeOf(ctx, 'write');
    this.catalog.assertKnown(dto.vendor);
    const provisioner = this.provisioners.find(dto.vendor);
    if (!provisioner) throw new DomainError('unknown_vendor', `Vendor "${dto.vendor}" has no provisioner on this server`, { vendors: this.catalog.all() });
    if (scope !== null && scope !== dto.developer_id) {
      const why = scope === NO_DEVELOPER ? 'your sign-in is not linked to a developer' : 'you may only request keys for yourself';
      throw new DomainError('forbidden', `Not allowed: ${why}`, { permission: 'keys:write' });
    }
    const { developer, connection } = await this.targets.read(ctx.organizationId, dto.developer_id, dto.vendor, dto.connection_id ?? null);
    if (!developer) throw notFound('developer_not_found', 'Developer', dto.developer_id);
    if (!developer.active) throw new DomainError('developer_inactive', `Developer ${developer.id} is deactivated; reactivate them before issuing keys`, { developer_id: developer.id });
    if (!connection) {
      throw dto.connection_id
        ? notFound('connection_not_found', 'Vendor connection', dto.connection_id)
        : new DomainError('connection_not_found', `No ${dto.vendor} connection is configured; add one under Vendors first`, { vendor: dto.vendor });
    }
    if (connection.vendor !== dto.vendor) throw new DomainError('bad_request', `Connection ${connection.id} belongs to ${connection.vendor}, not ${dto.vendor}`, { connection_id: connection.id });

    const policy = {
      budget_limit_usd: dto.budget_limit_usd ?? 50,
      rate_limit_rpm: dto.rate_limit_rpm ?? 60,
      expires_in_days: dto.expires_in_days ?? 90,
      models_allowed: dto.models_allowed ?? null,
    };
    const keyId = newKeyId();
    const idem: IdempotencyScope | null = idempotencyKey ? { organizationId: ctx.organizationId, userId: ctx.user.userId, key: idempotencyKey } : null;
    const origin = originOf(ctx);

    const pending: NewPendingKey = {
      id: keyId,
      organizationId: ctx.organizationId,
      developerId: developer.id,
      connectionId: connection.id,
      vendor: dto.vendor,
      intentId: randomUUID(),
      budgetLimitUsd: policy.budget_limit_usd,
      rateLimitRpm: policy.rate_limit_rpm,
      modelsAllowed: policy.models_allowed,
      description: dto.description ?? null,
      expiresInDays: policy.expires_in_days,
      rotatedFrom: null,
      createdBy: ctx.user.userId,
    };
    const requested = {
      action: 'key.provision.requested',
      target: { type: 'key', id: keyId },
      details: { vendor: dto.vendor, developer_id: developer.id, connection_id: connection.id, intent_id: pending.intentId, policy, idempotency_key: idem !== null },
    };
    // Tx A: the pending key and its audit event (one statement), with the idempotency record when there is one,
    // commit before any vendor call.
    const insert = async (m: EntityManager) => ({ key: this.keys.changedRow(await this.audit.appendOnChange(m, origin, requested, this.keys.insertPendingStatement(pending)), 'the pending key was not inserted') });
    const started = idem
      ? await this.dataSource.transaction(async (m) => {
          const start = await this.idempotency.begin(m, idem, 'keys.provision', requestHash('keys.provision', { ...dto, ...policy, connection_id: connection.id }), keyId);
          return start.kind === 'replay' ? ({ replay: start.response } as const) : insert(m);
        })
      : await insert(this.dataSource.manager);
    if ('replay' in started) return { status: 200, body: { ...(started.replay as unknown as ProvisionedKeyDto), secret_delivered: true } };

    const conn = await this.activation.openConnection(origin, started.key, connection);
    const developerRef = { id: developer.id, name: developer.name, email: developer.email, team: developer.team };
    const intent = this.activation.intentOf(started.key, developerRef);
    const done = await this.activation.run(origin, started.key, conn, (c, record) => provisioner.provision(c, intent, record), idem, 'key.provisioned', { policy });
    return { status: 201, body: { ...done.response, ...(done.secret !== null ? { api_key: done.secret } : {}) } };
  }
}
