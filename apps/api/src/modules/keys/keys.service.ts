import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { decodeCursor, toPage } from '@api/common/http/pagination';
import { RequestContext } from '@api/common/request/request-context';
import { originOf } from '@api/modules/audit/audit-event.input';
import { IdentifyKeyDto } from './dto/provision-key.dto';
import { KeyDto, KeyIdentificationDto, KeyPageDto, ListKeysQueryDto } from './dto/key.dto';
import { toKeyDto } from './key.mapper';
import type { IssuedKey } from './lifecycle/issued-key';
import { IssuedKeysRepository } from './lifecycle/issued-keys.repository';
import { assertKeyInScope, keyScopeOf, NO_DEVELOPER } from './lifecycle/key-access';
import { KeyFingerprints } from './lifecycle/key-fingerprints';
import { KeyRevoker } from './lifecycle/key-revoker';
import { Provisioners } from './provisioners/provisioner-registry';

/** Reading keys, identifying a leaked one, and revoking on request. */
@Injectable()
export class KeysService {
  constructor(
    private readonly keys: IssuedKeysRepository,
    private readonly fingerprints: KeyFingerprints,
    private readonly revoker: KeyRevoker,
    private readonly provisioners: Provisioners,
  ) {}

  private readonly toDto = (k: IssuedKey): KeyDto => toKeyDto(k, this.provisioners.find(k.vendor)?.capabilities);

  async list(ctx: RequestContext, query: ListKeysQueryDto): Promise<KeyPageDto> {
    const scope = keyScopeOf(ctx, 'read');
    if (scope === NO_DEVELOPER || (scope !== null && query.developer_id && query.developer_id !== scope)) return { items: [], next_cursor: null };
    const limit = query.limit ?? 50;
    const filter = { vendor: query.vendor, developerId: scope ?? query.developer_id, state: query.status };
    const rows = await this.keys.list(ctx.organizationId, filter, decodeCursor(query.cursor), limit + 1);
    return toPage(rows, limit, this.toDto);
  }

  async get(ctx: RequestContext, id: string): Promise<KeyDto> {
    const scope = keyScopeOf(ctx, 'read');
    const key = await this.keys.findById(ctx.organizationId, id);
    if (!key) throw notFound('key_not_found', 'Key', id);
    assertKeyInScope(scope, key.developerId, id);
    return this.toDto(key);
  }

  /** Finds the row of a leaked key by its fingerprint. Computes, compares, stores nothing. */
  async identify(ctx: RequestContext, dto: IdentifyKeyDto): Promise<KeyIdentificationDto> {
    keyScopeOf(ctx, 'read');
    const key = await this.keys.findByFingerprint(ctx.organizationId, this.fingerprints.of(dto.api_key.trim()));
    return key ? { found: true, key: this.toDto(key) } : { found: false, key: null };
  }

  async revoke(ctx: RequestContext, id: string): Promise<KeyDto> {
    const scope = keyScopeOf(ctx, 'write');
    const key = await this.keys.findById(ctx.organizationId, id);
    if (!key) throw notFound('key_not_found', 'Key', id);
    assertKeyInScope(scope, key.developerId, id);
    if (key.state === 'pending') throw new DomainError('key_state_conflict', `Key ${id} is still being provisioned; revoke it once it is active`, { key_id: id, status: key.state });
    const result = await this.revoker.revoke(originOf(ctx), key, 'revoked');
    if (result.outcome === 'retrying' || result.outcome === 'revoke_failed') {
      throw new DomainError('vendor_unavailable', `${key.vendor} did not confirm the revocation of ${id}; KeyGate keeps retrying (status ${result.key.state})`, {
        key_id: id,
        status: result.key.state,
        next_attempt_at: result.key.nextAttemptAt?.toISOString() ?? null,
      });
    }
    return this.toDto((await this.keys.findById(ctx.organizationId, id)) ?? result.key);
  }
}
