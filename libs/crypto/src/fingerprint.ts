import { createHmac } from 'node:crypto';
import { assertHmacKey } from './key-derivation';

export const FINGERPRINT_PREFIX = 'fp1_';

/**
 * A keyed, versioned fingerprint of a secret (HMAC-SHA-256, hex), so a leaked key can be traced to
 * its row without storing the key or anything an attacker with the database can brute-force.
 * The secret is fingerprinted exactly as given; trim user input before looking one up.
 */
export function fingerprintSecret(secret: string, key: Buffer): string {
  assertHmacKey(key);
  return FINGERPRINT_PREFIX + createHmac('sha256', key).update(secret, 'utf8').digest('hex');
}
