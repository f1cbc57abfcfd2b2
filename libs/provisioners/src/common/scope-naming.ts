import { createHash } from 'node:crypto';
import type { ProvisionIntent } from '../contract';

export const MANAGED_PREFIX = 'kg-';
const INTENT_PREFIX_LENGTH = 8;

export interface NamingRules {
  /** The shortest possible name, `kg-<intent8>`, is 11 characters, so every vendor minimum is met. */
  maxLength: number;
}

/** Vendor naming rules KeyGate follows (all names are lowercase letters, digits and single hyphens). */
export const NAMING_RULES = {
  openai: { maxLength: 64 },
  anthropic: { maxLength: 40 },
  // accountId: 6-30 chars, [a-z]([-a-z0-9]*[a-z0-9])
  google_vertex: { maxLength: 30 },
  // account name and custom subdomain: 2-64 chars, letters, digits and hyphens, no hyphen at either end
  azure_openai: { maxLength: 64 },
} satisfies Record<string, NamingRules>;

export function intentPrefix(intentId: string): string {
  const prefix = slug(intentId).replace(/-/g, '').slice(0, INTENT_PREFIX_LENGTH);
  if (prefix.length === 0) throw new Error('intent id has no usable characters');
  return prefix;
}

/**
 * `kg-<team>-<developer>-<intent8>`, deterministic from the intent so findByIntent can locate what a
 * crashed provision created. The intent suffix is always kept whole; team and developer are shortened.
 */
export function managedScopeName(intent: Pick<ProvisionIntent, 'intentId' | 'developer'>, rules: NamingRules): string {
  const suffix = `-${intentPrefix(intent.intentId)}`;
  const budget = rules.maxLength - MANAGED_PREFIX.length - suffix.length;
  const team = slug(intent.developer.team);
  const developer = slug(intent.developer.name) || slug(intent.developer.email.split('@')[0] ?? '');
  const middle = fitParts([team, developer].filter((part) => part.length > 0), budget);
  return middle.length > 0 ? `${MANAGED_PREFIX}${middle}${suffix}` : `${MANAGED_PREFIX.slice(0, -1)}${suffix}`;
}

/**
 * `kg-<team>-t<7 hex>`: one scope shared by a team, the same for every call with the same team name. The
 * suffix has the shape of an intent prefix (so the name counts as managed) but starts with `t`, which no
 * intent prefix (hexadecimal) can, so it never belongs to a single intent.
 */
export function teamScopeName(team: string, rules: NamingRules): string {
  const suffix = `-t${createHash('sha256').update(team.trim().toLowerCase()).digest('hex').slice(0, 7)}`;
  const middle = fitParts([slug(team) || 'team'], rules.maxLength - MANAGED_PREFIX.length - suffix.length);
  return `${MANAGED_PREFIX}${middle}${suffix}`;
}

export function isTeamScopeName(name: string | null | undefined): name is string {
  return isManagedName(name) && /-t[0-9a-f]{7}$/.test(name);
}

export function isManagedName(name: string | null | undefined): name is string {
  return typeof name === 'string' && name.startsWith(MANAGED_PREFIX) && parseIntentPrefix(name) !== null;
}

/** The intent prefix a managed name ends with, or null for a name KeyGate did not make. */
export function parseIntentPrefix(name: string): string | null {
  const match = /-([a-z0-9]{8})$/.exec(name);
  return name.startsWith(MANAGED_PREFIX) && match?.[1] ? match[1] : null;
}

export function belongsToIntent(name: string | null | undefined, intentId: string): boolean {
  return isManagedName(name) && parseIntentPrefix(name) === intentPrefix(intentId);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Shortens the parts (longest first) until `a-b` fits in budget characters. */
function fitParts(parts: string[], budget: number): string {
  const trimmed = [...parts];
  const joinedLength = (): number => trimmed.join('-').length;
  while (joinedLength() > budget && trimmed.some((part) => part.length > 0)) {
    const longest = trimmed.reduce((best, part, index) => (part.length > (trimmed[best] ?? '').length ? index : best), 0);
    trimmed[longest] = (trimmed[longest] ?? '').slice(0, -1).replace(/-+$/, '');
    for (let i = trimmed.length - 1; i >= 0; i -= 1) if (trimmed[i] === '') trimmed.splice(i, 1);
  }
  return trimmed.join('-');
}
