import { canonicalEventParts, canonicalJson, chainHash, ChainedEvent, genesisHash } from './audit-hash';

const event: ChainedEvent = {
  organizationId: 'org-1',
  seq: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  action: 'developer.created',
  outcome: 'success',
  actorType: 'user',
  actorId: 'u1',
  actorLabel: 'a@example.com',
  targetType: 'developer',
  targetId: 'd1',
  requestId: 'r1',
  ip: '127.0.0.1',
  userAgent: null,
  details: { b: 1, a: { y: [2, { d: 1, c: 2 }], x: null } },
};

describe('audit hash chain', () => {
  it('serialises objects with sorted keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('chains each event to the previous hash: any change to an event or to the link changes the hash', () => {
    const genesis = genesisHash('org-1');
    const hash = chainHash(genesis, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(genesis, { ...event, details: { a: { x: null, y: [2, { c: 2, d: 1 }] }, b: 1 } })).toBe(hash);
    expect(chainHash(genesis, { ...event, details: { ...(event.details as object), b: 2 } })).not.toBe(hash);
    expect(chainHash(genesis, { ...event, actorLabel: 'b@example.com' })).not.toBe(hash);
    expect(chainHash(genesisHash('org-2'), event)).not.toBe(hash);
  });
});

describe('canonicalEventParts', () => {
  const complete = (e: ChainedEvent) => {
    const { seq, occurredAt, ...unplaced } = e;
    const [head, middle, tail] = canonicalEventParts(unplaced);
    return `${head}${JSON.stringify(occurredAt)}${middle}${seq}${tail}`;
  };

  it('cuts the canonical JSON exactly where the database puts the instant and the sequence number', () => {
    expect(complete(event)).toBe(canonicalJson(event));
    const awkward: ChainedEvent = { ...event, seq: 1234567, userAgent: 'x","seq":1,"z":"', details: { occurredAt: 'nested', seq: 9, '': [] }, ip: null };
    expect(complete(awkward)).toBe(canonicalJson(awkward));
  });
});
