import { ROLES } from './roles';
import { PERMISSIONS, Permission, roleHas } from './permissions';
import { RouteEntry } from './route-inventory';

const mark = (yes: boolean): string => (yes ? '✓' : '—');

function ruleText(route: RouteEntry): string {
  if (!route.rule) return '**undeclared**';
  if (route.rule.kind === 'public') return 'public';
  if (route.rule.kind === 'authenticated') return 'signed in';
  return route.rule.permissions.map((p) => `\`${p}\``).join(' or ');
}

function allowed(route: RouteEntry, role: (typeof ROLES)[number]): boolean {
  if (!route.rule) return false;
  if (route.rule.kind !== 'permission') return true;
  return route.rule.permissions.some((p) => roleHas(role, p));
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
    'Key routes declare the narrowest permission that reaches them (`keys:read_own`, `keys:write_own`); the service then',
    'narrows the rows: holders of `keys:read` / `keys:write` see and act on every key of the organization, everyone else',
    'only on the keys of the developer their sign-in is linked to (another developer’s key answers 404).',
    '',
  ];
  return lines.join('\n');
}
