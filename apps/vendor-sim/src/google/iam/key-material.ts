import { generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { buildCertificate } from '@sim/azure/tls/x509-certificate-builder';
import type { ServiceAccountKeyRecord, ServiceAccountRecord } from '@sim/google/world/google-records';

const generateKeyPairAsync = promisify(generateKeyPair);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RsaKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export async function generateRsaKeyPair(modulusLength: number): Promise<RsaKeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength,
    publicExponent: 0x10001,
  });
  return { privateKey, publicKey };
}

export const newKeyId = (): string => randomBytes(20).toString('hex');

/**
 * The JSON credentials file Google returns (base64) in `privateKeyData`. Its URLs are Google's own,
 * exactly as a real key file: clients must redirect the token exchange themselves.
 */
export function credentialsFile(account: ServiceAccountRecord, keyId: string, privateKey: KeyObject): string {
  const file = {
    type: 'service_account',
    project_id: account.projectId,
    private_key_id: keyId,
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: account.email,
    client_id: account.uniqueId,
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(account.email)}`,
    universe_domain: 'googleapis.com',
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The self-signed X.509 certificate Google publishes for every key, signed by the key itself at creation. */
export function selfSignedCertificate(keyId: string, pair: RsaKeyPair, validAfter: Date): string {
  const subject = { commonName: keyId };
  return buildCertificate({
    subject,
    subjectPublicKey: pair.publicKey,
    issuer: subject,
    issuerPrivateKey: pair.privateKey,
    issuerPublicKey: pair.publicKey,
    notBefore: validAfter,
    notAfter: new Date(validAfter.getTime() + 3650 * DAY_MS),
    isCertificateAuthority: false,
  });
}

/** `publicKeyData` for keys.get: the certificate, or the raw SubjectPublicKeyInfo. */
export function publicKeyData(key: ServiceAccountKeyRecord, publicKeyType: string): string | undefined {
  switch (publicKeyType) {
    case 'TYPE_X509_PEM_FILE':
      return Buffer.from(key.certificatePem).toString('base64');
    case 'TYPE_RAW_PUBLIC_KEY':
      return key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    default:
      return undefined;
  }
}
