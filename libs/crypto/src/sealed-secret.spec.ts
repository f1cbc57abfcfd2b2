import { CryptoError } from './crypto.errors';
import { EnvelopeCipher } from './envelope-cipher';
import { Keyring } from './keyring';
import { MasterKey } from './master-key';
import { parseSealedSecret, sealedSecretFromString, sealedSecretToString } from './sealed-secret';

const cipher = new EnvelopeCipher(new Keyring(MasterKey.generate()));

describe('sealed secret serialisation', () => {
  it('round-trips through the compact string form and still decrypts', () => {
    const sealed = cipher.encrypt('azure-key-0123456789abcdef', 'conn_1');
    const text = sealedSecretToString(sealed);
    expect(text).toMatch(/^kg1\.[0-9a-f]{8}(\.[A-Za-z0-9_-]*){6}$/);
    expect(sealedSecretFromString(text)).toEqual(sealed);
    expect(cipher.decrypt(parseSealedSecret(text), 'conn_1')).toBe('azure-key-0123456789abcdef');
  });

  it('keeps an empty ciphertext readable in the string form', () => {
    const sealed = cipher.encrypt('', 'row');
    expect(cipher.decrypt(sealedSecretFromString(sealedSecretToString(sealed)), 'row')).toBe('');
  });

  it.each([
    ['another prefix', (text: string) => text.replace(/^kg1/, 'kg2')],
    ['a missing part', (text: string) => text.split('.').slice(0, -1).join('.')],
    ['an extra part', (text: string) => `${text}.AAAA`],
    ['plain text', () => 'sk-admin-not-encrypted'],
  ])('rejects a string with %s as malformed', (_name, corrupt) => {
    const text = corrupt(sealedSecretToString(cipher.encrypt('x', 'row')));
    expect(() => sealedSecretFromString(text)).toThrow(
      expect.objectContaining({ code: 'malformed' }) as CryptoError,
    );
  });

  it('rejects a non-canonical base64 encoding of an otherwise valid tag', () => {
    const sealed = cipher.encrypt('x', 'row');
    const last = sealed.tag.at(-1) ?? 'A';
    // 16 bytes use 22 characters; the low bits of the last one are padding and ignored by decoders.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1];
    const tampered = { ...sealed, tag: sealed.tag.slice(0, -1) + sibling };
    expect(() => parseSealedSecret(tampered)).toThrow(/canonical/);
  });
});
