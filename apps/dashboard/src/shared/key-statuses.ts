import type { KeyStatus } from '@/api/api-types';

export const keyStatusOptions: { value: KeyStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'awaiting_key', label: 'Awaiting key' },
  { value: 'suspended', label: 'Suspended (budget spent)' },
  { value: 'pending', label: 'Pending' },
  { value: 'revoking', label: 'Revoking' },
  { value: 'revoke_failed', label: 'Revoke failed' },
  { value: 'failed', label: 'Failed' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
];

/** States in which a key can still be used or bound, so revoke and rotate make sense. */
export const liveKeyStatuses = new Set(['active', 'awaiting_key', 'suspended', 'revoke_failed', 'pending']);

export function asKeyStatus(value: string | null | undefined): KeyStatus | undefined {
  return keyStatusOptions.find((option) => option.value === value)?.value;
}
