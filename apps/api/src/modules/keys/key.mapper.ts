import type { VendorCapabilities } from '@keygate/provisioners';
import type { IssuedKey } from './lifecycle/issued-key';
import type { FieldEnforcementDto, KeyDto, ProvisionedKeyDto } from './dto/key.dto';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** `capabilities` of the key's vendor; undefined only for a vendor no longer registered (no enforcement shown). */
export function toKeyDto(k: IssuedKey, capabilities: VendorCapabilities | undefined): KeyDto {
  return {
    key_id: k.id,
    vendor: k.vendor,
    developer_id: k.developerId,
    developer_name: k.developerName,
    connection_id: k.connectionId,
    status: k.state,
    key_hint: k.hint,
    project_name: k.scopeName,
    suspended_until: k.state === 'suspended' ? iso(k.suspendedUntil) : null,
    month_spend_usd: k.monthSpendUsd,
    spend_checked_at: iso(k.spendCheckedAt),
    budget_limit_usd: k.budgetLimitUsd,
    rate_limit_rpm: k.rateLimitRpm,
    models_allowed: k.modelsAllowed,
    description: k.description,
    expires_at: k.expiresAt.toISOString(),
    instructions: k.instructions,
    enforcement: capabilities ? enforcementOf(capabilities) : {},
    drift: k.drift !== null,
    drift_details: k.drift,
    drift_checked_at: iso(k.driftCheckedAt),
    rotated_from: k.rotatedFrom,
    superseded_by: k.supersededBy,
    revoke_after: iso(k.revokeAfter),
    last_error: k.lastError,
    revoke_attempts: k.revokeAttempts,
    revoked_at: iso(k.revokedAt),
    created_at: k.createdAt.toISOString(),
    updated_at: k.updatedAt.toISOString(),
  };
}

export function enforcementOf(capabilities: VendorCapabilities): Record<string, FieldEnforcementDto> {
  return Object.fromEntries(Object.entries(capabilities.fields).map(([field, c]) => [field, { enforced_by: c.enforcement, note: c.note }]));
}

/** The provision/rotate response without the secret: what an idempotent replay returns. */
export function toProvisionedMetadata(k: IssuedKey, capabilities: VendorCapabilities): ProvisionedKeyDto {
  const instructions = (k.instructions ?? {}) as { base_url?: string; auth_header?: string };
  return {
    key_id: k.id,
    vendor: k.vendor,
    key_hint: k.hint,
    project_name: k.scopeName,
    budget_limit_usd: k.budgetLimitUsd,
    rate_limit_rpm: k.rateLimitRpm,
    models_allowed: k.modelsAllowed,
    expires_at: k.expiresAt.toISOString(),
    status: k.state,
    instructions: { ...instructions, base_url: instructions.base_url ?? '', auth_header: instructions.auth_header ?? '' },
    enforcement: enforcementOf(capabilities),
    rotated_from: k.rotatedFrom,
  };
}
