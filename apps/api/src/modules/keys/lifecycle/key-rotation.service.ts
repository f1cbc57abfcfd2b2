import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { originOf } from '@api/modules/audit/audit-event.input';
import { DevelopersRepository } from '@api/modules/developers/developers.repository';
import { RotateKeyDto } from '@api/modules/keys/dto/provision-key.dto';
import type { ProvisionedKeyDto } from '@api/modules/keys/dto/key.dto';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { IdempotencyScope, IdempotencyService, requestHash } from './idempotency.service';
import { vendorRefOf } from './issued-key';
import { IssuedKeysRepository } from './issued-keys.repository';
import { KeyActivation } from './key-activation';
import { assertKeyInScope, keyScopeOf } from './key-access';
import { KeyRevoker } from './key-revoker';
import { KeyIssueResponse, newKeyId } from './key-provisioning.service';

const MS_PER_DAY = 86_400_000;

/**
 * Rotate = a new key in the same vendor scope and with the same policy, then the old one revoked after the
 * grace period (default 0). The old key is claimed first (superseded_by), so of concurrent rotations exactly
 * one proceeds; a failed rotation gives the claim back. Never zero usable keys: the old key is only revoked
 * once the new one is active.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly developers: DevelopersRepository,
    private readonly provisioners: Provisioners,
    private readonly idempotency: IdempotencyService,
    private readonly activation: KeyActivation,
    private readonly revoker: KeyRevoker,
    private readonly audit: AuditWriter,
  ) {}

  async rotate(ctx: RequestContext, id: string, dto: RotateKeyDto, idempotencyKey: string | undefined): Promise<KeyIssueResponse> {
    const scope = keyScopeOf(ctx, 'write');
    const old = await this.keys.findById(ctx.organizationId, id);
    if (!old) throw notFound('key_not_found', 'Key', id);
    assertKeyInScope(scope, old.developerId, id);
    const developer = await this.developers.findById(ctx.organizationId, old.developerId);
    if (!developer) throw notFound('developer_not_found', 'Developer', old.developerId);
    if (!developer.active) throw new DomainError('developer_inactive', `Developer ${developer.id} is deactivated; their keys cannot be rotated`, { developer_id: developer.id });
    const provisioner = this.provisioners.get(old.vendor);
    const grace = dto.grace_seconds ?? 0;
    const keyId = newKeyId();
    const idem: IdempotencyScope | null = idempotencyKey ? { organizationId: ctx.organizationId, userId: ctx.user.userId, key: idempotencyKey } : null;
    const origin = originOf(ctx);

    const started = await this.dataSource.transaction(async (m) => {
      if (idem) {
        const start = await this.idempotency.begin(m, idem, 'keys.rotate', requestHash('keys.rotate', { id, grace_seconds: grace }), keyId);
        if (start.kind === 'replay') return { replay: start.response } as const;
      }
      const claimed = await this.keys.claimForRotation(m, ctx.organizationId, id, keyId, grace);
      if (!claimed) {
        const current = await this.keys.findById(ctx.organizationId, id, m);
        const why = current?.supersededBy
          ? `it is already being rotated (into ${current.supersededBy})`
          : current?.state === 'suspended'
            ? `its monthly budget is spent and it is suspended until ${current.suspendedUntil?.toISOString() ?? 'next month'}; a new key would share the spent budget (revoke it, or wait until it resumes)`
            : `it is ${current?.state ?? 'gone'}`;
        throw new DomainError('key_state_conflict', `Key ${id} cannot be rotated: ${why}`, { key_id: id, status: current?.state, superseded_by: current?.supersededBy, suspended_until: current?.suspendedUntil?.toISOString() ?? null });
      }
      const lifetimeDays = Math.max(1, Math.round((claimed.expiresAt.getTime() - claimed.createdAt.getTime()) / MS_PER_DAY));
      const key = await this.keys.insertPending(m, {
        id: keyId,
        organizationId: ctx.organizationId,
        developerId: old.developerId,
        connectionId: old.connectionId,
        vendor: old.vendor,
        intentId: randomUUID(),
        budgetLimitUsd: old.budgetLimitUsd,
        rateLimitRpm: old.rateLimitRpm,
        modelsAllowed: old.modelsAllowed,
        description: old.description,
        expiresInDays: lifetimeDays,
        rotatedFrom: old.id,
        createdBy: ctx.user.userId,
        scope: old.scopeId ? { scopeId: old.scopeId, scopeName: old.scopeName ?? '' } : null,
      });
      await this.audit.append(m, origin, {
        action: 'key.rotate.requested',
        target: { type: 'key', id: keyId },
        details: { rotated_from: old.id, vendor: old.vendor, developer_id: old.developerId, intent_id: key.intentId, grace_seconds: grace },
      });
      return { key, old: claimed } as const;
    });
    if ('replay' in started) return { status: 200, body: { ...(started.replay as unknown as ProvisionedKeyDto), secret_delivered: true } };

    const conn = await this.activation.openConnection(origin, started.key);
    const intent = this.activation.intentOf(started.key, { id: developer.id, name: developer.name, email: developer.email, team: developer.team });
    const done = await this.activation.run(
      origin,
      started.key,
      conn,
      (c, record) => (provisioner.rotate ? provisioner.rotate(c, vendorRefOf(old), intent, record) : provisioner.provision(c, intent, record)),
      idem,
      'key.rotated',
      { rotated_from: old.id, grace_seconds: grace },
    );

    // The old key was given its revoke_after in Tx A; the sweeper revokes it once due (and only while its
    // successor is active), so a crash here cannot leave it alive past the grace period.
    // A successor still awaiting its console key (Anthropic) is not usable yet: the sweeper revokes the old
    // key once the new one is bound.
    if (grace === 0 && done.key.state === 'active') await this.revoker.revoke(origin, started.old, 'rotated', ['active', 'suspended']);
    const body: ProvisionedKeyDto = { ...done.response, ...(done.secret !== null ? { api_key: done.secret } : {}), old_key_revoke_after: started.old.revokeAfter?.toISOString() ?? null };
    return { status: 201, body };
  }
}
