import { createHash } from 'node:crypto';

/** The fields of an event that the hash chain protects, in their canonical form. */
export interface ChainedEvent {
  organizationId: string;
  seq: number;
  occurredAt: string;
  action: string;
  outcome: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** An event before the chain gives it its place: the sequence number and the instant come from the chain head. */
export type UnplacedEvent = Omit<ChainedEvent, 'seq' | 'occurredAt'>;

/**
 * canonicalJson of an event cut where its instant and sequence number go, so the database can complete it:
 * head + JSON string of occurredAt + middle + seq + tail === canonicalJson(event).
 */
export function canonicalEventParts(event: UnplacedEvent): [head: string, middle: string, tail: string] {
  const fields = { ...event, occurredAt: null, seq: null } as Record<string, unknown>;
  const keys = Object.keys(fields).filter((key) => fields[key] !== undefined).sort();
  const parts: string[] = [];
  let part = '{';
  keys.forEach((key, i) => {
    part += `${i === 0 ? '' : ','}${JSON.stringify(key)}:`;
    if (key === 'occurredAt' || key === 'seq') {
      parts.push(part);
      part = '';
    } else {
      part += canonicalJson(fields[key]);
    }
  });
  parts.push(`${part}}`);
  return parts as [string, string, string];
}

export function genesisHash(organizationId: string): string {
  return createHash('sha256').update(`keygate-audit-genesis:${organizationId}`).digest('hex');
}

/** hash = SHA-256(prev_hash ‖ canonical event) */
export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}
