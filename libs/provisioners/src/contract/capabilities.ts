export type Enforcement = 'vendor' | 'keygate' | 'none';
export type PolicyField = 'budget_limit_usd' | 'rate_limit_rpm' | 'models_allowed' | 'expires_in_days';

export interface FieldCapability {
  enforcement: Enforcement;
  /** One honest sentence shown to users: who enforces it and with what lag. */
  note: string;
}

export interface VendorCapabilities {
  fields: Record<PolicyField, FieldCapability>;
  keyDelivery: 'immediate' | 'developer_creates_in_console';
  rotation: 'native' | 'reprovision';
}
