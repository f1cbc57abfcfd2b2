import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@api/common/auth/roles';
import { UserEntity } from './entities/user.entity';

export interface NewUser {
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  developerId?: string | null;
}

/** Sign-in users. Every method is scoped to an organization, except the sign-in lookup by email. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.dataSource.manager).getRepository(UserEntity);
  }

  /** Sign-in is the one global lookup: an email belongs to exactly one user across organizations. */
  findForSignInLocked(m: EntityManager, email: string): Promise<UserEntity | null> {
    return this.repo(m).createQueryBuilder('u').setLock('pessimistic_write').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  emailTaken(m: EntityManager, email: string): Promise<boolean> {
    return this.repo(m).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  findById(organizationId: string, id: string, m?: EntityManager): Promise<UserEntity | null> {
    return this.repo(m).findOneBy({ organizationId, id });
  }

  findByIdLocked(m: EntityManager, organizationId: string, id: string): Promise<UserEntity | null> {
    return this.repo(m).createQueryBuilder('u').setLock('pessimistic_write').where('u.organization_id = :org AND u.id = :id', { org: organizationId, id }).getOne();
  }

  list(organizationId: string, after: { createdAt: Date; id: string } | null, limit: number): Promise<UserEntity[]> {
    const q = this.repo().createQueryBuilder('u').where('u.organization_id = :org', { org: organizationId });
    if (after) q.andWhere('(u.created_at, u.id) > (:at, :id)', { at: after.createdAt, id: after.id });
    return q.orderBy('u.created_at', 'ASC').addOrderBy('u.id', 'ASC').limit(limit).getMany();
  }

  async insert(m: EntityManager, user: NewUser): Promise<UserEntity> {
    return this.repo(m).save(this.repo(m).create({ ...user, email: user.email.toLowerCase(), developerId: user.developerId ?? null }));
  }

  save(m: EntityManager, user: UserEntity): Promise<UserEntity> {
    return this.repo(m).save(user);
  }

  /** Locks the organization's owners so two concurrent demotions cannot both pass the last-owner check. */
  async activeOwnerIdsLocked(m: EntityManager, organizationId: string): Promise<string[]> {
    const rows = await this.repo(m)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .select(['u.id'])
      .where("u.organization_id = :org AND u.role = 'owner' AND u.active", { org: organizationId })
      .getMany();
    return rows.map((r) => r.id);
  }

  async countAll(): Promise<number> {
    return this.repo().count();
  }

  /** Counts a failure; reaching the maximum locks the account until the database clock passes locked_until. */
  async recordFailedLogin(m: EntityManager, id: string, maxFailures: number, lockoutMinutes: number): Promise<{ lockedUntil: Date | null }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows] = await m.query<[Array<{ locked_until: Date | null }>, number]>(
      `UPDATE users SET
         failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING locked_until`,
      [id, maxFailures, lockoutMinutes],
    );
    return { lockedUntil: rows[0]?.locked_until ?? null };
  }

  async recordSuccessfulLogin(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
  }

  async isLocked(m: EntityManager, id: string): Promise<Date | null> {
    const [row] = await m.query<Array<{ locked_until: Date }>>(`SELECT locked_until FROM users WHERE id = $1 AND locked_until > now()`, [id]);
    return row?.locked_until ?? null;
  }
}
