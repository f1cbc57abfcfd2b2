import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@api/config/app-config';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { AuthenticatedUser } from '@api/common/auth/authenticated-user';
import { DomainError } from '@api/common/errors/domain-error';
import { SessionLivenessCache } from './session-liveness.cache';
import { SessionRepository } from './session.repository';
import type { AccessTokenClaims } from './token.service';

/**
 * The HS256 secret as a KeyObject, built once. Given a string, jsonwebtoken first tries to parse it as a PEM public
 * key on every request and falls back after the exception; its verify accepts a KeyObject, which the type
 * definitions of passport-jwt do not list.
 */
function hmacKeyOf(secret: string): Buffer {
  return createSecretKey(Buffer.from(secret, 'utf8')) as unknown as Buffer;
}

/**
 * Verifies the bearer token (HS256 only, issuer and audience checked) and then the session behind it,
 * so sign-out, deactivation and role changes take effect on the very next request. A session the database
 * confirmed within SESSION_CACHE_SECONDS is trusted from the cache, which every such change empties.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    secrets: RuntimeSecrets,
    private readonly sessions: SessionRepository,
    private readonly cache: SessionLivenessCache,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: hmacKeyOf(secrets.jwtSecret),
      algorithms: ['HS256'],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const cached = this.cache.get(claims.sid);
    if (cached && cached.userId === claims.sub && cached.organizationId === claims.org) return cached;
    const generation = this.cache.currentGeneration();
    const live = await this.sessions.findLiveSession(claims.sid, claims.sub, claims.org);
    if (!live) throw new DomainError('session_expired', 'This session has ended; sign in again');
    this.cache.remember(live.user, live.expiresAt.getTime(), generation);
    return live.user;
  }
}
