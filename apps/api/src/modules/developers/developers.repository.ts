import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { KeysetPosition } from '@api/common/http/pagination';
import { DeveloperEntity } from './entities/developer.entity';

export interface DeveloperFilter {
  team?: string;
  activeOnly: boolean;
  search?: string;
}

/** Developers of one organization; every method takes the organization id. */
@Injectable()
export class DevelopersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.dataSource.manager).getRepository(DeveloperEntity);
  }

  findById(organizationId: string, id: string, m?: EntityManager): Promise<DeveloperEntity | null> {
    return this.repo(m).findOneBy({ organizationId, id });
  }

  findByIdLocked(m: EntityManager, organizationId: string, id: string): Promise<DeveloperEntity | null> {
    return this.repo(m).createQueryBuilder('d').setLock('pessimistic_write').where('d.organization_id = :org AND d.id = :id', { org: organizationId, id }).getOne();
  }

  emailTaken(m: EntityManager, organizationId: string, email: string, exceptId?: string): Promise<boolean> {
    const q = this.repo(m).createQueryBuilder('d').where('d.organization_id = :org AND lower(d.email) = lower(:email)', { org: organizationId, email });
    if (exceptId) q.andWhere('d.id <> :id', { id: exceptId });
    return q.getExists();
  }

  list(organizationId: string, filter: DeveloperFilter, after: KeysetPosition | null, limit: number): Promise<DeveloperEntity[]> {
    const q = this.repo().createQueryBuilder('d').where('d.organization_id = :org', { org: organizationId });
    if (filter.team) q.andWhere('d.team = :team', { team: filter.team });
    if (filter.activeOnly) q.andWhere('d.active');
    if (filter.search) {
      const like = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
      q.andWhere(new Brackets((b) => b.where('d.name ILIKE :like', { like }).orWhere('d.email ILIKE :like', { like })));
    }
    if (after) q.andWhere('(d.created_at, d.id) > (:at, :id)', { at: after.createdAt, id: after.id });
    return q.orderBy('d.created_at', 'ASC').addOrderBy('d.id', 'ASC').limit(limit).getMany();
  }

  insert(m: EntityManager, developer: Pick<DeveloperEntity, 'organizationId' | 'name' | 'email' | 'team' | 'role'>): Promise<DeveloperEntity> {
    return this.repo(m).save(this.repo(m).create(developer));
  }

  save(m: EntityManager, developer: DeveloperEntity): Promise<DeveloperEntity> {
    return this.repo(m).save(developer);
  }
}
