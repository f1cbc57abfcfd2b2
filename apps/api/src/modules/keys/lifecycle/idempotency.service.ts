import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError } from '@api/common/errors/domain-error';
import { KeysSettings } from '@api/config/keys-settings';

export interface IdempotencyScope {
  organizationId: string;
  userId: string;
  key: string;
}

export type IdempotencyStart = { kind: 'fresh' } | { kind: 'replay'; response: Record<string, unknown> };

interface RecordRow {
  operation: string;
  request_hash: string;
  state: 'in_progress' | 'succeeded' | 'failed';
  response: Record<string, unknown> | null;
  expired: boolean;
}

/** A stable hash of what was asked, so the same Idempotency-Key with a different request is refused. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, body })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Idempotency-Key records (per user and key; DESIGN §5.7). Started inside Tx A so a record exists exactly
 * when its pending key does. Never stores a secret: a replay gets the metadata with secret_delivered: true.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly settings: KeysSettings) {}

  async begin(m: EntityManager, scope: IdempotencyScope, operation: string, hash: string, keyId: string): Promise<IdempotencyStart> {
    const inserted = await m.query<unknown[]>(
      `INSERT INTO idempotency_records (organization_id, user_id, idempotency_key, operation, request_hash, state, key_id)
       VALUES ($1,$2,$3,$4,$5,'in_progress',$6) ON CONFLICT DO NOTHING RETURNING 1`,
      [scope.organizationId, scope.userId, scope.key, operation, hash, keyId],
    );
    if (inserted.length > 0) return { kind: 'fresh' };
    const rows = await m.query<RecordRow[]>(
      `SELECT operation, request_hash, state, response, created_at < now() - make_interval(hours => $4) AS expired
         FROM idempotency_records WHERE organization_id = $1 AND user_id = $2 AND idempotency_key = $3 FOR UPDATE`,
      [scope.organizationId, scope.userId, scope.key, this.settings.idempotencyTtlHours],
    );
    const existing = rows[0];
    if (!existing) throw new DomainError('idempotency_in_flight', 'A request with this Idempotency-Key is still being processed; retry shortly');
    const reusable = existing.expired || existing.state === 'failed';
    if (!reusable && (existing.request_hash !== hash || existing.operation !== operation)) {
      throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used with a different request; use a new key for a new request');
    }
    if (!reusable && existing.state === 'in_progress') {
      throw new DomainError('idempotency_in_flight', 'A request with this Idempotency-Key is still being processed; retry shortly');
    }
    if (!reusable && existing.state === 'succeeded' && existing.response) return { kind: 'replay', response: existing.response };
    await m.query(
      `UPDATE idempotency_records SET state = 'in_progress', operation = $4, request_hash = $5, key_id = $6, response = NULL, created_at = now(), updated_at = now()
        WHERE organization_id = $1 AND user_id = $2 AND idempotency_key = $3`,
      [scope.organizationId, scope.userId, scope.key, operation, hash, keyId],
    );
    return { kind: 'fresh' };
  }

  async succeed(m: EntityManager, scope: IdempotencyScope, response: Record<string, unknown>): Promise<void> {
    await m.query(
      `UPDATE idempotency_records SET state = 'succeeded', response = $4, updated_at = now() WHERE organization_id = $1 AND user_id = $2 AND idempotency_key = $3`,
      [scope.organizationId, scope.userId, scope.key, JSON.stringify(response)],
    );
  }

  /** The request behind this key failed: a retry with the same key runs again. */
  async failForKey(m: EntityManager, organizationId: string, keyId: string): Promise<void> {
    await m.query(`UPDATE idempotency_records SET state = 'failed', updated_at = now() WHERE organization_id = $1 AND key_id = $2 AND state = 'in_progress'`, [organizationId, keyId]);
  }

  async reap(m: EntityManager): Promise<number> {
    const result = await m.query<[unknown, number]>(`DELETE FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1) AND state <> 'in_progress'`, [this.settings.idempotencyTtlHours]);
    return result[1];
  }
}
