import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@api/common/auth/authenticated-user';
import { Role } from '@api/common/auth/roles';

interface LiveRow {
  user_id: string;
  organization_id: string;
  email: string;
  role: Role;
  developer_id: string | null;
  expires_at: Date;
}

interface RefreshRow {
  id: string;
  session_id: string;
  organization_id: string;
  used_at: Date | null;
  token_live: boolean;
  session_live: boolean;
  user_id: string;
  user_active: boolean;
}

/** Sessions and refresh tokens. Liveness is decided by the database clock. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The session's user when the session and the user are both live, with when the session ends. */
  async findLiveSession(sessionId: string, userId: string, organizationId: string): Promise<{ user: AuthenticatedUser; expiresAt: Date } | null> {
    const rows = await this.dataSource.query<LiveRow[]>(
      `SELECT u.id AS user_id, u.organization_id, u.email, u.role, u.developer_id, s.expires_at
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.organization_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId, organizationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      user: { userId: row.user_id, organizationId: row.organization_id, email: row.email, role: row.role, sessionId, developerId: row.developer_id },
      expiresAt: new Date(row.expires_at),
    };
  }

  async create(m: EntityManager, s: { organizationId: string; userId: string; ttlSeconds: number; ip: string; userAgent: string | null }): Promise<string> {
    const [row] = await m.query<Array<{ id: string }>>(
      `INSERT INTO auth_sessions (organization_id, user_id, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5) RETURNING id`,
      [s.organizationId, s.userId, s.ttlSeconds, s.ip, s.userAgent],
    );
    return row.id;
  }

  async addRefreshToken(m: EntityManager, t: { organizationId: string; sessionId: string; hash: string; ttlSeconds: number }): Promise<void> {
    await m.query(
      `INSERT INTO refresh_tokens (organization_id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [t.organizationId, t.sessionId, t.hash, t.ttlSeconds],
    );
  }

  async lockRefreshToken(m: EntityManager, hash: string): Promise<RefreshRow | null> {
    const rows = await m.query<RefreshRow[]>(
      `SELECT t.id, t.session_id, t.organization_id, t.used_at, t.expires_at > now() AS token_live,
              (s.revoked_at IS NULL AND s.expires_at > now()) AS session_live, s.user_id, u.active AS user_active
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [hash],
    );
    return rows[0] ?? null;
  }

  async markUsed(m: EntityManager, tokenId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
  }

  async revokeSession(m: EntityManager, organizationId: string, sessionId: string, reason: string): Promise<void> {
    await m.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $3 WHERE id = $1 AND organization_id = $2 AND revoked_at IS NULL`, [
      sessionId,
      organizationId,
      reason,
    ]);
  }

  async revokeAllForUser(m: EntityManager, organizationId: string, userId: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $3 WHERE user_id = $1 AND organization_id = $2 AND revoked_at IS NULL`,
      [userId, organizationId, reason],
    );
  }
}
