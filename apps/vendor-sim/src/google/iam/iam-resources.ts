import { googleError, permissionDenied } from '@sim/google/google-errors';
import type { Permission } from '@sim/google/auth/permissions';
import type { ServiceAccountKeyRecord, ServiceAccountRecord } from '@sim/google/world/google-records';
import type { GoogleWorld } from '@sim/google/world/google-world';

export interface AccountParams {
  project: string;
  account: string;
}

export interface KeyParams extends AccountParams {
  key: string;
}

/** `name:verb` → name and verb (custom methods such as `:disable` arrive glued to the last path segment). */
export function splitVerb(segment: string): { id: string; verb: string | null } {
  const index = segment.lastIndexOf(':');
  return index === -1
    ? { id: segment, verb: null }
    : { id: segment.slice(0, index), verb: segment.slice(index + 1) };
}

export const accountResourceName = (account: ServiceAccountRecord): string =>
  `projects/${account.projectId}/serviceAccounts/${account.email}`;

/** The project in a path: its id, its number, or the `-` wildcard. */
export function checkProject(
  world: GoogleWorld,
  project: string,
  permission: Permission,
  resource: string,
): void {
  if (project !== '-' && project !== world.projectId && project !== world.projectNumber) {
    throw permissionDenied(permission, resource);
  }
}

export function requireAccount(
  world: GoogleWorld,
  params: AccountParams,
  permission: Permission,
  ref: string,
): ServiceAccountRecord {
  const resource = `projects/${params.project}/serviceAccounts/${ref}`;
  checkProject(world, params.project, permission, resource);
  const account = world.findServiceAccount(ref);
  if (account !== undefined) return account;
  if (params.project === '-') throw permissionDenied(permission, resource);
  throw googleError(404, 'NOT_FOUND', `Unknown service account`);
}

export function requireKey(
  world: GoogleWorld,
  account: ServiceAccountRecord,
  keyId: string,
): ServiceAccountKeyRecord {
  const key = world.findKey(account, keyId);
  if (key === undefined) {
    throw googleError(404, 'NOT_FOUND', `Service account key ${keyId} does not exist.`);
  }
  return key;
}

/** proto3 JSON: empty strings and false booleans are left out, as Google's REST surface does. */
export function accountView(account: ServiceAccountRecord): Record<string, unknown> {
  return {
    name: accountResourceName(account),
    projectId: account.projectId,
    uniqueId: account.uniqueId,
    email: account.email,
    ...(account.displayName === '' ? {} : { displayName: account.displayName }),
    ...(account.description === '' ? {} : { description: account.description }),
    etag: account.etag,
    oauth2ClientId: account.uniqueId,
    ...(account.disabled ? { disabled: true } : {}),
  };
}

export function keyView(
  account: ServiceAccountRecord,
  key: ServiceAccountKeyRecord,
): Record<string, unknown> {
  return {
    name: `${accountResourceName(account)}/keys/${key.keyId}`,
    validAfterTime: key.validAfterTime,
    validBeforeTime: key.validBeforeTime,
    keyAlgorithm: key.keyAlgorithm,
    keyOrigin: 'GOOGLE_PROVIDED',
    keyType: key.keyType,
    ...(key.disabled
      ? { disabled: true, disableReason: 'SERVICE_ACCOUNT_KEY_DISABLE_REASON_USER_INITIATED' }
      : {}),
  };
}

export function jsonObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
