import type { VendorCapabilities } from '@keygate/provisioners';
import { policyDrift } from './policy-drift';

const capabilities = (enforcement: 'vendor' | 'keygate' | 'none'): VendorCapabilities => ({
  fields: {
    budget_limit_usd: { enforcement, note: 'n' },
    rate_limit_rpm: { enforcement, note: 'n' },
    models_allowed: { enforcement, note: 'n' },
    expires_in_days: { enforcement, note: 'n' },
  },
  keyDelivery: 'immediate',
  rotation: 'native',
});

const key = { rateLimitRpm: 60, budgetLimitUsd: 50, modelsAllowed: ['gpt-4o-mini', 'gpt-4o'] };

describe('policyDrift', () => {
  it('is null when the vendor shows the same policy, whatever the order of models', () => {
    expect(policyDrift(key, { rateLimitRpm: 60, budgetLimitUsd: 50, modelsAllowed: ['gpt-4o', 'gpt-4o-mini'] }, capabilities('vendor'))).toBeNull();
  });

  it('names each field that changed at the vendor with what was expected and what is there', () => {
    expect(policyDrift(key, { rateLimitRpm: 999, budgetLimitUsd: 10, modelsAllowed: null }, capabilities('vendor'))).toEqual({
      rate_limit_rpm: { expected: 60, actual: 999 },
      budget_limit_usd: { expected: 50, actual: 10 },
      models_allowed: { expected: ['gpt-4o', 'gpt-4o-mini'], actual: null },
    });
  });

  it('ignores fields the vendor does not enforce and fields the vendor could not report', () => {
    expect(policyDrift(key, { rateLimitRpm: 999 }, capabilities('keygate'))).toBeNull();
    expect(policyDrift(key, {}, capabilities('vendor'))).toBeNull();
  });
});
