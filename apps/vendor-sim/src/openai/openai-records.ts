/** In-memory records of the simulated OpenAI organization. Times are Unix seconds, money is US cents. */
export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  externalKeyId: string | null;
  residency: string;
  isDefault: boolean;
}

export type ServiceAccountRole = 'owner' | 'member' | 'none';

export interface ServiceAccountRecord {
  id: string;
  projectId: string;
  name: string;
  role: ServiceAccountRole;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  projectId: string;
  serviceAccountId: string;
  name: string;
  secret: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  scopes: string[];
}

export const RATE_LIMIT_FIELDS = [
  'max_requests_per_1_minute',
  'max_tokens_per_1_minute',
  'max_images_per_1_minute',
  'max_audio_megabytes_per_1_minute',
  'max_requests_per_1_day',
  'batch_1_day_max_input_tokens',
] as const;

export type RateLimitField = (typeof RATE_LIMIT_FIELDS)[number];

export interface RateLimitRecord {
  id: string;
  projectId: string;
  model: string;
  limits: Partial<Record<RateLimitField, number>> & {
    max_requests_per_1_minute: number;
    max_tokens_per_1_minute: number;
  };
}

export interface SpendLimitRecord {
  thresholdAmount: number;
  currency: 'USD';
  interval: 'month';
}

export interface ModelPermissionsRecord {
  mode: 'allow_list' | 'deny_list';
  modelIds: string[];
}

export interface UsageRecord {
  at: number;
  projectId: string;
  apiKeyId: string | null;
  model: string;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  costCents: number;
}

/** Spec (Aug 2026) and SDK 6.49 reject deleting a service-account key; SDK 7.57 allows it. */
export type ServiceAccountKeyDeletion = 'allowed' | 'rejected';
