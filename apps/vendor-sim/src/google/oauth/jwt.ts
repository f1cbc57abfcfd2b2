import { type KeyObject, verify } from 'node:crypto';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function decodeSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart = '', claimsPart = '', signaturePart = ''] = parts;
  const header = decodeSegment(headerPart);
  const claims = decodeSegment(claimsPart);
  if (header === null || claims === null) return null;
  return {
    header,
    claims,
    signingInput: `${headerPart}.${claimsPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

/** RS256 only: the one algorithm Google service-account keys sign with. */
export function signedBy(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  if (jwt.header.alg !== 'RS256') return false;
  return verify('sha256', Buffer.from(jwt.signingInput), publicKey, jwt.signature);
}

export const numericClaim = (jwt: DecodedJwt, name: string): number | undefined => {
  const value = jwt.claims[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export const stringClaim = (jwt: DecodedJwt, name: string): string | undefined => {
  const value = jwt.claims[name];
  return typeof value === 'string' ? value : undefined;
};

/** Google's rule for assertions and self-signed tokens: at most one hour long, not expired, not from the future. */
export function withinLifetime(jwt: DecodedJwt, nowSeconds: number): boolean {
  const iat = numericClaim(jwt, 'iat');
  const exp = numericClaim(jwt, 'exp');
  if (iat === undefined || exp === undefined) return false;
  const skew = 300;
  return exp > iat && exp - iat <= 3600 && iat <= nowSeconds + skew && exp > nowSeconds - skew;
}
