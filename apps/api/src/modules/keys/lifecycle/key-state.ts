export const KEY_STATES = ['pending', 'active', 'awaiting_key', 'suspended', 'revoking', 'revoked', 'expired', 'failed', 'revoke_failed'] as const;
export type KeyState = (typeof KEY_STATES)[number];

/**
 * States in which a vendor object may exist and KeyGate still owes it an end. `suspended`: the monthly budget
 * is spent, the key is disabled at the vendor until `suspended_until` (the start of the next UTC month).
 */
export const LIVE_STATES: readonly KeyState[] = ['pending', 'active', 'awaiting_key', 'suspended', 'revoking', 'revoke_failed'];
/** States a user can revoke from. */
export const REVOCABLE_STATES: readonly KeyState[] = ['active', 'awaiting_key', 'suspended'];
export const TERMINAL_STATES: readonly KeyState[] = ['revoked', 'expired', 'failed'];

export type RevokeReason = 'revoked' | 'expired' | 'rotated' | 'offboarded';

/** The state a finished revocation lands in. */
export function finalStateFor(reason: RevokeReason): KeyState {
  return reason === 'expired' ? 'expired' : 'revoked';
}
