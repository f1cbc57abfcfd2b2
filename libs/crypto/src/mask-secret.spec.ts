import { randomBytes, randomInt } from 'node:crypto';
import { maskSecret } from './mask-secret';

const VENDOR_PREFIXES = [
  'sk-ant-admin01-',
  'sk-ant-api03-',
  'sk-admin-',
  'sk-svcacct-',
  'sk-proj-',
  'sk-',
  'AIza',
];

function randomBody(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Literal vendor prefixes carry no entropy, so the mask may keep them. */
const PUBLIC_PREFIXES = ['', ...VENDOR_PREFIXES, 'sk-ant-', 'sk-None-', 'kg_'];

/** Characters of the secret's random part that the mask reveals. */
function revealed(mask: string, prefix: string): string {
  expect(mask.startsWith(`${prefix}…`)).toBe(true);
  return mask.slice(prefix.length + 1);
}

describe('maskSecret', () => {
  it.each([
    ['sk-admin-AbCdEfGhIjKlMnOpQrStUvWxYz12', 'sk-admin-…Yz12'],
    ['sk-ant-admin01-AbCdEfGhIjKlMnOpQrStUvWxYz-9876', 'sk-ant-admin01-…9876'],
    ['sk-svcacct-AbCdEfGhIjKlMnOpQrStUvWxYz1234', 'sk-svcacct-…1234'],
    ['sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz5678', 'sk-proj-…5678'],
    ['0123456789abcdef0123456789abcdef', '…cdef'],
    ['  sk-admin-AbCdEfGhIjKlMnOpQrStUvWxYz12\n', 'sk-admin-…Yz12'],
  ])('keeps the vendor prefix and the last 4 characters of %s', (secret, mask) => {
    expect(maskSecret(secret)).toBe(mask);
  });

  it('shows fewer characters of short secrets and none of very short ones', () => {
    expect(maskSecret('abcdefghijklmno')).toBe('…mno');
    expect(maskSecret('abcdefghij')).toBe('…ij');
    expect(maskSecret('hunter2')).toBe('…');
    expect(maskSecret('sk-admin-short')).toBe('sk-admin-…');
    expect(maskSecret('')).toBe('…');
  });

  it('shows a service-account JSON as its client_email and the last 4 of private_key_id', () => {
    const json = JSON.stringify({
      type: 'service_account',
      client_email: 'keygate@acme.iam.gserviceaccount.com',
      private_key_id: '0123456789abcdef0123456789abcdef01234567',
      private_key:
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC\n-----END PRIVATE KEY-----\n',
    });
    expect(maskSecret(json)).toBe('keygate@acme.iam.gserviceaccount.com…4567');
  });

  it('reveals nothing of JSON that is not a service-account key', () => {
    expect(maskSecret('{"private_key":"-----BEGIN PRIVATE KEY-----abcdefghijklmnopqrstuvwxyz"}')).toBe('…');
    expect(maskSecret('{not json at all, but long enough to matter}')).toBe('…');
  });

  it('never reveals more than 4 characters of a random secret, whatever its prefix and length', () => {
    for (let round = 0; round < 5000; round += 1) {
      const prefix = round % 4 === 0 ? '' : VENDOR_PREFIXES[randomInt(VENDOR_PREFIXES.length)];
      const secret = prefix + randomBody(randomInt(0, 120));
      const mask = maskSecret(secret);
      const [kept, shown] = mask.split('…');
      expect(PUBLIC_PREFIXES).toContain(kept);
      expect(secret.startsWith(kept)).toBe(true);
      expect(secret.endsWith(shown)).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(4);
      if (secret.length - kept.length < 8) expect(shown).toBe('');
    }
  });

  it('never reveals any of the private key in a random service-account JSON', () => {
    for (let round = 0; round < 500; round += 1) {
      const privateKey = randomBody(randomInt(16, 200));
      const keyId = randomBody(randomInt(0, 40));
      const mask = maskSecret(
        JSON.stringify({
          client_email: 'a@b.iam.gserviceaccount.com',
          private_key_id: keyId,
          private_key: privateKey,
        }),
      );
      const shown = revealed(mask, 'a@b.iam.gserviceaccount.com');
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(keyId.endsWith(shown)).toBe(true);
    }
  });
});
