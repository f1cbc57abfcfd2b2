export interface KeyPolicy {
  budgetLimitUsd: number;
  rateLimitRpm: number;
  /** null = every model the vendor offers. */
  modelsAllowed: string[] | null;
  expiresAt: Date;
}

export interface DeveloperRef {
  id: string;
  name: string;
  email: string;
  team: string;
}

export interface ProvisionIntent {
  /** uuid; vendor-side names embed intentId.slice(0, 8). */
  intentId: string;
  /** KeyGate's key_… id. */
  keyId: string;
  developer: DeveloperRef;
  policy: KeyPolicy;
  description?: string;
}
