import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import { CryptoError } from './crypto.errors';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_ENV = 'KEYGATE_MASTER_KEY';
export const PREVIOUS_MASTER_KEYS_ENV = 'KEYGATE_PREVIOUS_MASTER_KEYS';

const KEY_ID_LABEL = 'keygate key id';
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

/** Key bytes live here, not on the instance, so they never show up in logs, JSON or inspection. */
const materials = new WeakMap<MasterKey, Buffer>();

/**
 * The key-encryption key. Its `id` is non-secret and stored with every sealed record, so a record
 * read under another key fails with a clear `wrong_master_key` error instead of garbage.
 */
export class MasterKey {
  readonly id: string;

  private constructor(material: Buffer, keyId?: string) {
    materials.set(this, material);
    this.id = keyId ?? deriveKeyId(material);
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytes(MASTER_KEY_BYTES));
  }

  /**
   * Accepts standard or url-safe base64 of exactly 32 bytes. `source` names where the value came
   * from in error messages (the value itself is never echoed).
   */
  static fromBase64(value: string, keyId?: string, source: string = MASTER_KEY_ENV): MasterKey {
    const text = value.trim();
    if (text === '' || !BASE64_PATTERN.test(text)) {
      throw invalidMasterKey(source, 'is not valid base64');
    }
    const material = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (material.length !== MASTER_KEY_BYTES) {
      throw invalidMasterKey(
        source,
        `decodes to ${material.length} bytes, expected exactly ${MASTER_KEY_BYTES}`,
      );
    }
    if (material.every((byte) => byte === material[0])) {
      throw invalidMasterKey(source, 'is a constant placeholder, not a random key');
    }
    if (keyId !== undefined && !KEY_ID_PATTERN.test(keyId)) {
      throw new CryptoError('invalid_master_key', 'Master key id must be 1-64 characters of [A-Za-z0-9_-].');
    }
    return new MasterKey(material, keyId);
  }

  toBase64(): string {
    return readMaterial(this).toString('base64');
  }

  equals(other: MasterKey): boolean {
    return timingSafeEqual(readMaterial(this), readMaterial(other));
  }

  toString(): string {
    return `MasterKey(${this.id})`;
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** Library-internal access to the key bytes; deliberately not exported from the package index. */
export function readMaterial(key: MasterKey): Buffer {
  const material = materials.get(key);
  if (material === undefined) {
    throw new CryptoError(
      'invalid_master_key',
      'Not a MasterKey created by MasterKey.generate() or fromBase64().',
    );
  }
  return material;
}

function deriveKeyId(material: Buffer): string {
  return createHmac('sha256', material).update(KEY_ID_LABEL).digest('hex').slice(0, 8);
}

function invalidMasterKey(source: string, problem: string): CryptoError {
  return new CryptoError(
    'invalid_master_key',
    `${source} ${problem}. It must be ${MASTER_KEY_BYTES} random bytes in base64, ` +
      'for example the output of `openssl rand -base64 32`.',
  );
}
