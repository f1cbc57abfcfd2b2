import { AuditEventDto } from './dto/audit-event.dto';
import type { AuditEventRecord } from './audit.repository';
import { ChainedEvent } from './audit-hash';

export function toAuditEventDto(e: AuditEventRecord): AuditEventDto {
  return {
    id: String(e.id),
    seq: Number(e.seq),
    occurred_at: e.occurredAt,
    action: e.action,
    outcome: e.outcome,
    actor: { type: e.actorType, id: e.actorId, label: e.actorLabel },
    target: { type: e.targetType, id: e.targetId },
    request_id: e.requestId,
    ip: e.ip,
    user_agent: e.userAgent,
    details: e.details,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function toChainedEvent(e: AuditEventRecord): ChainedEvent {
  return {
    organizationId: e.organizationId,
    seq: Number(e.seq),
    occurredAt: e.occurredAt,
    action: e.action,
    outcome: e.outcome,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    targetType: e.targetType,
    targetId: e.targetId,
    requestId: e.requestId,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details,
  };
}
