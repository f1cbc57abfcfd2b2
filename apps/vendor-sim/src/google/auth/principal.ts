import type { FastifyRequest } from 'fastify';
import { credentialNowMs, credentialNowSeconds } from '@sim/google/oauth/credential-time';
import { decodeJwt, signedBy, stringClaim, withinLifetime } from '@sim/google/oauth/jwt';
import type { ServiceAccountKeyRecord, ServiceAccountRecord } from '@sim/google/world/google-records';
import type { GoogleWorld } from '@sim/google/world/google-world';

/** The service account behind a request, and the key its credential came from. */
export interface Principal {
  account: ServiceAccountRecord;
  keyId: string;
  /** OAuth scopes of the credential; null for a self-signed JWT bound to an audience instead. */
  scopes: string[] | null;
}

function liveKey(
  world: GoogleWorld,
  email: string,
  uniqueId: string,
  keyId: string,
): ServiceAccountKeyRecord | null {
  const account = world.findServiceAccount(email);
  if (account === undefined || account.uniqueId !== uniqueId || account.disabled) return null;
  const key = world.findKey(account, keyId);
  return key === undefined || key.disabled ? null : key;
}

function fromAccessToken(world: GoogleWorld, token: string): Principal | null {
  const record = world.tokens.get(token);
  if (record === undefined || record.expiresAtMs <= credentialNowMs()) return null;
  if (liveKey(world, record.email, record.serviceAccountUniqueId, record.keyId) === null) return null;
  const account = world.findServiceAccount(record.email);
  return account === undefined ? null : { account, keyId: record.keyId, scopes: record.scopes };
}

/** A self-signed JWT (`kid` = key id, `iss` = `sub` = the account), as google-auth-library sends with `useJWTAccessWithScope`. */
function fromSelfSignedJwt(world: GoogleWorld, token: string): Principal | null {
  const jwt = decodeJwt(token);
  if (jwt === null || typeof jwt.header.kid !== 'string') return null;
  const issuer = stringClaim(jwt, 'iss');
  if (issuer === undefined || stringClaim(jwt, 'sub') !== issuer) return null;
  if (stringClaim(jwt, 'scope') === undefined && stringClaim(jwt, 'aud') === undefined) return null;
  if (!withinLifetime(jwt, credentialNowSeconds())) return null;
  const account = world.findServiceAccount(issuer);
  if (account === undefined) return null;
  const key = liveKey(world, account.email, account.uniqueId, jwt.header.kid);
  if (key === null || !signedBy(jwt, key.publicKey)) return null;
  const scope = stringClaim(jwt, 'scope');
  return {
    account,
    keyId: key.keyId,
    scopes: scope === undefined ? null : scope.split(' ').filter((entry) => entry !== ''),
  };
}

/**
 * Checked on every call: a credential is only as alive as its account and key, so deleting or
 * disabling either rejects tokens already handed out and a revoke is observable at once.
 */
export function resolvePrincipal(world: GoogleWorld, request: FastifyRequest): Principal | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const token = match?.[1];
  if (token === undefined) return null;
  return fromAccessToken(world, token) ?? fromSelfSignedJwt(world, token);
}
