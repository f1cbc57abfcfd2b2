import { generateToken, hashToken, parseToken, timingSafeEqualHex } from './access-token';
import { deriveKey } from './key-derivation';
import { MasterKey } from './master-key';

describe('access tokens', () => {
  const key = deriveKey(MasterKey.generate(), 'access-token');

  it('generates <prefix>_<id>_<secret> with a 256-bit url-safe secret', () => {
    const { id, secret, token } = generateToken('kg');
    expect(token).toBe(`kg_${id}_${secret}`);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('never repeats an id or a secret', () => {
    const tokens = Array.from({ length: 500 }, () => generateToken('kg'));
    expect(new Set(tokens.map((token) => token.id)).size).toBe(500);
    expect(new Set(tokens.map((token) => token.secret)).size).toBe(500);
  });

  it('parses a presented token back into id and secret, even when the secret contains "_"', () => {
    let generated = generateToken('kg');
    while (!generated.secret.includes('_')) generated = generateToken('kg');
    expect(parseToken(generated.token, 'kg')).toEqual({ id: generated.id, secret: generated.secret });
  });

  it.each([
    ['another prefix', (token: string) => token.replace(/^kg_/, 'gh_')],
    ['a truncated secret', (token: string) => token.slice(0, -1)],
    ['trailing text', (token: string) => `${token}x`],
    ['a bearer prefix', (token: string) => `Bearer ${token}`],
  ])('rejects a token with %s', (_name, corrupt) => {
    expect(parseToken(corrupt(generateToken('kg').token), 'kg')).toBeNull();
  });

  it('verifies a secret against its stored hash and rejects any other secret', () => {
    const { secret } = generateToken('kg');
    const stored = hashToken(secret, key);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(timingSafeEqualHex(hashToken(secret, key), stored)).toBe(true);
    expect(timingSafeEqualHex(hashToken(generateToken('kg').secret, key), stored)).toBe(false);
    const otherKey = deriveKey(MasterKey.generate(), 'access-token');
    expect(timingSafeEqualHex(hashToken(secret, otherKey), stored)).toBe(false);
  });

  it('compares hex safely: unequal lengths and non-hex input are never equal', () => {
    expect(timingSafeEqualHex('abcd', 'abcd')).toBe(true);
    expect(timingSafeEqualHex('abcd', 'abce')).toBe(false);
    expect(timingSafeEqualHex('abcd', 'abcd00')).toBe(false);
    expect(timingSafeEqualHex('zz', 'zz')).toBe(false);
    expect(timingSafeEqualHex('abc', 'abc')).toBe(false);
  });

  it('refuses a prefix that would make tokens ambiguous', () => {
    expect(() => generateToken('k_g')).toThrow(/prefix/);
    expect(() => generateToken('')).toThrow(/prefix/);
  });
});
