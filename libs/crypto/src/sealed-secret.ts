import { GCM_IV_BYTES, GCM_KEY_BYTES, GCM_TAG_BYTES } from './aes-gcm';
import { CryptoError } from './crypto.errors';

export const SEALED_SECRET_VERSION = 1;
const STRING_PREFIX = 'kg1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An envelope-encrypted value: the data key (wrapped by master key `keyId`) and the ciphertext,
 * each with its own GCM nonce and tag. Binary fields are base64url. JSON-serialisable as is; the
 * compact string form is `kg1.<keyId>.<wrappedKey>.<wrapIv>.<wrapTag>.<iv>.<ciphertext>.<tag>`.
 */
export interface SealedSecret {
  version: typeof SEALED_SECRET_VERSION;
  keyId: string;
  wrappedKey: string;
  wrapIv: string;
  wrapTag: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

const FIELD_BYTES: Record<Exclude<keyof SealedSecret, 'version' | 'keyId'>, number | undefined> = {
  wrappedKey: GCM_KEY_BYTES,
  wrapIv: GCM_IV_BYTES,
  wrapTag: GCM_TAG_BYTES,
  iv: GCM_IV_BYTES,
  ciphertext: undefined,
  tag: GCM_TAG_BYTES,
};
const BINARY_FIELDS = Object.keys(FIELD_BYTES) as (keyof typeof FIELD_BYTES)[];

/** Validates a value read from storage (for example a jsonb column) and returns it typed. */
export function parseSealedSecret(value: unknown): SealedSecret {
  if (typeof value === 'string') {
    return sealedSecretFromString(value);
  }
  if (typeof value !== 'object' || value === null) {
    throw malformed('not an object');
  }
  const record = value as Record<string, unknown>;
  if (record.version !== SEALED_SECRET_VERSION) {
    throw malformed(`unsupported version ${JSON.stringify(record.version) ?? 'undefined'}`);
  }
  if (typeof record.keyId !== 'string' || !KEY_ID.test(record.keyId)) {
    throw malformed('bad keyId');
  }
  const sealed: SealedSecret = { version: SEALED_SECRET_VERSION, keyId: record.keyId, ...emptyFields() };
  for (const field of BINARY_FIELDS) {
    sealed[field] = checkBinaryField(field, record[field]);
  }
  return sealed;
}

export function sealedSecretToString(sealed: SealedSecret): string {
  const checked = parseSealedSecret(sealed);
  return [STRING_PREFIX, checked.keyId, ...BINARY_FIELDS.map((field) => checked[field])].join('.');
}

export function sealedSecretFromString(value: string): SealedSecret {
  const parts = value.trim().split('.');
  if (parts[0] !== STRING_PREFIX || parts.length !== 2 + BINARY_FIELDS.length) {
    throw malformed('not a kg1 sealed string');
  }
  const record: Record<string, unknown> = { version: SEALED_SECRET_VERSION, keyId: parts[1] };
  BINARY_FIELDS.forEach((field, index) => (record[field] = parts[index + 2]));
  return parseSealedSecret(record);
}

export function decodeField(sealed: SealedSecret, field: keyof typeof FIELD_BYTES): Buffer {
  return Buffer.from(sealed[field], 'base64url');
}

function checkBinaryField(field: keyof typeof FIELD_BYTES, value: unknown): string {
  if (typeof value !== 'string' || !BASE64URL.test(value)) {
    throw malformed(`${field} is not base64url`);
  }
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) {
    throw malformed(`${field} is not canonical base64url`);
  }
  const expected = FIELD_BYTES[field];
  const length = bytes.length;
  if (expected !== undefined && length !== expected) {
    throw malformed(`${field} has ${length} bytes, expected ${expected}`);
  }
  return value;
}

function emptyFields(): Omit<SealedSecret, 'version' | 'keyId'> {
  return { wrappedKey: '', wrapIv: '', wrapTag: '', iv: '', ciphertext: '', tag: '' };
}

function malformed(problem: string): CryptoError {
  return new CryptoError('malformed', `Stored secret is not a readable sealed secret: ${problem}.`);
}
