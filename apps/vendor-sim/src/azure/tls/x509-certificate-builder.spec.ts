import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { buildCertificate } from '@sim/azure/tls/x509-certificate-builder';

describe('buildCertificate', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caSubject = { commonName: 'Test CA', organization: 'KeyGate' };
  const caPem = buildCertificate({
    subject: caSubject,
    subjectPublicKey: ca.publicKey,
    issuer: caSubject,
    issuerPrivateKey: ca.privateKey,
    issuerPublicKey: ca.publicKey,
    notBefore: now,
    notAfter: new Date('2060-01-01T00:00:00Z'),
    isCertificateAuthority: true,
  });

  it('builds a self-signed CA certificate that OpenSSL parses and verifies', () => {
    const certificate = new X509Certificate(caPem);
    expect(certificate.ca).toBe(true);
    expect(certificate.subject).toBe('CN=Test CA\nO=KeyGate');
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(new Date(certificate.validTo).toISOString()).toBe('2060-01-01T00:00:00.000Z');
  });

  it('issues a server certificate for loopback names, signed by the CA', () => {
    const server = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const leaf = new X509Certificate(
      buildCertificate({
        subject: { commonName: '127.0.0.1' },
        subjectPublicKey: server.publicKey,
        issuer: caSubject,
        issuerPrivateKey: ca.privateKey,
        issuerPublicKey: ca.publicKey,
        notBefore: now,
        notAfter: new Date('2027-11-23T00:00:00Z'),
        isCertificateAuthority: false,
        dnsNames: ['localhost'],
        ipAddresses: ['127.0.0.1'],
      }),
    );
    expect(leaf.ca).toBe(false);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(leaf.checkIssued(new X509Certificate(caPem))).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.publicKey.export({ type: 'spki', format: 'der' })).toEqual(
      server.publicKey.export({ type: 'spki', format: 'der' }),
    );
  });

  it('signs with RSA issuers too (the certificates Google publishes for service-account keys)', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const subject = { commonName: 'a'.repeat(40) };
    const pem = buildCertificate({
      subject,
      subjectPublicKey: pair.publicKey,
      issuer: subject,
      issuerPrivateKey: pair.privateKey,
      issuerPublicKey: pair.publicKey,
      notBefore: now,
      notAfter: new Date('2036-11-23T00:00:00Z'),
      isCertificateAuthority: false,
    });
    expect(new X509Certificate(pem).verify(pair.publicKey)).toBe(true);
  });
});
