import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { roleAtLeast } from '@api/common/auth/roles';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { decodeCursor, PageQueryDto, toPage } from '@api/common/http/pagination';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { originOf } from '@api/modules/audit/audit-event.input';
import { SessionLivenessCache } from '@api/modules/auth/session-liveness.cache';
import { SessionRepository } from '@api/modules/auth/session.repository';
import { DevelopersRepository } from '@api/modules/developers/developers.repository';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { toUserDto } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly developers: DevelopersRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionCache: SessionLivenessCache,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditWriter,
  ) {}

  async list(ctx: RequestContext, query: PageQueryDto): Promise<UserPageDto> {
    const limit = query.limit ?? 50;
    const rows = await this.users.list(ctx.organizationId, decodeCursor(query.cursor), limit + 1);
    return toPage(rows, limit, toUserDto);
  }

  async get(ctx: RequestContext, id: string): Promise<UserDto> {
    const user = await this.users.findById(ctx.organizationId, id);
    if (!user) throw notFound('user_not_found', 'User', id);
    return toUserDto(user);
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserDto> {
    this.assertMayGrant(ctx, dto.role);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.dataSource.transaction(async (m) => {
      if (await this.users.emailTaken(m, dto.email)) throw new DomainError('email_taken', `A user with email ${dto.email} already exists`);
      if (dto.developer_id) await this.requireDeveloper(m, ctx, dto.developer_id);
      const user = await this.users.insert(m, { organizationId: ctx.organizationId, email: dto.email, name: dto.name, role: dto.role, passwordHash, developerId: dto.developer_id });
      await this.audit.append(m, originOf(ctx), { action: 'user.created', target: { type: 'user', id: user.id }, details: { email: user.email, role: user.role } });
      return toUserDto(user);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserDto> {
    if (dto.role) this.assertMayGrant(ctx, dto.role);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : null;
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await this.users.findByIdLocked(m, ctx.organizationId, id);
      if (!user) throw notFound('user_not_found', 'User', id);
      if (!roleAtLeast(ctx.user.role, user.role)) throw new DomainError('role_escalation', `A ${ctx.user.role} cannot change a ${user.role}`);
      const demotesOwner = user.role === 'owner' && ((dto.role && dto.role !== 'owner') || dto.active === false);
      if (demotesOwner) await this.assertNotLastOwner(m, ctx.organizationId, user.id);
      const changes: Record<string, unknown> = {};
      if (dto.name !== undefined && dto.name !== user.name) changes.name = user.name = dto.name;
      if (dto.role !== undefined && dto.role !== user.role) changes.role = { from: user.role, to: (user.role = dto.role) };
      if (dto.active !== undefined && dto.active !== user.active) changes.active = user.active = dto.active;
      if (passwordHash) {
        user.passwordHash = passwordHash;
        user.failedLoginCount = 0;
        user.lockedUntil = null;
        changes.password_reset = true;
      }
      if (Object.keys(changes).length === 0) return toUserDto(user);
      await this.users.save(m, user);
      if (changes.active === false || changes.password_reset || changes.role) await this.sessions.revokeAllForUser(m, ctx.organizationId, user.id, 'account_changed');
      const action = changes.active === false ? 'user.deactivated' : 'user.updated';
      await this.audit.append(m, originOf(ctx), { action, target: { type: 'user', id: user.id }, details: changes });
      return toUserDto(user);
    });
    this.sessionCache.forgetUser(updated.id); // this replica at once; the others when the database's notification arrives
    return updated;
  }

  deactivate(ctx: RequestContext, id: string): Promise<UserDto> {
    return this.update(ctx, id, { active: false });
  }

  private assertMayGrant(ctx: RequestContext, role: UserEntity['role']): void {
    if (!roleAtLeast(ctx.user.role, role)) throw new DomainError('role_escalation', `A ${ctx.user.role} cannot grant the ${role} role`);
  }

  private async assertNotLastOwner(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    const owners = await this.users.activeOwnerIdsLocked(m, organizationId);
    if (owners.length <= 1 && owners.includes(userId)) throw new DomainError('last_owner', 'This is the last active owner; make someone else owner first');
  }

  private async requireDeveloper(m: EntityManager, ctx: RequestContext, developerId: string): Promise<void> {
    if (!(await this.developers.findById(ctx.organizationId, developerId, m))) throw notFound('developer_not_found', 'Developer', developerId);
  }
}
