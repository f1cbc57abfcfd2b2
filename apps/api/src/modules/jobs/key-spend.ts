import type { ConnectionCosts } from '@keygate/provisioners';
import type { IssuedKey } from '@api/modules/keys/lifecycle/issued-key';
import { LIVE_STATES } from '@api/modules/keys/lifecycle/key-state';

type SpendKey = Pick<IssuedKey, 'id' | 'developerId' | 'state' | 'scopeId' | 'vendorKeyId' | 'rotatedFrom'>;

/** Scopes holding live keys of more than one developer (Anthropic team workspaces): their cost is the team's. */
function sharedScopes(keys: readonly SpendKey[]): Set<string> {
  const developersByScope = new Map<string, Set<string>>();
  for (const key of keys) {
    if (!key.scopeId || !LIVE_STATES.includes(key.state)) continue;
    const developers = developersByScope.get(key.scopeId) ?? new Set<string>();
    developers.add(key.developerId);
    developersByScope.set(key.scopeId, developers);
  }
  return new Set([...developersByScope].filter(([, developers]) => developers.size > 1).map(([scopeId]) => scopeId));
}

/** A key's vendor key and those of the keys it replaced by rotation, newest first: what it stands for this month. */
function vendorKeysOf(key: SpendKey, byId: ReadonlyMap<string, SpendKey>): Set<string> {
  const vendorKeys = new Set<string>();
  const seen = new Set<string>();
  for (let k: SpendKey | undefined = key; k !== undefined && !seen.has(k.id); k = k.rotatedFrom === null ? undefined : byId.get(k.rotatedFrom)) {
    seen.add(k.id);
    if (k.vendorKeyId !== null) vendorKeys.add(k.vendorKeyId);
  }
  return vendorKeys;
}

/**
 * The month-to-date cost each key is judged by. A key alone in its scope (one developer's workspace or project)
 * is charged the whole scope, which also counts keys made beside it. A key in a scope shared with other
 * developers is charged its own vendor key's cost when the vendor reports cost per key, plus the cost of the keys
 * it replaced by rotation (so rotating never resets a budget); a key not bound to a vendor key yet, and with no
 * predecessor, has spent nothing. Without per-key cost the shared scope's cost is all there is.
 */
export function spendByKey<K extends SpendKey>(judged: readonly K[], connectionKeys: readonly SpendKey[], costs: ConnectionCosts): Array<{ key: K; costUsd: number }> {
  const shared = sharedScopes(connectionKeys);
  const { byScope, byKey } = costs;
  const byId = new Map(connectionKeys.map((k) => [k.id, k]));
  return judged.map((key) => {
    const scopeId = key.scopeId ?? '';
    if (byKey === undefined || !shared.has(scopeId)) return { key, costUsd: byScope.get(scopeId) ?? 0 };
    const costUsd = [...vendorKeysOf(key, byId)].reduce((sum, vendorKeyId) => sum + (byKey.get(vendorKeyId) ?? 0), 0);
    return { key, costUsd };
  });
}
