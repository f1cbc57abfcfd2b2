import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from '@api/config/app-config';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  sid: string;
}

/** Mints access tokens (HS256 JWT, pinned issuer and audience) and opaque refresh tokens (only an HMAC is stored). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly secrets: RuntimeSecrets,
  ) {}

  get accessTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  signAccess(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      secret: this.secrets.jwtSecret,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    });
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = `kgr_${randomBytes(32).toString('base64url')}`;
    return { token, hash: this.hashRefresh(token) };
  }

  hashRefresh(token: string): string {
    return createHmac('sha256', this.secrets.refreshTokenKey).update(token).digest('hex');
  }
}
