import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { DomainError } from '@api/common/errors/domain-error';
import { RequestContext, RequestMeta } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { AuditOrigin, originOf } from '@api/modules/audit/audit-event.input';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { UsersRepository } from '@api/modules/users/users.repository';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { SessionLivenessCache } from './session-liveness.cache';
import { SessionRepository } from './session.repository';
import { TokenService } from './token.service';
import { SignupDto } from './dto/login.dto';
import { MetricsService } from '@api/modules/metrics/metrics.service';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** endedSessionId: a session this attempt ended (refresh-token reuse), to drop from the session cache. */
type LoginOutcome = { ok: true; tokens: IssuedTokens } | { ok: false; error: DomainError; endedSessionId?: string };

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionCache: SessionLivenessCache,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
    private readonly organizations: OrganizationsService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Checks the password under a row lock, so concurrent guesses are all counted; failures and lockouts are
   * committed (with their audit events) before the error is answered.
   */
  async login(meta: RequestMeta, email: string, password: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (m): Promise<LoginOutcome> => {
      const user = await this.users.findForSignInLocked(m, email);
      const invalid = new DomainError('invalid_credentials', 'Email or password is wrong');
      if (!user) {
        await this.hasher.verifyNothing(password);
        this.logger.warn({ requestId: meta.requestId, ip: meta.ip }, 'Sign-in attempt for an unknown email');
        return { ok: false, error: invalid };
      }
      const origin: AuditOrigin = { organizationId: user.organizationId, actor: { type: 'user', id: user.id, label: user.email }, meta };
      const target = { type: 'user', id: user.id };
      const lockedUntil = await this.users.isLocked(m, user.id);
      if (lockedUntil) {
        await this.audit.append(m, origin, { action: 'auth.login', outcome: 'denied', target, details: { reason: 'account_locked' } });
        return { ok: false, error: this.lockedError(lockedUntil) };
      }
      if (!user.active) {
        await this.hasher.verifyNothing(password);
        await this.audit.append(m, origin, { action: 'auth.login', outcome: 'denied', target, details: { reason: 'user_inactive' } });
        return { ok: false, error: invalid };
      }
      if (!(await this.hasher.verify(user.passwordHash, password))) {
        const { lockedUntil: nowLocked } = await this.users.recordFailedLogin(m, user.id, this.config.auth.maxFailedLogins, this.config.auth.lockoutMinutes);
        await this.audit.append(m, origin, { action: 'auth.login', outcome: 'failure', target, details: { reason: 'wrong_password' } });
        if (nowLocked) {
          await this.audit.append(m, origin, { action: 'auth.account_locked', target, details: { locked_until: new Date(nowLocked).toISOString() } });
          return { ok: false, error: this.lockedError(nowLocked) };
        }
        return { ok: false, error: invalid };
      }
      await this.users.recordSuccessfulLogin(m, user.id);
      const tokens = await this.startSession(m, user, meta);
      await this.audit.append(m, origin, { action: 'auth.login', target });
      return { ok: true, tokens };
    });
    this.metrics.logins.inc({ outcome: outcome.ok ? 'success' : outcome.error.code });
    if (!outcome.ok) {
      if (outcome.endedSessionId) this.sessionCache.forgetSession(outcome.endedSessionId);
      throw outcome.error;
    }
    return outcome.tokens;
  }

  async signup(meta: RequestMeta, dto: SignupDto): Promise<IssuedTokens> {
    if (!this.config.auth.allowSignup) throw new DomainError('signup_disabled', 'Sign-up is disabled on this server; ask an administrator for an account');
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (m) => {
      if (await this.users.emailTaken(m, dto.email)) throw new DomainError('email_taken', 'An account with this email already exists');
      const { owner } = await this.organizations.createWithOwner(m, { name: dto.organization_name, ownerEmail: dto.email, ownerName: dto.name, passwordHash }, meta);
      return this.startSession(m, owner, meta);
    });
  }

  /** Rotates the refresh token; presenting one that was already used ends the whole session (token family). */
  async refresh(meta: RequestMeta, refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (m): Promise<LoginOutcome> => {
      const row = await this.sessions.lockRefreshToken(m, this.tokens.hashRefresh(refreshToken));
      const invalid = new DomainError('refresh_token_invalid', 'Refresh token is invalid or expired; sign in again');
      if (!row) return { ok: false, error: invalid };
      if (row.used_at) {
        await this.sessions.revokeSession(m, row.organization_id, row.session_id, 'refresh_token_reuse');
        await this.audit.append(
          m,
          { organizationId: row.organization_id, actor: { type: 'user', id: row.user_id, label: null }, meta },
          { action: 'auth.refresh_token_reused', outcome: 'denied', target: { type: 'session', id: row.session_id } },
        );
        return { ok: false, error: new DomainError('refresh_token_reused', 'This refresh token was already used; the session has been ended for safety'), endedSessionId: row.session_id };
      }
      if (!row.token_live || !row.session_live || !row.user_active) return { ok: false, error: invalid };
      await this.sessions.markUsed(m, row.id);
      const user = await this.users.findById(row.organization_id, row.user_id, m);
      if (!user) return { ok: false, error: invalid };
      return { ok: true, tokens: await this.issueTokens(m, user, row.session_id) };
    });
    if (!outcome.ok) {
      if (outcome.endedSessionId) this.sessionCache.forgetSession(outcome.endedSessionId);
      throw outcome.error;
    }
    return outcome.tokens;
  }

  async logout(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revokeSession(m, ctx.organizationId, ctx.user.sessionId, 'logout');
      await this.audit.append(m, originOf(ctx), { action: 'auth.logout', target: { type: 'session', id: ctx.user.sessionId } });
    });
    this.sessionCache.forgetSession(ctx.user.sessionId);
  }

  private async startSession(m: Parameters<SessionRepository['create']>[0], user: UserEntity, meta: RequestMeta): Promise<IssuedTokens> {
    const sessionId = await this.sessions.create(m, {
      organizationId: user.organizationId,
      userId: user.id,
      ttlSeconds: this.config.auth.refreshTokenTtlSeconds,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return this.issueTokens(m, user, sessionId);
  }

  private async issueTokens(m: Parameters<SessionRepository['create']>[0], user: UserEntity, sessionId: string): Promise<IssuedTokens> {
    const refresh = this.tokens.newRefreshToken();
    await this.sessions.addRefreshToken(m, { organizationId: user.organizationId, sessionId, hash: refresh.hash, ttlSeconds: this.config.auth.refreshTokenTtlSeconds });
    const accessToken = await this.tokens.signAccess({ sub: user.id, org: user.organizationId, sid: sessionId });
    return { accessToken, refreshToken: refresh.token, expiresIn: this.tokens.accessTtlSeconds };
  }

  private lockedError(until: Date): DomainError {
    const iso = new Date(until).toISOString();
    return new DomainError('account_locked', `Too many failed sign-ins: this account is locked until ${iso}`, { locked_until: iso });
  }
}
