import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CryptoError } from './crypto.errors';
import { assertHmacKey } from './key-derivation';

const PREFIX_PATTERN = /^[a-z][a-z0-9]{0,15}$/;
const ID_BYTES = 8;
const SECRET_BYTES = 32;
const HEX_PATTERN = /^(?:[0-9a-f]{2})*$/i;

export interface GeneratedToken {
  /** Non-secret lookup id (16 hex characters). */
  id: string;
  /** 256-bit url-safe secret; store only `hashToken(secret, key)`. */
  secret: string;
  /** What the user receives once: `<prefix>_<id>_<secret>`. */
  token: string;
}

export function generateToken(prefix: string): GeneratedToken {
  assertPrefix(prefix);
  const id = randomBytes(ID_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id, secret, token: `${prefix}_${id}_${secret}` };
}

/** Splits a presented token; null when it is not a well-formed token with this prefix. */
export function parseToken(token: string, prefix: string): { id: string; secret: string } | null {
  assertPrefix(prefix);
  const match = new RegExp(`^${prefix}_([0-9a-f]{${ID_BYTES * 2}})_([A-Za-z0-9_-]{43})$`).exec(token);
  return match === null ? null : { id: match[1], secret: match[2] };
}

/** HMAC-SHA-256 (hex) of a token secret; a database leak alone does not allow offline guessing. */
export function hashToken(secret: string, key: Buffer): string {
  assertHmacKey(key);
  return createHmac('sha256', key).update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex strings; false for different lengths or non-hex input. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length || !HEX_PATTERN.test(a) || !HEX_PATTERN.test(b)) {
    return false;
  }
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function assertPrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new CryptoError(
      'invalid_key',
      'Token prefix must be 1-16 lowercase letters or digits, starting with a letter.',
    );
  }
}
