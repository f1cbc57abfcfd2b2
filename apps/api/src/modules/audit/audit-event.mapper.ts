import { AuditEventDto } from './dto/audit-event.dto';
import { AuditEventEntity } from './entities/audit-event.entity';
import { ChainedEvent } from './audit-hash';

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: String(e.id),
    seq: Number(e.seq),
    occurred_at: new Date(e.occurredAt).toISOString(),
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

export function toChainedEvent(e: AuditEventEntity): ChainedEvent {
  return {
    organizationId: e.organizationId,
    seq: Number(e.seq),
    occurredAt: new Date(e.occurredAt).toISOString(),
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
