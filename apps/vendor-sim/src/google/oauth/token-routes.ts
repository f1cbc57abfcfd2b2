import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { credentialNowMs, credentialNowSeconds } from '@sim/google/oauth/credential-time';
import { decodeJwt, signedBy, stringClaim, withinLifetime } from '@sim/google/oauth/jwt';
import type { GoogleWorld } from '@sim/google/world/google-world';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The audiences Google accepts in a service-account assertion. */
const TOKEN_AUDIENCES = ['https://oauth2.googleapis.com/token', 'https://www.googleapis.com/oauth2/v4/token'];
const TOKEN_LIFETIME_SECONDS = 3599;

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

function field(body: unknown, name: string): string | undefined {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * `POST /token`, the JWT-bearer grant of oauth2.googleapis.com: the assertion names no key, so it is
 * checked against every active key of the account in `iss`.
 */
export function registerTokenRoutes(app: FastifyInstance, world: GoogleWorld): void {
  app.post('/token', (request, reply) => {
    if (field(request.body, 'grant_type') !== JWT_BEARER) {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        'Invalid grant_type: ' + (field(request.body, 'grant_type') ?? ''),
      );
    }
    const jwt = decodeJwt(field(request.body, 'assertion') ?? '');
    if (jwt === null) return oauthError(reply, 400, 'invalid_grant', 'Invalid JWT: could not be decoded.');
    const audience = stringClaim(jwt, 'aud');
    if (audience === undefined || !TOKEN_AUDIENCES.includes(audience)) {
      return oauthError(reply, 400, 'invalid_grant', 'Invalid JWT: Failed audience check.');
    }
    if (!withinLifetime(jwt, credentialNowSeconds())) {
      return oauthError(
        reply,
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      );
    }
    const account = world.findServiceAccount(stringClaim(jwt, 'iss') ?? '');
    if (account === undefined)
      return oauthError(reply, 400, 'invalid_grant', 'Invalid grant: account not found');
    if (account.disabled) return oauthError(reply, 400, 'invalid_grant', 'Invalid grant: account disabled');
    const key = world
      .keysOf(account)
      .find((candidate) => !candidate.disabled && signedBy(jwt, candidate.publicKey));
    if (key === undefined) return oauthError(reply, 400, 'invalid_grant', 'Invalid JWT Signature.');
    const scopes = (stringClaim(jwt, 'scope') ?? '').split(' ').filter((scope) => scope !== '');
    if (scopes.length === 0) {
      return oauthError(reply, 400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    }
    const accessToken = `ya29.c.${randomBytes(48).toString('base64url')}`;
    world.tokens.set(accessToken, {
      email: account.email,
      serviceAccountUniqueId: account.uniqueId,
      keyId: key.keyId,
      scopes,
      expiresAtMs: credentialNowMs() + TOKEN_LIFETIME_SECONDS * 1000,
    });
    return { access_token: accessToken, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' };
  });
}
