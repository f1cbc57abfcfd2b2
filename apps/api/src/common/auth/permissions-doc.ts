import { ROLES } from './roles';
import { PERMISSIONS, Permission, roleHas } from './permissions';
import { RouteEntry } from './route-inventory';

const mark = (yes: boolean): string => (yes ? '✓' : '—');

function ruleText(route: RouteEntry): string {
  if (!route.rule) return '**undeclared**';
  if (route.rule.kind === 'public') return 'public';
  if (route.rule.kind === 'authenticated') return 'signed in';
  return `\`${route.rule.permission}\``;
}

function allowed(route: RouteEntry, role: (typeof ROLES)[number]): boolean {
  if (!route.rule) return false;
  if (route.rule.kind !== 'permission') return true;
  return roleHas(role, route.rule.permission);
}

/** docs/permissions.md, generated from the route metadata and the role table; a test keeps the committed copy fresh. */
export function renderPermissionsDoc(routes: RouteEntry[]): string {
  const lines = [
    '# Permissions',
    '',
    'Generated from the code by `npm run generate` (a test fails when this file is stale). Every route declares its rule',
    'next to the route (`@Public()`, `@Authenticated()` or `@RequirePermission(...)`); a route without one is refused and',
    'fails the route-inventory test.',
    '',
    '## Roles and permissions',
    '',
    `| permission | meaning | ${ROLES.join(' | ')} |`,
    `| --- | --- | ${ROLES.map(() => '---').join(' | ')} |`,
    ...(Object.keys(PERMISSIONS) as Permission[]).map((p) => `| \`${p}\` | ${PERMISSIONS[p]} | ${ROLES.map((r) => mark(roleHas(r, p))).join(' | ')} |`),
    '',
    '## Routes',
    '',
    `| method | path | requires | ${ROLES.join(' | ')} |`,
    `| --- | --- | --- | ${ROLES.map(() => '---').join(' | ')} |`,
    ...routes.map((r) => `| ${r.method} | \`${r.path}\` | ${ruleText(r)} | ${ROLES.map((role) => mark(allowed(r, role))).join(' | ')} |`),
    '',
    'Owners and admins can act only on users whose role is at most their own, and nobody can grant a role above their own.',
    'The last active owner of an organization cannot be demoted or deactivated.',
    '',
  ];
  return lines.join('\n');
}
