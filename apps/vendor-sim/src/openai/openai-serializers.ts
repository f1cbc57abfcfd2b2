import { redactSecret } from '@sim/openai/openai-ids';
import type {
  ApiKeyRecord,
  ProjectRecord,
  RateLimitRecord,
  ServiceAccountRecord,
  SpendLimitRecord,
} from '@sim/openai/openai-records';

export function projectJson(project: ProjectRecord) {
  return {
    id: project.id,
    object: 'organization.project' as const,
    name: project.name,
    created_at: project.createdAt,
    archived_at: project.archivedAt,
    status: project.archivedAt === null ? 'active' : 'archived',
    external_key_id: project.externalKeyId,
    residency: project.residency,
  };
}

export function serviceAccountJson(account: ServiceAccountRecord) {
  return {
    id: account.id,
    object: 'organization.project.service_account' as const,
    name: account.name,
    role: account.role,
    created_at: account.createdAt,
  };
}

/** The only shape that carries the secret: returned once, on creation. */
export function createdKeyJson(key: ApiKeyRecord) {
  return {
    object: 'organization.project.service_account.api_key' as const,
    id: key.id,
    name: key.name,
    created_at: key.createdAt,
    expires_at: key.expiresAt,
    value: key.secret,
  };
}

export function projectApiKeyJson(key: ApiKeyRecord, owner: ServiceAccountRecord | undefined) {
  return {
    id: key.id,
    object: 'organization.project.api_key' as const,
    name: key.name,
    redacted_value: redactSecret(key.secret),
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    expires_at: key.expiresAt,
    owner_project_access: 'active' as const,
    owner: {
      type: 'service_account' as const,
      service_account:
        owner === undefined
          ? undefined
          : { id: owner.id, name: owner.name, role: owner.role, created_at: owner.createdAt },
    },
  };
}

export function rateLimitJson(rateLimit: RateLimitRecord) {
  return {
    id: rateLimit.id,
    object: 'project.rate_limit' as const,
    model: rateLimit.model,
    ...rateLimit.limits,
  };
}

export function spendLimitJson(limit: SpendLimitRecord, monthSpendCents: number) {
  return {
    object: 'project.spend_limit' as const,
    threshold_amount: limit.thresholdAmount,
    currency: limit.currency,
    interval: limit.interval,
    enforcement: { status: monthSpendCents >= limit.thresholdAmount ? 'enforcing' : 'inactive' },
  };
}
