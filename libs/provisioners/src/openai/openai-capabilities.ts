import type { VendorCapabilities } from '../contract';

export const OPENAI_CAPABILITIES: VendorCapabilities = {
  fields: {
    budget_limit_usd: {
      enforcement: 'vendor',
      note: 'Set as the project hard spend limit (monthly, USD); OpenAI stops requests once it is reached.',
    },
    rate_limit_rpm: {
      enforcement: 'vendor',
      note: "Set as the project's requests-per-minute limit on every allowed model; OpenAI answers 429 above it.",
    },
    models_allowed: {
      enforcement: 'vendor',
      note: "Set as the project's model allow-list; OpenAI refuses other models.",
    },
    expires_in_days: {
      enforcement: 'vendor',
      note: 'The service-account key is created with an expiry at OpenAI, and KeyGate also revokes it when it expires.',
    },
  },
  keyDelivery: 'immediate',
  rotation: 'native',
};
