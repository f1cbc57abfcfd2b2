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
 * A 256-bit key for one purpose, derived with HKDF-SHA-256, so keys for different purposes are
 * independent and one root secret is enough.
 * Derived from a MasterKey, the key changes when the master key is rotated, and everything keyed by
 * it (fingerprints, token hashes) stops matching. To survive rotation, derive from a sealed root
 * key instead (`createSealedKey`): it is rewrapped with the other records and never changes.
 */
export function deriveKey(root: MasterKey | Buffer, purpose: KeyPurpose): Buffer {
  if (!PURPOSE_PATTERN.test(purpose)) {
    throw new CryptoError('invalid_key', 'Key purpose must be kebab-case, for example "fingerprint".');
  }
  const material = root instanceof MasterKey ? readMaterial(root) : root;
  assertHmacKey(material);
  const info = `keygate:${purpose}`;
  return Buffer.from(hkdfSync('sha256', material, HKDF_SALT, info, DERIVED_KEY_BYTES));
}

/** HMAC keys shorter than 256 bits are refused. */
export function assertHmacKey(key: Buffer): void {
  if (key.length < DERIVED_KEY_BYTES) {
    throw new CryptoError(
      'invalid_key',
      `Key must be at least ${DERIVED_KEY_BYTES} bytes; use deriveKey() or createSealedKey().`,
    );
  }
}
