import { hkdfSync } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import { MasterKey, readMaterial } from './master-key';

export const DERIVED_KEY_BYTES = 32;
const HKDF_SALT = 'keygate/hkdf/v1';
const PURPOSE_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** Well-known purposes; any other kebab-case purpose is accepted too. */
export type KeyPurpose =
  'fingerprint' | 'refresh-token' | 'access-token' | 'audit-checkpoint' | (string & {});

/**
 * A 256-bit key for one purpose, derived from the master key with HKDF-SHA-256, so KeyGate needs
 * only one root secret and keys for different purposes are independent.
 * Note: derived keys change when the master key is rotated; values keyed by them (fingerprints,
 * token hashes) must then be recomputed or looked up under both keys.
 */
export function deriveKey(master: MasterKey, purpose: KeyPurpose): Buffer {
  if (!PURPOSE_PATTERN.test(purpose)) {
    throw new CryptoError('invalid_key', 'Key purpose must be kebab-case, for example "fingerprint".');
  }
  const info = `keygate:${purpose}`;
  return Buffer.from(hkdfSync('sha256', readMaterial(master), HKDF_SALT, info, DERIVED_KEY_BYTES));
}

/** HMAC keys shorter than 256 bits are refused. */
export function assertHmacKey(key: Buffer): void {
  if (key.length < DERIVED_KEY_BYTES) {
    throw new CryptoError(
      'invalid_key',
      `HMAC key must be at least ${DERIVED_KEY_BYTES} bytes; use deriveKey().`,
    );
  }
}
