import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBody } from '@api/common/errors/error-body';
import { Permission } from './permissions';

export const ACCESS_METADATA = 'keygate:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** Reachable without signing in. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user, whatever the role (their own profile, sign-out). */
export const Authenticated = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody }),
  );

/** The route needs this permission; see docs/permissions.md for which roles hold it. */
export const RequirePermission = (permission: Permission): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody }),
    ApiForbiddenResponse({ type: ErrorBody, description: `Requires permission ${permission}` }),
  );
