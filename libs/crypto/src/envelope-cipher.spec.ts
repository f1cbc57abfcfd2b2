import { CryptoError } from './crypto.errors';
import { EnvelopeCipher } from './envelope-cipher';
import { Keyring } from './keyring';
import { MasterKey } from './master-key';
import { SealedSecret } from './sealed-secret';

const ROW = 'vendor_connections|admin_credential|conn_01';
const SECRET = 'sk-admin-CANARY-0123456789abcdefghijklmnopqrstuvwxyz';

function cipherWith(current: MasterKey, ...previous: MasterKey[]): EnvelopeCipher {
  return new EnvelopeCipher(new Keyring(current, previous));
}

function flipBit(sealed: SealedSecret, field: keyof SealedSecret, bit: number): SealedSecret {
  const bytes = Buffer.from(String(sealed[field]), 'base64url');
  bytes[Math.floor(bit / 8) % bytes.length] ^= 1 << (bit % 8);
  return { ...sealed, [field]: bytes.toString('base64url') };
}

function errorOf(action: () => unknown): CryptoError {
  try {
    action();
  } catch (error) {
    if (error instanceof CryptoError) return error;
    throw error;
  }
  throw new Error('expected a CryptoError, but the call succeeded');
}

describe('EnvelopeCipher', () => {
  const key = MasterKey.generate();
  const cipher = cipherWith(key);

  it.each([
    ['an API key', SECRET],
    ['an empty string', ''],
    ['unicode text', 'clé secrète 🔑 ключ'],
    ['a large service-account JSON', JSON.stringify({ private_key: 'x'.repeat(64 * 1024) })],
  ])('decrypts %s back to the original', (_name, plaintext) => {
    expect(cipher.decrypt(cipher.encrypt(plaintext, ROW), ROW)).toBe(plaintext);
  });

  it('records the master key id and never stores the plaintext', () => {
    const sealed = cipher.encrypt(SECRET, ROW);
    expect(sealed.keyId).toBe(key.id);
    expect(JSON.stringify(sealed)).not.toContain('CANARY');
  });

  it('uses a fresh data key and nonces for every record', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index += 1) {
      const sealed = cipher.encrypt(SECRET, ROW);
      for (const value of [sealed.iv, sealed.wrapIv, sealed.wrappedKey, sealed.ciphertext]) {
        expect(seen.has(value)).toBe(false);
        seen.add(value);
      }
    }
  });

  it('survives a JSON round trip as stored in a jsonb column', () => {
    const stored: unknown = JSON.parse(JSON.stringify(cipher.encrypt(SECRET, ROW)));
    expect(cipher.decrypt(stored as SealedSecret, ROW)).toBe(SECRET);
  });

  it('refuses a record sealed under another master key and names the key id it needs', () => {
    const sealed = cipher.encrypt(SECRET, ROW);
    const other = MasterKey.generate();
    const error = errorOf(() => cipherWith(other).decrypt(sealed, ROW));
    expect(error.code).toBe('wrong_master_key');
    expect(error.message).toContain(key.id);
    expect(error.message).toContain(other.id);
    expect(error.details).toEqual({ requiredKeyId: key.id, availableKeyIds: [other.id] });
  });

  it('rejects a record moved to another row (different additional data)', () => {
    const sealed = cipher.encrypt(SECRET, ROW);
    expect(errorOf(() => cipher.decrypt(sealed, `${ROW}x`)).code).toBe('tampered');
    expect(errorOf(() => cipher.decrypt(sealed, '')).code).toBe('tampered');
  });

  const binaryFields = ['ciphertext', 'iv', 'tag', 'wrappedKey', 'wrapIv', 'wrapTag'] as const;
  it.each(binaryFields)('detects any single flipped bit in %s', (field) => {
    const sealed = cipher.encrypt(SECRET, ROW);
    const bits = Buffer.from(sealed[field], 'base64url').length * 8;
    for (let bit = 0; bit < bits; bit += 1) {
      const error = errorOf(() => cipher.decrypt(flipBit(sealed, field, bit), ROW));
      expect(error.code).toBe('tampered');
    }
  });

  it('detects a record whose key id was changed to another known key', () => {
    const newer = MasterKey.generate();
    const sealed = cipher.encrypt(SECRET, ROW);
    const relabelled = { ...sealed, keyId: newer.id };
    expect(errorOf(() => cipherWith(newer, key).decrypt(relabelled, ROW)).code).toBe('tampered');
  });

  it('never puts the plaintext or the additional data into error messages', () => {
    const sealed = cipher.encrypt(SECRET, ROW);
    const messages = [
      errorOf(() => cipher.decrypt(flipBit(sealed, 'tag', 3), ROW)).message,
      errorOf(() => cipher.decrypt(sealed, 'other-row')).message,
      errorOf(() => cipherWith(MasterKey.generate()).decrypt(sealed, ROW)).message,
    ];
    for (const message of messages) {
      expect(message).not.toContain('CANARY');
      expect(message).not.toContain(key.toBase64());
      expect(message).not.toContain(ROW);
    }
  });

  it.each([
    ['a missing field', (sealed: SealedSecret) => ({ ...sealed, tag: undefined })],
    ['an unknown version', (sealed: SealedSecret) => ({ ...sealed, version: 2 })],
    ['a truncated nonce', (sealed: SealedSecret) => ({ ...sealed, iv: sealed.iv.slice(0, 8) })],
    ['a non-base64 ciphertext', (sealed: SealedSecret) => ({ ...sealed, ciphertext: '!!' })],
    ['a null value', () => null],
  ])('reports %s as malformed', (_name, corrupt) => {
    const corrupted = corrupt(cipher.encrypt(SECRET, ROW)) as unknown as SealedSecret;
    expect(errorOf(() => cipher.decrypt(corrupted, ROW)).code).toBe('malformed');
  });
});

describe('EnvelopeCipher.rewrap (master key rotation)', () => {
  const oldKey = MasterKey.generate();
  const newKey = MasterKey.generate();

  it('re-wraps under the new key so the old key is no longer needed', () => {
    const sealed = cipherWith(oldKey).encrypt(SECRET, ROW);
    const rotating = cipherWith(newKey, oldKey);
    expect(rotating.needsRewrap(sealed)).toBe(true);
    expect(rotating.decrypt(sealed, ROW)).toBe(SECRET);

    const rewrapped = rotating.rewrap(sealed, ROW);
    expect(rewrapped.keyId).toBe(newKey.id);
    expect(rotating.needsRewrap(rewrapped)).toBe(false);
    expect(cipherWith(newKey).decrypt(rewrapped, ROW)).toBe(SECRET);
    expect(errorOf(() => cipherWith(oldKey).decrypt(rewrapped, ROW)).code).toBe('wrong_master_key');
  });

  it('keeps the ciphertext, its nonce and tag byte for byte', () => {
    const sealed = cipherWith(oldKey).encrypt(SECRET, ROW);
    const rewrapped = cipherWith(newKey, oldKey).rewrap(sealed, ROW);
    expect([rewrapped.ciphertext, rewrapped.iv, rewrapped.tag]).toEqual([
      sealed.ciphertext,
      sealed.iv,
      sealed.tag,
    ]);
    expect(rewrapped.wrappedKey).not.toBe(sealed.wrappedKey);
  });

  it('returns an already-current record unchanged', () => {
    const sealed = cipherWith(newKey).encrypt(SECRET, ROW);
    expect(cipherWith(newKey, oldKey).rewrap(sealed, ROW)).toEqual(sealed);
  });

  it('refuses to rewrap a record presented with another row id', () => {
    const sealed = cipherWith(oldKey).encrypt(SECRET, ROW);
    expect(errorOf(() => cipherWith(newKey, oldKey).rewrap(sealed, 'conn_02')).code).toBe('tampered');
  });

  it('cannot rewrap a record whose master key is absent from the keyring', () => {
    const sealed = cipherWith(oldKey).encrypt(SECRET, ROW);
    expect(errorOf(() => cipherWith(newKey).rewrap(sealed, ROW)).code).toBe('wrong_master_key');
  });
});
