import { Injectable } from '@nestjs/common';
import { RequestContext } from '@api/common/request/request-context';
import { originOf } from '@api/modules/audit/audit-event.input';
import { DeveloperOffboarding } from '@api/modules/developers/developer-offboarding';
import type { KeyRevocationOutcomeDto } from '@api/modules/developers/dto/developer.dto';
import { IssuedKeysRepository } from './issued-keys.repository';
import { KeyRevoker } from './key-revoker';

/** DELETE /developers/{id}: every live key of the developer revoked at its vendor (scope archived), reported per key. */
@Injectable()
export class KeyOffboarding extends DeveloperOffboarding {
  constructor(
    private readonly keys: IssuedKeysRepository,
    private readonly revoker: KeyRevoker,
  ) {
    super();
  }

  async revokeAllFor(ctx: RequestContext, developerId: string): Promise<KeyRevocationOutcomeDto[]> {
    const outcomes: KeyRevocationOutcomeDto[] = [];
    for (const key of await this.keys.liveForDeveloper(ctx.organizationId, developerId)) {
      if (key.state === 'pending') {
        // An in-flight provision finishes or is abandoned by the reconciler; it cannot be activated for an inactive developer later.
        outcomes.push({ key_id: key.id, vendor: key.vendor, outcome: 'revoke_failed', error: 'still being provisioned; the reconciler removes it' });
        continue;
      }
      const result = await this.revoker.revoke(originOf(ctx), key, 'offboarded', ['active', 'awaiting_key', 'suspended', 'revoking', 'revoke_failed']);
      const outcome = result.outcome === 'revoked' ? 'revoked' : result.outcome === 'already_revoked' ? 'already_revoked' : 'revoke_failed';
      outcomes.push({ key_id: key.id, vendor: key.vendor, outcome, ...(result.error ? { error: result.error } : {}) });
    }
    return outcomes;
  }
}
