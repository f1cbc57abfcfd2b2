export type Role = 'owner' | 'admin' | 'developer' | 'viewer';

/** The API's permission names; the server enforces them on every route. */
export type Permission =
  | 'org:read'
  | 'users:read'
  | 'users:write'
  | 'developers:read'
  | 'developers:write'
  | 'vendors:read'
  | 'vendors:write'
  | 'keys:read'
  | 'keys:read_own'
  | 'keys:write'
  | 'keys:write_own'
  | 'audit:read';

/** The server sends the role's permissions with /auth/me; the dashboard hides what they exclude. */
export function can(user: { permissions: readonly string[] }, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/** Roles a user may hand out: nobody grants more than they hold. */
export const assignableRoles: Record<Role, readonly Role[]> = {
  owner: ['owner', 'admin', 'developer', 'viewer'],
  admin: ['admin', 'developer', 'viewer'],
  developer: [],
  viewer: [],
};
