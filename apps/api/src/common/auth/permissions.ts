import type { Role } from './roles';

/** Every permission a route can require. docs/permissions.md is generated from this file. */
export const PERMISSIONS = {
  'org:read': 'See the organization and its settings',
  'users:read': 'List and view sign-in users',
  'users:write': 'Create, change and deactivate sign-in users',
  'developers:read': 'List and view developers',
  'developers:write': 'Register, change and deactivate developers',
  'vendors:read': 'List vendor connections (masked) and capabilities',
  'vendors:write': 'Add, change, check and delete vendor connections',
  'keys:read': 'List and view every issued key',
  'keys:read_own': 'List and view the keys issued to yourself',
  'keys:write': 'Provision, rotate and revoke any key',
  'keys:write_own': 'Request and rotate your own keys',
  'audit:read': 'Read, verify and export the audit log',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const READ_ONLY: Permission[] = ['org:read', 'developers:read', 'vendors:read', 'keys:read', 'audit:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: Object.keys(PERMISSIONS) as Permission[],
  admin: [...READ_ONLY, 'users:read', 'users:write', 'developers:write', 'keys:write', 'keys:read_own', 'keys:write_own'],
  developer: ['org:read', 'vendors:read', 'keys:read_own', 'keys:write_own'],
  viewer: READ_ONLY,
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
