import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEventInput, AuditOrigin } from './audit-event.input';
import { canonicalEventParts, genesisHash, UnplacedEvent } from './audit-hash';

/** One data-changing SQL statement ending in `RETURNING …` that changes at most one row, and its parameters. */
export interface ChangeStatement {
  sql: string;
  params: unknown[];
}

const APPEND_ARGUMENTS = 16;

/** The call of keygate_audit_append (migration 1763900600000) with its arguments numbered from `first`. */
function appendCall(first: number): string {
  return `keygate_audit_append(${Array.from({ length: APPEND_ARGUMENTS }, (_, i) => `$${first + i}`).join(', ')})`;
}

/**
 * Appends events to an organization's hash chain, in the database (keygate_audit_append locks the chain head,
 * numbers, stamps and hashes the event), so a change and its audit event commit together or not at all.
 */
@Injectable()
export class AuditWriter {
  /** Appends inside the caller's transaction: one round trip. */
  async append(manager: EntityManager, origin: AuditOrigin, input: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditWriter.append must run inside a transaction');
    await manager.query(`SELECT ${appendCall(1)}`, this.arguments(origin, input));
  }

  /**
   * Runs `change` and, in the same statement, appends the event when it changed a row: atomic even outside
   * a transaction, and one round trip. Returns the changed row (none when the change's conditions did not hold,
   * and then no event is written).
   */
  async appendOnChange(manager: EntityManager, origin: AuditOrigin, input: AuditEventInput, change: ChangeStatement): Promise<Array<Record<string, unknown>>> {
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `WITH changed AS (${change.sql}) SELECT changed.*, ${appendCall(change.params.length + 1)} AS audit_seq FROM changed`,
      [...change.params, ...this.arguments(origin, input)],
    );
    if (rows.length > 1) throw new Error(`an audited change must touch at most one row, it touched ${rows.length}`);
    return rows;
  }

  private arguments(origin: AuditOrigin, input: AuditEventInput): unknown[] {
    const org = origin.organizationId;
    const event: UnplacedEvent = {
      organizationId: org,
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
    return [org, genesisHash(org), event.action, event.outcome, event.actorType, event.actorId, event.actorLabel, event.targetType,
      event.targetId, event.requestId, event.ip, event.userAgent, JSON.stringify(event.details), ...canonicalEventParts(event)];
  }
}
