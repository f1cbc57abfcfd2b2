import type { VendorCapabilities } from '../contract';

export const GOOGLE_VERTEX_CAPABILITIES: VendorCapabilities = {
  fields: {
    budget_limit_usd: {
      enforcement: 'none',
      note: 'Not enforced: Vertex AI has no spend cap per service account and its billing data does not attribute cost to one.',
    },
    rate_limit_rpm: {
      enforcement: 'none',
      note: 'Not enforced: Vertex AI quotas apply to the whole project, not to one service account.',
    },
    models_allowed: {
      enforcement: 'none',
      note: 'Not enforced: roles/aiplatform.user allows every model in the project.',
    },
    expires_in_days: {
      enforcement: 'keygate',
      note: 'KeyGate deletes the service-account key when it expires (checked every few minutes).',
    },
  },
  keyDelivery: 'immediate',
  rotation: 'native',
};
