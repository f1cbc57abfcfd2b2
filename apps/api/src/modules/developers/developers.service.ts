import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { decodeCursor, toPage } from '@api/common/http/pagination';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { originOf } from '@api/modules/audit/audit-event.input';
import { DevelopersRepository } from './developers.repository';
import { DeveloperOffboarding } from './developer-offboarding';
import { toDeveloperDto } from './developer.mapper';
import { CreateDeveloperDto, DeveloperDeactivationDto, DeveloperDto, DeveloperPageDto, ListDevelopersQueryDto, UpdateDeveloperDto } from './dto/developer.dto';

@Injectable()
export class DevelopersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly developers: DevelopersRepository,
    private readonly audit: AuditWriter,
    @Optional() private readonly offboarding?: DeveloperOffboarding,
  ) {}

  async create(ctx: RequestContext, dto: CreateDeveloperDto): Promise<DeveloperDto> {
    return this.dataSource.transaction(async (m) => {
      if (await this.developers.emailTaken(m, ctx.organizationId, dto.email)) {
        throw new DomainError('developer_email_taken', `A developer with email ${dto.email} already exists`);
      }
      const developer = await this.developers.insert(m, {
        organizationId: ctx.organizationId,
        name: dto.name,
        email: dto.email.toLowerCase(),
        team: dto.team ?? 'default',
        role: dto.role ?? 'developer',
      });
      await this.audit.append(m, originOf(ctx), {
        action: 'developer.created',
        target: { type: 'developer', id: developer.id },
        details: { name: developer.name, email: developer.email, team: developer.team, role: developer.role },
      });
      return toDeveloperDto(developer);
    });
  }

  async list(ctx: RequestContext, query: ListDevelopersQueryDto): Promise<DeveloperPageDto> {
    const limit = query.limit ?? 50;
    const filter = { team: query.team, activeOnly: query.active_only ?? true, search: query.search };
    const rows = await this.developers.list(ctx.organizationId, filter, decodeCursor(query.cursor), limit + 1);
    return toPage(rows, limit, toDeveloperDto);
  }

  async get(ctx: RequestContext, id: string): Promise<DeveloperDto> {
    const developer = await this.developers.findById(ctx.organizationId, id);
    if (!developer) throw notFound('developer_not_found', 'Developer', id);
    return toDeveloperDto(developer);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateDeveloperDto): Promise<DeveloperDto> {
    return this.dataSource.transaction(async (m) => {
      const developer = await this.developers.findByIdLocked(m, ctx.organizationId, id);
      if (!developer) throw notFound('developer_not_found', 'Developer', id);
      if (dto.email && (await this.developers.emailTaken(m, ctx.organizationId, dto.email, id))) {
        throw new DomainError('developer_email_taken', `A developer with email ${dto.email} already exists`);
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const apply = <K extends 'name' | 'email' | 'team' | 'role' | 'active'>(field: K, value: (typeof developer)[K] | undefined) => {
        if (value === undefined || value === developer[field]) return;
        changes[field] = { from: developer[field], to: value };
        developer[field] = value;
      };
      apply('name', dto.name);
      apply('email', dto.email?.toLowerCase());
      apply('team', dto.team);
      apply('role', dto.role);
      apply('active', dto.active);
      if (Object.keys(changes).length === 0) return toDeveloperDto(developer);
      if (changes.active) developer.deactivatedAt = developer.active ? null : new Date();
      await this.developers.save(m, developer);
      const action = changes.active ? (developer.active ? 'developer.reactivated' : 'developer.deactivated') : 'developer.updated';
      await this.audit.append(m, originOf(ctx), { action, target: { type: 'developer', id }, details: changes });
      return toDeveloperDto(developer);
    });
  }

  /** Deactivates first (no new keys can be issued), then revokes every live key at its vendor and reports each. */
  async deactivate(ctx: RequestContext, id: string): Promise<DeveloperDeactivationDto> {
    const developer = await this.update(ctx, id, { active: false });
    const keys = this.offboarding ? await this.offboarding.revokeAllFor(ctx, id) : [];
    return { developer, keys };
  }
}
