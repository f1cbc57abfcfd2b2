import type { VendorCapabilities } from '../contract';

export const ANTHROPIC_CAPABILITIES: VendorCapabilities = {
  fields: {
    budget_limit_usd: {
      enforcement: 'keygate',
      note: "KeyGate polls Anthropic's analytics cost report (per workspace and per API key) and deactivates the key once the budget is spent, until the next UTC month; the report lags by up to an hour. With one workspace per team each key's budget is checked against its own key's cost, not the team's.",
    },
    rate_limit_rpm: {
      enforcement: 'vendor',
      note: "Set as the workspace's requests-per-minute limit on every model group (never above the organization's own limit); Anthropic applies changes within about an hour. With one workspace per team the limit is shared: a new key raises it to its own value, never lowers it.",
    },
    models_allowed: {
      enforcement: 'none',
      note: 'Not enforced: Anthropic keys can call every model the organization has.',
    },
    expires_in_days: {
      enforcement: 'keygate',
      note: 'KeyGate deactivates and archives the key at Anthropic when it expires (checked every few minutes).',
    },
  },
  keyDelivery: 'developer_creates_in_console',
  rotation: 'reprovision',
};

export const ANTHROPIC_WORKSPACE_CAP = 100;
export const ANTHROPIC_WORKSPACE_WARNING = 80;
