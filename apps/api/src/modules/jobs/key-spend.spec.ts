import type { ConnectionCosts } from '@keygate/provisioners';
import type { KeyState } from '@api/modules/keys/lifecycle/key-state';
import { spendByKey } from './key-spend';

interface Key {
  id: string;
  developerId: string;
  state: KeyState;
  scopeId: string | null;
  vendorKeyId: string | null;
  rotatedFrom: string | null;
}

const key = (id: string, developerId: string, scopeId: string, vendorKeyId: string | null, state: KeyState = 'active', rotatedFrom: string | null = null): Key => ({ id, developerId, state, scopeId, vendorKeyId, rotatedFrom });
const costsOf = (byScope: Record<string, number>, byKey?: Record<string, number>): ConnectionCosts => ({
  byScope: new Map(Object.entries(byScope)),
  ...(byKey ? { byKey: new Map(Object.entries(byKey)) } : {}),
});
const spent = (judged: Key[], all: Key[], costs: ConnectionCosts) => Object.fromEntries(spendByKey(judged, all, costs).map((s) => [s.key.id, s.costUsd]));

describe('the cost a key is judged by', () => {
  const ann = key('ann', 'dev-ann', 'team-ws', 'apikey_ann');
  const bob = key('bob', 'dev-bob', 'team-ws', 'apikey_bob');
  const solo = key('solo', 'dev-solo', 'solo-ws', 'apikey_solo');

  it('charges each developer of a shared workspace their own key, not the team', () => {
    const all = [ann, bob, solo];
    expect(spent(all, all, costsOf({ 'team-ws': 9, 'solo-ws': 1 }, { apikey_ann: 8.5, apikey_bob: 0.5, apikey_solo: 1 }))).toEqual({ ann: 8.5, bob: 0.5, solo: 1 });
  });

  it('charges a key alone in its scope the whole scope, keys made beside it included', () => {
    expect(spent([solo], [solo], costsOf({ 'solo-ws': 4 }, { apikey_solo: 1, apikey_stray: 3 }))).toEqual({ solo: 4 });
  });

  it('gives a key in a shared workspace without a vendor key, or without cost, no spend', () => {
    const unbound = key('unbound', 'dev-cy', 'team-ws', null);
    expect(spent([unbound, bob], [ann, bob, unbound], costsOf({ 'team-ws': 9 }, { apikey_ann: 9 }))).toEqual({ unbound: 0, bob: 0 });
  });

  it('counts a teammate who still waits for their console key as sharing the workspace', () => {
    const waiting = key('cy', 'dev-cy', 'team-ws', null, 'awaiting_key');
    expect(spent([ann], [ann, waiting], costsOf({ 'team-ws': 9 }, { apikey_ann: 2 }))).toEqual({ ann: 2 });
  });

  it('no longer counts a revoked teammate: the workspace is the developer\'s own again', () => {
    const gone = key('bob', 'dev-bob', 'team-ws', 'apikey_bob', 'revoked');
    expect(spent([ann], [ann, gone], costsOf({ 'team-ws': 9 }, { apikey_ann: 2 }))).toEqual({ ann: 9 });
  });

  it('falls back to the shared scope cost when the vendor reports no cost per key', () => {
    expect(spent([ann, bob], [ann, bob], costsOf({ 'team-ws': 9 }))).toEqual({ ann: 9, bob: 9 });
  });

  it('keeps two keys of one developer in one scope on the scope cost (a rotation in a developer workspace)', () => {
    const next = key('ann-next', 'dev-ann', 'team-ws', 'apikey_ann2');
    expect(spent([ann, next], [ann, next], costsOf({ 'team-ws': 5 }, { apikey_ann: 3, apikey_ann2: 2 }))).toEqual({ ann: 5, 'ann-next': 5 });
  });

  it('charges a rotated key in a shared workspace the month\'s cost of the keys it replaced: rotating does not reset a budget', () => {
    const first = key('ann-1', 'dev-ann', 'team-ws', 'apikey_ann1', 'revoked');
    const second = key('ann-2', 'dev-ann', 'team-ws', 'apikey_ann2', 'revoked', 'ann-1');
    const current = key('ann-3', 'dev-ann', 'team-ws', 'apikey_ann3', 'active', 'ann-2');
    const waiting = key('ann-4', 'dev-ann', 'team-ws', null, 'awaiting_key', 'ann-3');
    const all = [first, second, current, bob];
    const costs = costsOf({ 'team-ws': 10 }, { apikey_ann1: 4, apikey_ann2: 2.5, apikey_ann3: 1, apikey_bob: 2.5 });
    expect(spent([current, bob], all, costs)).toEqual({ 'ann-3': 7.5, bob: 2.5 });
    expect(spent([waiting], [...all, waiting], costs)).toEqual({ 'ann-4': 7.5 });
  });
});
