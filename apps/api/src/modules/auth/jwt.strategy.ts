import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@api/config/app-config';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { AuthenticatedUser } from '@api/common/auth/authenticated-user';
import { DomainError } from '@api/common/errors/domain-error';
import { SessionRepository } from './session.repository';
import type { AccessTokenClaims } from './token.service';

/**
 * Verifies the bearer token (HS256 only, issuer and audience checked) and then the session behind it,
 * so sign-out, deactivation and role changes take effect on the very next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    secrets: RuntimeSecrets,
    private readonly sessions: SessionRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secrets.jwtSecret,
      algorithms: ['HS256'],
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const live = await this.sessions.findLiveSessionUser(claims.sid, claims.sub, claims.org);
    if (!live) throw new DomainError('session_expired', 'This session has ended; sign in again');
    return live;
  }
}
