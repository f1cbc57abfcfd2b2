import { roleHas } from '@api/common/auth/permissions';
import { DomainError } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';

/**
 * Who may act on whose keys. keys:read / keys:write reach every developer's keys; keys:read_own /
 * keys:write_own only the keys of the developer the user is linked to (users.developer_id).
 * Returns the developer id the caller is limited to, NO_DEVELOPER for a sign-in linked to no developer
 * (who then has no keys at all), or null for no limit.
 */
export const NO_DEVELOPER = '';

export function keyScopeOf(ctx: RequestContext, mode: 'read' | 'write'): string | null {
  if (roleHas(ctx.user.role, mode === 'read' ? 'keys:read' : 'keys:write')) return null;
  if (roleHas(ctx.user.role, mode === 'read' ? 'keys:read_own' : 'keys:write_own')) {
    return ctx.user.developerId ?? NO_DEVELOPER;
  }
  throw new DomainError('forbidden', `Your role (${ctx.user.role}) does not allow this: it needs keys:${mode} or keys:${mode}_own`, { permission: `keys:${mode}` });
}

/** Refuses (as not found, so ids of others' keys do not leak) a key outside the caller's scope. */
export function assertKeyInScope(scope: string | null, developerId: string, keyId: string): void {
  if (scope !== null && scope !== developerId) throw new DomainError('key_not_found', `Key ${keyId} was not found`, { id: keyId });
}
