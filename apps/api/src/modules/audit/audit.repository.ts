import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';
import { AuditChainHeadEntity } from './entities/audit-chain-head.entity';
import { AuditFilterDto } from './dto/audit-query.dto';

/** An audit event as read: the instant already in the ISO form the API and the hash chain use. */
export type AuditEventRecord = Omit<AuditEventEntity, 'occurredAt'> & { occurredAt: string };

// occurred_at is stored at millisecond precision, so this text is exactly Date.prototype.toISOString's.
const EVENT_COLUMNS = `id, organization_id, seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, action, outcome, actor_type, actor_id, actor_label, target_type,
  target_id, request_id, ip, user_agent, details, prev_hash, hash`;

interface AuditEventRow {
  id: string;
  organization_id: string;
  seq: string;
  occurred_at: string;
  action: string;
  outcome: AuditEventEntity['outcome'];
  actor_type: AuditEventEntity['actorType'];
  actor_id: string | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function eventFromRow(r: AuditEventRow): AuditEventRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    seq: r.seq,
    occurredAt: r.occurred_at,
    action: r.action,
    outcome: r.outcome,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    targetType: r.target_type,
    targetId: r.target_id,
    requestId: r.request_id,
    ip: r.ip,
    userAgent: r.user_agent,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Reads of the audit log; every method is scoped to one organization. Writes go through AuditWriter.
 * Plain SQL mapped by hand: the log is the busiest read and entity hydration was most of its cost.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paginated on seq. */
  pageDescending(organizationId: string, filter: AuditFilterDto, beforeSeq: number | null, limit: number): Promise<AuditEventRecord[]> {
    return this.page(organizationId, filter, beforeSeq === null ? null : ['<', beforeSeq], 'DESC', limit);
  }

  /** Oldest first, for export and verification. */
  pageAscending(organizationId: string, filter: AuditFilterDto, afterSeq: number, limit: number): Promise<AuditEventRecord[]> {
    return this.page(organizationId, filter, ['>', afterSeq], 'ASC', limit);
  }

  head(organizationId: string): Promise<AuditChainHeadEntity | null> {
    return this.dataSource.getRepository(AuditChainHeadEntity).findOneBy({ organizationId });
  }

  private async page(organizationId: string, filter: AuditFilterDto, seqBound: ['<' | '>', number] | null, order: 'ASC' | 'DESC', limit: number): Promise<AuditEventRecord[]> {
    const params: unknown[] = [organizationId];
    const where = ['organization_id = $1'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.action?.endsWith('*')) add((p) => `action LIKE ${p}`, `${filter.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%`);
    else if (filter.action) add((p) => `action = ${p}`, filter.action);
    if (filter.actor) add((p) => `(actor_id = ${p} OR lower(actor_label) = lower(${p}))`, filter.actor);
    if (filter.target) add((p) => `target_id = ${p}`, filter.target);
    if (filter.since) add((p) => `occurred_at >= ${p}`, filter.since);
    if (filter.until) add((p) => `occurred_at < ${p}`, filter.until);
    if (seqBound) add((p) => `seq ${seqBound[0]} ${p}`, seqBound[1]);
    params.push(limit);
    const rows = await this.dataSource.query<AuditEventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT $${params.length}`,
      params,
    );
    return rows.map(eventFromRow);
  }
}
