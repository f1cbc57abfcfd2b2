import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEventInput, AuditOrigin } from './audit-event.input';
import { chainHash, ChainedEvent, genesisHash } from './audit-hash';

interface HeadRow {
  last_seq: string;
  last_hash: string;
  ts: Date;
}

/**
 * Appends events to an organization's hash chain inside the caller's transaction, so a change and its
 * audit event commit together or not at all. The chain head row lock orders concurrent writers.
 */
@Injectable()
export class AuditWriter {
  async append(manager: EntityManager, origin: AuditOrigin, input: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditWriter.append must run inside a transaction');
    const org = origin.organizationId;
    // Creates the head on first use and, either way, locks it and reads it: one round trip.
    const [head] = await manager.query<HeadRow[]>(
      `INSERT INTO audit_chain_heads (organization_id, last_seq, last_hash) VALUES ($1, 0, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_seq = audit_chain_heads.last_seq
       RETURNING last_seq, last_hash, date_trunc('milliseconds', clock_timestamp()) AS ts`,
      [org, genesisHash(org)],
    );
    const event: ChainedEvent = {
      organizationId: org,
      seq: Number(head.last_seq) + 1,
      occurredAt: new Date(head.ts).toISOString(),
      action: input.action,
      outcome: input.outcome ?? 'success',
      actorType: origin.actor.type,
      actorId: origin.actor.id,
      actorLabel: origin.actor.label,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      requestId: origin.meta.requestId ?? null,
      ip: origin.meta.ip ?? null,
      userAgent: origin.meta.userAgent ?? null,
      details: input.details ?? {},
    };
    const hash = chainHash(head.last_hash, event);
    await manager.query(
      `WITH appended AS (
         INSERT INTO audit_events (organization_id, seq, occurred_at, action, outcome, actor_type, actor_id, actor_label,
           target_type, target_id, request_id, ip, user_agent, details, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16))
       UPDATE audit_chain_heads SET last_seq = $2, last_hash = $16 WHERE organization_id = $1`,
      [org, event.seq, event.occurredAt, event.action, event.outcome, event.actorType, event.actorId, event.actorLabel,
        event.targetType, event.targetId, event.requestId, event.ip, event.userAgent, JSON.stringify(event.details),
        head.last_hash, hash],
    );
  }
}
