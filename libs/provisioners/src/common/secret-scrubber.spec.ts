import { SecretScrubber } from './secret-scrubber';

describe('SecretScrubber', () => {
  it('removes a known secret wherever it appears, also JSON-escaped and base64-encoded', () => {
    const secret = 'Ab"cd\\efgh12345';
    const scrubber = new SecretScrubber([secret]);
    const text = `raw ${secret} json ${JSON.stringify(secret)} b64 ${Buffer.from(secret).toString('base64')}`;
    const out = scrubber.scrub(text);
    expect(out).not.toContain('efgh12345');
    expect(out).not.toContain(Buffer.from(secret).toString('base64'));
  });

  it('removes vendor-style keys, bearer tokens and api-key headers it was not told about', () => {
    const out = new SecretScrubber().scrub(
      'key sk-admin-abcdefghijklmnop and sk-ant-api03-XYZxyz123456 header Authorization: Bearer eyJhbGciOi.abc.def api-key: 0123456789abcdef',
    );
    expect(out).not.toMatch(/sk-admin-abc|sk-ant-api03-XYZ|eyJhbGciOi|0123456789abcdef/);
  });

  it('removes PEM blocks, complete or cut off', () => {
    const out = new SecretScrubber().scrub(
      'x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY----- y -----BEGIN RSA PRIVATE KEY-----\nMIIabc',
    );
    expect(out).not.toContain('MIIE');
    expect(out).not.toContain('MIIabc');
    expect(out.startsWith('x ')).toBe(true);
  });

  it('removes the private key inside a service-account JSON credential even when only the key is echoed', () => {
    const credential = JSON.stringify({ type: 'service_account', client_email: 'a@b.iam', private_key: 'supersecretmaterial' });
    const out = new SecretScrubber([credential]).scrub('upstream said: supersecretmaterial is bad');
    expect(out).toBe('upstream said: [redacted] is bad');
  });

  it('removes secret-named JSON fields from echoed bodies', () => {
    const out = new SecretScrubber().scrub('{"key1":"abcd1234","name":"acct","client_secret":"s3cr3t"}');
    expect(out).toBe('{"key1":"[redacted]","name":"acct","client_secret":"[redacted]"}');
  });

  it('leaves ordinary text alone', () => {
    expect(new SecretScrubber(['abc']).scrub('project kg-team-dev-12345678 not found')).toBe('project kg-team-dev-12345678 not found');
  });
});
