import type { FastifyRequest } from 'fastify';
import { conditionHolds } from '@sim/google/auth/condition-evaluator';
import { type Principal, resolvePrincipal } from '@sim/google/auth/principal';
import { googleError, permissionDenied, unauthenticated } from '@sim/google/google-errors';
import type { GoogleWorld } from '@sim/google/world/google-world';

export type Permission =
  | 'iam.serviceAccounts.create'
  | 'iam.serviceAccounts.get'
  | 'iam.serviceAccounts.list'
  | 'iam.serviceAccounts.delete'
  | 'iam.serviceAccounts.disable'
  | 'iam.serviceAccounts.enable'
  | 'iam.serviceAccountKeys.create'
  | 'iam.serviceAccountKeys.get'
  | 'iam.serviceAccountKeys.list'
  | 'iam.serviceAccountKeys.delete'
  | 'iam.serviceAccountKeys.disable'
  | 'iam.serviceAccountKeys.enable'
  | 'resourcemanager.projects.get'
  | 'resourcemanager.projects.getIamPolicy'
  | 'resourcemanager.projects.setIamPolicy'
  | 'aiplatform.endpoints.predict';

const ACCOUNT_ADMINS = ['roles/owner', 'roles/editor', 'roles/iam.serviceAccountAdmin'];
const KEY_ADMINS = ['roles/owner', 'roles/editor', 'roles/iam.serviceAccountKeyAdmin'];
const READERS = ['roles/viewer', 'roles/iam.securityReviewer'];

/** Which predefined roles carry each permission (the subset of Google's role catalogue the simulator needs). */
const GRANTED_BY: Record<Permission, string[]> = {
  'iam.serviceAccounts.create': ACCOUNT_ADMINS,
  'iam.serviceAccounts.get': [...ACCOUNT_ADMINS, ...READERS],
  'iam.serviceAccounts.list': [...ACCOUNT_ADMINS, ...READERS],
  'iam.serviceAccounts.delete': ACCOUNT_ADMINS,
  'iam.serviceAccounts.disable': ACCOUNT_ADMINS,
  'iam.serviceAccounts.enable': ACCOUNT_ADMINS,
  'iam.serviceAccountKeys.create': KEY_ADMINS,
  'iam.serviceAccountKeys.get': [...KEY_ADMINS, ...READERS],
  'iam.serviceAccountKeys.list': [...KEY_ADMINS, ...READERS],
  'iam.serviceAccountKeys.delete': KEY_ADMINS,
  'iam.serviceAccountKeys.disable': KEY_ADMINS,
  'iam.serviceAccountKeys.enable': KEY_ADMINS,
  'resourcemanager.projects.get': [
    'roles/owner',
    'roles/editor',
    'roles/resourcemanager.projectIamAdmin',
    ...READERS,
  ],
  'resourcemanager.projects.getIamPolicy': [
    'roles/owner',
    'roles/editor',
    'roles/resourcemanager.projectIamAdmin',
    ...READERS,
  ],
  'resourcemanager.projects.setIamPolicy': ['roles/owner', 'roles/resourcemanager.projectIamAdmin'],
  'aiplatform.endpoints.predict': [
    'roles/owner',
    'roles/editor',
    'roles/aiplatform.user',
    'roles/aiplatform.admin',
  ],
};

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** OAuth scopes that let a token call each API (cloud-platform opens all of them). */
function scopeAllows(scopes: string[] | null, permission: Permission): boolean {
  if (scopes === null || scopes.includes(CLOUD_PLATFORM)) return true;
  if (permission.startsWith('iam.')) return scopes.includes('https://www.googleapis.com/auth/iam');
  if (permission.startsWith('resourcemanager.'))
    return scopes.includes('https://www.googleapis.com/auth/cloudplatformprojects');
  return false;
}

/** The project policy's answer; the admin identity's roles are inherited from the organization. */
export function holdsPermission(world: GoogleWorld, principal: Principal, permission: Permission): boolean {
  const email = principal.account.email.toLowerCase();
  if (email === world.adminEmail.toLowerCase()) return true;
  const member = `serviceaccount:${email}`;
  const now = world.clock.now();
  return world.policy.bindings.some(
    (binding) =>
      GRANTED_BY[permission].includes(binding.role) &&
      binding.members.some((entry) => entry.toLowerCase() === member) &&
      (binding.condition === undefined || conditionHolds(binding.condition.expression, now)),
  );
}

/** 401 without a live credential, 403 without the permission; otherwise the caller. */
export function authorize(
  world: GoogleWorld,
  request: FastifyRequest,
  permission: Permission,
  resource: string,
): Principal {
  const principal = resolvePrincipal(world, request);
  if (principal === null) throw unauthenticated();
  if (!scopeAllows(principal.scopes, permission)) {
    throw googleError(403, 'PERMISSION_DENIED', 'Request had insufficient authentication scopes.', [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
        domain: 'googleapis.com',
        metadata: { method: permission },
      },
    ]);
  }
  if (!holdsPermission(world, principal, permission)) throw permissionDenied(permission, resource);
  return principal;
}
