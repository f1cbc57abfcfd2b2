import { createHmac, randomBytes, randomUUID } from 'node:crypto';

export const ARM_AUDIENCE = 'https://management.azure.com/';
export const COGNITIVE_AUDIENCE = 'https://cognitiveservices.azure.com';
const TOKEN_LIFETIME_SECONDS = 3599;

/** `.default` scopes the simulated tenant knows, and the audience each token is minted for. */
const AUDIENCE_BY_SCOPE: Record<string, string> = {
  'https://management.azure.com/.default': ARM_AUDIENCE,
  'https://management.azure.com//.default': ARM_AUDIENCE,
  'https://management.core.windows.net/.default': ARM_AUDIENCE,
  'https://management.core.windows.net//.default': ARM_AUDIENCE,
  'https://cognitiveservices.azure.com/.default': COGNITIVE_AUDIENCE,
};

export function audienceForScope(scope: string): string | undefined {
  const scopes = scope
    .split(' ')
    .filter((entry) => entry !== '' && !['openid', 'profile', 'offline_access'].includes(entry));
  if (scopes.length !== 1) return undefined;
  return AUDIENCE_BY_SCOPE[scopes[0] ?? ''];
}

export interface IssuedToken {
  audience: string;
  clientId: string;
  expiresAtMs: number;
}

export type TokenCheck =
  | { ok: true; token: IssuedToken }
  | {
      ok: false;
      reason: 'missing' | 'invalid' | 'expired' | 'audience';
      expiresAtMs?: number;
      audience?: string;
    };

/** Access tokens issued by the simulated Entra tenant (JWT-shaped, HMAC-signed, remembered server-side). */
export class EntraTokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly signingKey = randomBytes(32);

  constructor(
    private readonly tenantId: string,
    /** Wall-clock time: MSAL caches tokens by its own clock, so advancing the simulator clock must not expire them. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  issue(clientId: string, audience: string): { accessToken: string; expiresIn: number } {
    const nowSeconds = Math.floor(this.nowMs() / 1000);
    const header = { typ: 'JWT', alg: 'HS256', kid: 'keygate-sim' };
    const claims = {
      aud: audience,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
      appid: clientId,
      idtyp: 'app',
      oid: randomUUID(),
      tid: this.tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(claims)}`;
    const accessToken = `${unsigned}.${createHmac('sha256', this.signingKey).update(unsigned).digest('base64url')}`;
    this.tokens.set(accessToken, { audience, clientId, expiresAtMs: claims.exp * 1000 });
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  check(authorization: string | undefined, expectedAudience: string): TokenCheck {
    if (authorization === undefined || authorization === '') return { ok: false, reason: 'missing' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match === null ? undefined : this.tokens.get(match[1] ?? '');
    if (token === undefined) return { ok: false, reason: 'invalid' };
    if (token.expiresAtMs <= this.nowMs())
      return { ok: false, reason: 'expired', expiresAtMs: token.expiresAtMs };
    if (token.audience !== expectedAudience)
      return { ok: false, reason: 'audience', audience: token.audience };
    return { ok: true, token };
  }

  clear(): void {
    this.tokens.clear();
  }
}
