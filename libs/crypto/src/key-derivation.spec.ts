import { deriveKey } from './key-derivation';
import { fingerprintSecret } from './fingerprint';
import { MasterKey } from './master-key';

describe('deriveKey', () => {
  const master = MasterKey.generate();

  it('derives the same 32-byte key for the same master key and purpose', () => {
    const again = MasterKey.fromBase64(master.toBase64());
    expect(deriveKey(master, 'fingerprint')).toHaveLength(32);
    expect(deriveKey(again, 'fingerprint').equals(deriveKey(master, 'fingerprint'))).toBe(true);
  });

  it('derives independent keys per purpose and per master key', () => {
    const keys = [
      deriveKey(master, 'fingerprint'),
      deriveKey(master, 'refresh-token'),
      deriveKey(MasterKey.generate(), 'fingerprint'),
    ].map((key) => key.toString('hex'));
    expect(new Set(keys).size).toBe(3);
    expect(keys).not.toContain(Buffer.from(master.toBase64(), 'base64').toString('hex'));
  });

  it('refuses a purpose that is not kebab-case', () => {
    expect(() => deriveKey(master, '')).toThrow(/kebab-case/);
    expect(() => deriveKey(master, 'Finger Print')).toThrow(/kebab-case/);
  });
});

describe('fingerprintSecret', () => {
  const key = deriveKey(MasterKey.generate(), 'fingerprint');
  const secret = 'sk-svcacct-CANARY0123456789abcdefghijklmnop';

  it('is stable, versioned and does not contain the secret', () => {
    const fingerprint = fingerprintSecret(secret, key);
    expect(fingerprint).toBe(fingerprintSecret(secret, key));
    expect(fingerprint).toMatch(/^fp1_[0-9a-f]{64}$/);
    expect(fingerprint).not.toContain('CANARY');
  });

  it('depends on the key, so the database alone cannot confirm a guess', () => {
    const otherKey = deriveKey(MasterKey.generate(), 'fingerprint');
    expect(fingerprintSecret(secret, otherKey)).not.toBe(fingerprintSecret(secret, key));
  });

  it('distinguishes secrets that differ in one character', () => {
    expect(fingerprintSecret(`${secret}x`, key)).not.toBe(fingerprintSecret(`${secret}y`, key));
  });

  it('refuses a key shorter than 256 bits', () => {
    expect(() => fingerprintSecret(secret, Buffer.alloc(16, 7))).toThrow(/at least 32 bytes/);
  });
});

describe('deriveKey from a raw root key', () => {
  it('derives stable per-purpose keys from a 32-byte buffer and refuses a short one', () => {
    const root = Buffer.alloc(32, 9);
    expect(deriveKey(root, 'fingerprint').equals(deriveKey(Buffer.alloc(32, 9), 'fingerprint'))).toBe(true);
    expect(deriveKey(root, 'fingerprint').equals(deriveKey(root, 'access-token'))).toBe(false);
    expect(() => deriveKey(Buffer.alloc(8), 'fingerprint')).toThrow(/at least 32 bytes/);
  });
});
