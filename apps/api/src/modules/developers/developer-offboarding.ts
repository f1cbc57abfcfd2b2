import type { KeyRevocationOutcomeDto } from './dto/developer.dto';
import type { RequestContext } from '@api/common/request/request-context';

/** Revokes every live key of a developer at the vendors once they are deactivated; provided by the keys module. */
export abstract class DeveloperOffboarding {
  abstract revokeAllFor(ctx: RequestContext, developerId: string): Promise<KeyRevocationOutcomeDto[]>;
}
