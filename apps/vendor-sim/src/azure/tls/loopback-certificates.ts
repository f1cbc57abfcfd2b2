import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  X509Certificate,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCertificate } from '@sim/azure/tls/x509-certificate-builder';

export interface LoopbackTlsMaterial {
  /** PEM of the simulator's certificate authority: what a client trusts (`tlsOptions.ca`). */
  caPem: string;
  /** PEM key and certificate for the HTTPS listener (127.0.0.1 and localhost). */
  serverKeyPem: string;
  serverCertPem: string;
}

interface CertificateAuthority {
  privateKey: KeyObject;
  publicKey: KeyObject;
  certPem: string;
}

const CA_SUBJECT = { commonName: 'KeyGate Vendor Simulator Local CA', organization: 'KeyGate vendor-sim' };
const DAY_MS = 24 * 60 * 60 * 1000;
const CA_KEY_FILE = 'azure-sim-ca.key.pem';
const CA_CERT_FILE = 'azure-sim-ca.cert.pem';

function newCertificateAuthority(now: Date): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certPem = buildCertificate({
    subject: CA_SUBJECT,
    subjectPublicKey: publicKey,
    issuer: CA_SUBJECT,
    issuerPrivateKey: privateKey,
    issuerPublicKey: publicKey,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 3650 * DAY_MS),
    isCertificateAuthority: true,
  });
  return { privateKey, publicKey, certPem };
}

async function readStoredAuthority(dataDir: string, now: Date): Promise<CertificateAuthority | null> {
  try {
    const keyPem = await readFile(join(dataDir, CA_KEY_FILE), 'utf8');
    const certPem = await readFile(join(dataDir, CA_CERT_FILE), 'utf8');
    const certificate = new X509Certificate(certPem);
    if (new Date(certificate.validTo).getTime() < now.getTime() + 30 * DAY_MS) return null;
    const privateKey = createPrivateKey(keyPem);
    return { privateKey, publicKey: createPublicKey(privateKey), certPem };
  } catch {
    return null;
  }
}

/** Keeps the CA across restarts when a data directory is given, so a configured trust stays valid. */
async function loadOrCreateAuthority(dataDir: string | undefined, now: Date): Promise<CertificateAuthority> {
  if (dataDir === undefined) return newCertificateAuthority(now);
  const stored = await readStoredAuthority(dataDir, now);
  if (stored !== null) return stored;
  const created = newCertificateAuthority(now);
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, CA_KEY_FILE), created.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  await writeFile(join(dataDir, CA_CERT_FILE), created.certPem);
  return created;
}

export async function createLoopbackTls(
  dataDir: string | undefined,
  now = new Date(),
): Promise<LoopbackTlsMaterial> {
  const authority = await loadOrCreateAuthority(dataDir, now);
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serverCertPem = buildCertificate({
    subject: { commonName: '127.0.0.1', organization: 'KeyGate vendor-sim' },
    subjectPublicKey: server.publicKey,
    issuer: CA_SUBJECT,
    issuerPrivateKey: authority.privateKey,
    issuerPublicKey: authority.publicKey,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 365 * DAY_MS),
    isCertificateAuthority: false,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
  return {
    caPem: authority.certPem,
    serverKeyPem: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    serverCertPem,
  };
}
