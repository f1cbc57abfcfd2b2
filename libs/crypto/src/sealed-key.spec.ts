import { CryptoErrorCode, isCryptoError } from './crypto.errors';
import { EnvelopeCipher } from './envelope-cipher';
import { fingerprintSecret } from './fingerprint';
import { deriveKey } from './key-derivation';
import { Keyring } from './keyring';
import { MasterKey } from './master-key';
import { composeAad } from './record-aad';
import { createSealedKey, openSealedKey } from './sealed-key';

const AAD = composeAad('server_keys', 'sealed', 'hmac-root');

describe('sealed server keys', () => {
  it('opens to the same 32 random bytes it was created with', () => {
    const cipher = new EnvelopeCipher(new Keyring(MasterKey.generate()));
    const { key, sealed } = createSealedKey(cipher, AAD);
    expect(key).toHaveLength(32);
    expect(openSealedKey(cipher, sealed, AAD).equals(key)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain(key.toString('base64'));
  });

  it('keeps fingerprints valid across a master key rotation', () => {
    const oldKey = MasterKey.generate();
    const newKey = MasterKey.generate();
    const before = new EnvelopeCipher(new Keyring(oldKey));
    const { key: root, sealed } = createSealedKey(before, AAD);
    const fingerprint = fingerprintSecret('sk-proj-leaked', deriveKey(root, 'fingerprint'));

    const rewrapped = new EnvelopeCipher(new Keyring(newKey, [oldKey])).rewrap(sealed, AAD);
    const after = new EnvelopeCipher(new Keyring(newKey));
    const reopened = openSealedKey(after, rewrapped, AAD);
    expect(fingerprintSecret('sk-proj-leaked', deriveKey(reopened, 'fingerprint'))).toBe(fingerprint);
  });

  it('refuses a sealed value that is not a server key', () => {
    const cipher = new EnvelopeCipher(new Keyring(MasterKey.generate()));
    const notAKey = cipher.encrypt('sk-admin-credential', AAD);
    expect(thrownCode(() => openSealedKey(cipher, notAKey, AAD))).toBe('malformed');
  });
});

describe('composeAad', () => {
  it('gives different strings for part lists that would collide when simply joined', () => {
    expect(composeAad('a|b', 'c')).not.toBe(composeAad('a', 'b|c'));
    expect(composeAad('ab', 'c')).not.toBe(composeAad('a', 'bc'));
    expect(composeAad('table', 'column', 'row')).toBe(composeAad('table', 'column', 'row'));
  });

  it('makes a value sealed for one column unreadable from another column of the same row', () => {
    const cipher = new EnvelopeCipher(new Keyring(MasterKey.generate()));
    const sealed = cipher.encrypt('secret', composeAad('vendor_connections', 'credential', 'conn_1'));
    const otherColumn = composeAad('vendor_connections', 'webhook_secret', 'conn_1');
    expect(thrownCode(() => cipher.decrypt(sealed, otherColumn))).toBe('tampered');
  });
});

function thrownCode(action: () => unknown): CryptoErrorCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (isCryptoError(error)) return error.code;
    throw error;
  }
}
