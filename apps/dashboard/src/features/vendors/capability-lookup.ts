import type { VendorCapabilities } from '@/api/api-types';

export type PolicyField = 'budget_limit_usd' | 'rate_limit_rpm' | 'models_allowed' | 'expires_in_days';

export const policyFieldLabels: Record<PolicyField, string> = {
  budget_limit_usd: 'Monthly budget',
  rate_limit_rpm: 'Rate limit',
  models_allowed: 'Model allow-list',
  expires_in_days: 'Expiry',
};

export type VendorCapability = VendorCapabilities[number];

export interface FieldEnforcement {
  enforced_by: string;
  note: string;
}

export function capabilityOf(capabilities: VendorCapabilities | undefined, vendor: string | null) {
  return capabilities?.find((entry) => entry.vendor === vendor);
}

/** Who enforces one policy field at one vendor ('vendor' | 'keygate' | 'none'), and the sentence why. */
export function enforcementOf(
  capabilities: VendorCapabilities | undefined,
  vendor: string | null,
  field: PolicyField,
): FieldEnforcement | undefined {
  return capabilityOf(capabilities, vendor)?.fields[field];
}
