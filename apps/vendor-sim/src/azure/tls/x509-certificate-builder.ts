import { createHash, type KeyObject, randomBytes, sign } from 'node:crypto';
import {
  derBitString,
  derBoolean,
  derExplicit,
  derImplicitPrimitive,
  derNamedBits,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSet,
  derSmallInteger,
  derTime,
  derUnsignedInteger,
  derUtf8String,
} from '@sim/azure/tls/der-encoder';

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

const KEY_USAGE = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;

export interface CertificateSubject {
  commonName: string;
  organization?: string;
}

export interface CertificateRequest {
  subject: CertificateSubject;
  subjectPublicKey: KeyObject;
  issuer: CertificateSubject;
  issuerPrivateKey: KeyObject;
  /** The issuer's public key, for the authority key identifier. */
  issuerPublicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  isCertificateAuthority: boolean;
  /** Server names (DNS) and IPv4 addresses for the subjectAltName extension. */
  dnsNames?: string[];
  ipAddresses?: string[];
}

function encodeName(subject: CertificateSubject): Buffer {
  const attributes = [derSet(derSequence(derOid(OID.commonName), derUtf8String(subject.commonName)))];
  if (subject.organization !== undefined) {
    attributes.push(derSet(derSequence(derOid(OID.organization), derUtf8String(subject.organization))));
  }
  return derSequence(...attributes);
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? derSequence(derOid(oid), derBoolean(true), derOctetString(value))
    : derSequence(derOid(oid), derOctetString(value));
}

function ipv4Bytes(address: string): Buffer {
  const parts = address.split('.').map((part) => Number.parseInt(part, 10));
  if (parts.length !== 4 || parts.some((part) => !(part >= 0 && part <= 255))) {
    throw new RangeError(`not an IPv4 address: ${address}`);
  }
  return Buffer.from(parts);
}

function encodeExtensions(request: CertificateRequest): Buffer {
  const extensions = [
    extension(
      OID.basicConstraints,
      true,
      request.isCertificateAuthority ? derSequence(derBoolean(true)) : derSequence(),
    ),
    extension(
      OID.keyUsage,
      true,
      derNamedBits(
        request.isCertificateAuthority
          ? [KEY_USAGE.digitalSignature, KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign]
          : [KEY_USAGE.digitalSignature, KEY_USAGE.keyEncipherment],
      ),
    ),
    extension(OID.subjectKeyIdentifier, false, derOctetString(keyIdentifier(request.subjectPublicKey))),
    extension(
      OID.authorityKeyIdentifier,
      false,
      derSequence(derImplicitPrimitive(0, keyIdentifier(request.issuerPublicKey))),
    ),
  ];
  if (!request.isCertificateAuthority) {
    extensions.push(extension(OID.extKeyUsage, false, derSequence(derOid(OID.serverAuth))));
  }
  const names = [
    ...(request.dnsNames ?? []).map((name) => derImplicitPrimitive(2, Buffer.from(name, 'ascii'))),
    ...(request.ipAddresses ?? []).map((address) => derImplicitPrimitive(7, ipv4Bytes(address))),
  ];
  if (names.length > 0) extensions.push(extension(OID.subjectAltName, false, derSequence(...names)));
  return derExplicit(3, derSequence(...extensions));
}

function signatureAlgorithm(signer: KeyObject): Buffer {
  switch (signer.asymmetricKeyType) {
    case 'ec':
      return derSequence(derOid(OID.ecdsaWithSha256));
    case 'rsa':
      return derSequence(derOid(OID.sha256WithRsa), derNull());
    default:
      throw new RangeError(`unsupported signing key type: ${String(signer.asymmetricKeyType)}`);
  }
}

/** Builds and signs an X.509 v3 certificate; returns it PEM-encoded. */
export function buildCertificate(request: CertificateRequest): string {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const algorithm = signatureAlgorithm(request.issuerPrivateKey);
  const tbsCertificate = derSequence(
    derExplicit(0, derSmallInteger(2)),
    derUnsignedInteger(serial),
    algorithm,
    encodeName(request.issuer),
    derSequence(derTime(request.notBefore), derTime(request.notAfter)),
    encodeName(request.subject),
    request.subjectPublicKey.export({ type: 'spki', format: 'der' }),
    encodeExtensions(request),
  );
  const signature = sign('sha256', tbsCertificate, request.issuerPrivateKey);
  const certificate = derSequence(tbsCertificate, algorithm, derBitString(signature));
  const lines = certificate.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
