import type { VendorKeyRef } from '@keygate/provisioners';
import type { KeyState, RevokeReason } from './key-state';

/** One row of issued_keys, as the services see it. Never holds a secret. */
export interface IssuedKey {
  id: string;
  organizationId: string;
  developerId: string;
  /** Only on reads that join it in. */
  developerName: string | null;
  connectionId: string;
  vendor: string;
  state: KeyState;
  intentId: string;
  scopeId: string | null;
  scopeName: string | null;
  vendorKeyId: string | null;
  vendorRefs: Record<string, string>;
  steps: Array<{ step: string; at: string }>;
  hint: string | null;
  fingerprint: string | null;
  instructions: Record<string, unknown> | null;
  budgetLimitUsd: number;
  rateLimitRpm: number;
  modelsAllowed: string[] | null;
  description: string | null;
  expiresAt: Date;
  rotatedFrom: string | null;
  supersededBy: string | null;
  revokeAfter: Date | null;
  revokeReason: RevokeReason | null;
  createdBy: string | null;
  lastError: string | null;
  revokeAttempts: number;
  nextAttemptAt: Date | null;
  drift: Record<string, { expected: unknown; actual: unknown }> | null;
  driftCheckedAt: Date | null;
  activatedAt: Date | null;
  revokedAt: Date | null;
  /** `suspended`: when the key resumes. On an `active` key: a budget suspension decided, not yet confirmed at the vendor. */
  suspendedUntil: Date | null;
  /** Month-to-date cost last read from the vendor's report (budgets KeyGate enforces), and when. */
  monthSpendUsd: number | null;
  spendCheckedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Raw = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function issuedKeyFromRow(r: Raw): IssuedKey {
  return {
    id: r.id as string,
    organizationId: r.organization_id as string,
    developerId: r.developer_id as string,
    developerName: (r.developer_name as string | null | undefined) ?? null,
    connectionId: r.connection_id as string,
    vendor: r.vendor as string,
    state: r.state as KeyState,
    intentId: r.intent_id as string,
    scopeId: (r.scope_id as string | null) ?? null,
    scopeName: (r.scope_name as string | null) ?? null,
    vendorKeyId: (r.vendor_key_id as string | null) ?? null,
    vendorRefs: (r.vendor_refs as Record<string, string> | null) ?? {},
    steps: (r.steps as IssuedKey['steps'] | null) ?? [],
    hint: (r.hint as string | null) ?? null,
    fingerprint: (r.fingerprint as string | null) ?? null,
    instructions: (r.instructions as Record<string, unknown> | null) ?? null,
    budgetLimitUsd: Number(r.budget_limit_usd),
    rateLimitRpm: Number(r.rate_limit_rpm),
    modelsAllowed: (r.models_allowed as string[] | null) ?? null,
    description: (r.description as string | null) ?? null,
    expiresAt: new Date(r.expires_at as string),
    rotatedFrom: (r.rotated_from as string | null) ?? null,
    supersededBy: (r.superseded_by as string | null) ?? null,
    revokeAfter: date(r.revoke_after),
    revokeReason: (r.revoke_reason as RevokeReason | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    revokeAttempts: Number(r.revoke_attempts ?? 0),
    nextAttemptAt: date(r.next_attempt_at),
    drift: (r.drift as IssuedKey['drift']) ?? null,
    driftCheckedAt: date(r.drift_checked_at),
    activatedAt: date(r.activated_at),
    revokedAt: date(r.revoked_at),
    suspendedUntil: date(r.suspended_until),
    monthSpendUsd: r.month_spend_usd === null || r.month_spend_usd === undefined ? null : Number(r.month_spend_usd),
    spendCheckedAt: date(r.spend_checked_at),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

/** What a provisioner needs to find the key again at the vendor. */
export function vendorRefOf(key: IssuedKey): VendorKeyRef {
  return { scopeId: key.scopeId ?? '', scopeName: key.scopeName ?? '', vendorKeyId: key.vendorKeyId, refs: key.vendorRefs };
}
