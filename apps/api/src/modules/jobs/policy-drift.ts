import type { PolicyReadback, PolicyField, VendorCapabilities } from '@keygate/provisioners';
import type { IssuedKey } from '@api/modules/keys/lifecycle/issued-key';

export type PolicyDrift = Record<string, { expected: unknown; actual: unknown }>;

/**
 * Where the vendor-side policy no longer matches the key's, for the fields the vendor enforces (a field
 * KeyGate enforces itself cannot drift at the vendor). null when everything matches.
 */
export function policyDrift(key: Pick<IssuedKey, 'rateLimitRpm' | 'budgetLimitUsd' | 'modelsAllowed'>, actual: PolicyReadback, capabilities: VendorCapabilities): PolicyDrift | null {
  const drift: PolicyDrift = {};
  const vendorEnforced = (field: PolicyField) => capabilities.fields[field].enforcement === 'vendor';
  if (actual.rateLimitRpm !== undefined && vendorEnforced('rate_limit_rpm') && actual.rateLimitRpm !== key.rateLimitRpm) {
    drift.rate_limit_rpm = { expected: key.rateLimitRpm, actual: actual.rateLimitRpm };
  }
  if (actual.budgetLimitUsd !== undefined && vendorEnforced('budget_limit_usd') && actual.budgetLimitUsd !== key.budgetLimitUsd) {
    drift.budget_limit_usd = { expected: key.budgetLimitUsd, actual: actual.budgetLimitUsd };
  }
  if (actual.modelsAllowed !== undefined && vendorEnforced('models_allowed')) {
    const expected = key.modelsAllowed ? [...key.modelsAllowed].sort() : null;
    const seen = actual.modelsAllowed ? [...actual.modelsAllowed].sort() : null;
    if (JSON.stringify(expected) !== JSON.stringify(seen)) drift.models_allowed = { expected, actual: seen };
  }
  return Object.keys(drift).length > 0 ? drift : null;
}
