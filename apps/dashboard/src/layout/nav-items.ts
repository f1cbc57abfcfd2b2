import type { Permission } from '@/auth/permissions';

export interface NavItem {
  to: string;
  label: string;
  /** Shown when the role holds any of these. */
  anyOf?: readonly Permission[];
}

export const navItems: readonly NavItem[] = [
  { to: '/', label: 'Overview' },
  { to: '/developers', label: 'Developers', anyOf: ['developers:read'] },
  { to: '/keys', label: 'Keys', anyOf: ['keys:read', 'keys:read_own'] },
  { to: '/vendors', label: 'Vendors', anyOf: ['vendors:read'] },
  { to: '/audit', label: 'Audit log', anyOf: ['audit:read'] },
  { to: '/users', label: 'Users and roles', anyOf: ['users:read'] },
];
