import { randomBytes } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import { EnvelopeCipher } from './envelope-cipher';
import { DERIVED_KEY_BYTES } from './key-derivation';
import { SealedSecret } from './sealed-secret';

/**
 * A random 256-bit server key stored sealed by the master key (for example the root of the HMAC
 * keys behind fingerprints and token hashes). Master key rotation only rewraps it, so every
 * fingerprint and token hash made with it stays valid.
 */
export function createSealedKey(cipher: EnvelopeCipher, aad: string): { key: Buffer; sealed: SealedSecret } {
  const key = randomBytes(DERIVED_KEY_BYTES);
  return { key, sealed: cipher.encrypt(key.toString('base64'), aad) };
}

export function openSealedKey(cipher: EnvelopeCipher, sealed: SealedSecret, aad: string): Buffer {
  const key = Buffer.from(cipher.decrypt(sealed, aad), 'base64');
  if (key.length !== DERIVED_KEY_BYTES) {
    throw new CryptoError('malformed', 'The sealed value is not a server key.');
  }
  return key;
}
