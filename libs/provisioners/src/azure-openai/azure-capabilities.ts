import type { VendorCapabilities } from '../contract';

/** Azure sells deployment capacity in units of 1,000 tokens per minute, which come with 6 requests per minute. */
export const RPM_PER_CAPACITY_UNIT = 6;

export function capacityForRpm(rateLimitRpm: number): number {
  return Math.max(1, Math.ceil(rateLimitRpm / RPM_PER_CAPACITY_UNIT));
}

export const AZURE_OPENAI_CAPABILITIES: VendorCapabilities = {
  fields: {
    budget_limit_usd: {
      enforcement: 'none',
      note: 'Not enforced: Azure has no spend cap per resource (budgets only alert) and KeyGate does not read Azure Monitor yet.',
    },
    rate_limit_rpm: {
      enforcement: 'vendor',
      note: 'Set as deployment capacity (1 unit = 1,000 tokens and 6 requests per minute, rounded up); Azure answers 429 above it.',
    },
    models_allowed: {
      enforcement: 'vendor',
      note: 'Only the allowed models are deployed in the developer’s resource; any other deployment name gets a 404 from Azure.',
    },
    expires_in_days: {
      enforcement: 'keygate',
      note: 'KeyGate regenerates both keys of the resource when the key expires (checked every few minutes).',
    },
  },
  keyDelivery: 'immediate',
  rotation: 'native',
};
