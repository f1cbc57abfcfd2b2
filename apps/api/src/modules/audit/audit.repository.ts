import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditChainHeadEntity } from './entities/audit-chain-head.entity';
import { AuditFilterDto } from './dto/audit-query.dto';

/** Reads of the audit log; every method is scoped to one organization. Writes go through AuditWriter. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private filtered(organizationId: string, filter: AuditFilterDto): SelectQueryBuilder<AuditEventEntity> {
    const q = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').where('e.organization_id = :org', { org: organizationId });
    if (filter.action?.endsWith('*')) q.andWhere('e.action LIKE :action', { action: `${filter.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%` });
    else if (filter.action) q.andWhere('e.action = :action', { action: filter.action });
    if (filter.actor) q.andWhere('(e.actor_id = :actor OR lower(e.actor_label) = lower(:actor))', { actor: filter.actor });
    if (filter.target) q.andWhere('e.target_id = :target', { target: filter.target });
    if (filter.since) q.andWhere('e.occurred_at >= :since', { since: filter.since });
    if (filter.until) q.andWhere('e.occurred_at < :until', { until: filter.until });
    return q;
  }

  /** Newest first, keyset-paginated on seq. */
  pageDescending(organizationId: string, filter: AuditFilterDto, beforeSeq: number | null, limit: number): Promise<AuditEventEntity[]> {
    const q = this.filtered(organizationId, filter);
    if (beforeSeq !== null) q.andWhere('e.seq < :before', { before: beforeSeq });
    return q.orderBy('e.seq', 'DESC').limit(limit).getMany();
  }

  /** Oldest first, for export and verification. */
  pageAscending(organizationId: string, filter: AuditFilterDto, afterSeq: number, limit: number): Promise<AuditEventEntity[]> {
    return this.filtered(organizationId, filter).andWhere('e.seq > :after', { after: afterSeq }).orderBy('e.seq', 'ASC').limit(limit).getMany();
  }

  head(organizationId: string): Promise<AuditChainHeadEntity | null> {
    return this.dataSource.getRepository(AuditChainHeadEntity).findOneBy({ organizationId });
  }
}
