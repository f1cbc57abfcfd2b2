import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBody } from '@api/common/errors/error-body';
import { Permission } from './permissions';

export const ACCESS_METADATA = 'keygate:access';

/** `permissions`: the caller's role must hold at least one of them. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permissions: readonly Permission[] };

/** Reachable without signing in. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever the role (their own profile, sign-out). */
export const Authenticated = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody }),
  );

/**
 * The route needs this permission, or any one of several (e.g. `keys:read` or `keys:read_own`, the service then
 * narrows what the caller sees); see docs/permissions.md for which roles hold which.
 */
export const RequirePermission = (permission: Permission, ...alternatives: Permission[]): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permissions: [permission, ...alternatives] } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody }),
    ApiForbiddenResponse({ type: ErrorBody, description: `Requires permission ${[permission, ...alternatives].join(' or ')}` }),
  );
