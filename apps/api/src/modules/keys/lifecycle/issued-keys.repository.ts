import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { VendorKeyRef } from '@keygate/provisioners';
import { KeysetPosition } from '@api/common/http/pagination';
import type { ChangeStatement } from '@api/modules/audit/audit-writer';
import { IssuedKey, issuedKeyFromRow } from './issued-key';
import { KeyState, LIVE_STATES } from './key-state';
import type { RecordedStep } from './step-writer';

/** Marks a column to be set to the database clock's now(). */
export const DB_NOW = Symbol('now');
/** Marks a column to be set to the database clock's now() plus some seconds. */
export class DbNowPlus {
  constructor(readonly seconds: number) {}
}
export type ColumnValue = string | number | boolean | Date | null | object | typeof DB_NOW | DbNowPlus;

export interface NewPendingKey {
  id: string;
  organizationId: string;
  developerId: string;
  connectionId: string;
  vendor: string;
  intentId: string;
  budgetLimitUsd: number;
  rateLimitRpm: number;
  modelsAllowed: string[] | null;
  description: string | null;
  /** Counted from the database clock at insert. */
  expiresInDays: number;
  rotatedFrom: string | null;
  createdBy: string | null;
  scope?: Pick<VendorKeyRef, 'scopeId' | 'scopeName'> | null;
}

export interface KeyFilter {
  vendor?: string;
  developerId?: string;
  state?: KeyState;
}

type Rows = Array<Record<string, unknown>>;

/**
 * issued_keys. Every state change is a conditional UPDATE … WHERE state = ANY(expected) RETURNING, so of
 * any number of concurrent callers exactly one wins a transition. Every method takes the organization id,
 * except the job claims, which work across organizations.
 */
@Injectable()
export class IssuedKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(m?: EntityManager): EntityManager {
    return m ?? this.dataSource.manager;
  }

  async insertPending(m: EntityManager, k: NewPendingKey): Promise<IssuedKey> {
    const insert = this.insertPendingStatement(k);
    return this.changedRow(await m.query<Rows>(insert.sql, insert.params), 'INSERT … RETURNING returned no row');
  }

  /** The INSERT of a pending key, for callers that run it with its audit event (AuditWriter.appendOnChange). */
  insertPendingStatement(k: NewPendingKey): ChangeStatement {
    return {
      sql: `INSERT INTO issued_keys (id, organization_id, developer_id, connection_id, vendor, state, intent_id, budget_limit_usd,
              rate_limit_rpm, models_allowed, description, expires_at, rotated_from, created_by, scope_id, scope_name)
            VALUES ($1,$2,$3,$4,$5,'pending',$6,$7,$8,$9,$10,now() + make_interval(days => $11),$12,$13,$14,$15) RETURNING *`,
      params: [k.id, k.organizationId, k.developerId, k.connectionId, k.vendor, k.intentId, k.budgetLimitUsd, k.rateLimitRpm,
        k.modelsAllowed === null ? null : JSON.stringify(k.modelsAllowed), k.description, k.expiresInDays, k.rotatedFrom, k.createdBy,
        k.scope?.scopeId ?? null, k.scope?.scopeName ?? null],
    };
  }

  /** The key of a row an audited statement returned. */
  changedRow(rows: Rows, why: string): IssuedKey {
    const row = rows[0];
    if (!row) throw new Error(why);
    return issuedKeyFromRow(row);
  }

  async findById(organizationId: string, id: string, m?: EntityManager): Promise<IssuedKey | null> {
    const rows = await this.q(m).query<Rows>(`SELECT k.*, (SELECT d.name FROM developers d WHERE d.id = k.developer_id) AS developer_name FROM issued_keys k WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
    return rows[0] ? issuedKeyFromRow(rows[0]) : null;
  }

  async findByFingerprint(organizationId: string, fingerprint: string): Promise<IssuedKey | null> {
    const rows = await this.q().query<Rows>(`SELECT k.*, (SELECT d.name FROM developers d WHERE d.id = k.developer_id) AS developer_name FROM issued_keys k WHERE organization_id = $1 AND fingerprint = $2`, [organizationId, fingerprint]);
    return rows[0] ? issuedKeyFromRow(rows[0]) : null;
  }

  /**
   * Moves the key from one of `from` to the values in `changes`; null when another caller got there first
   * or the key is in another state.
   */
  async transition(m: EntityManager, organizationId: string, id: string, from: readonly KeyState[], changes: Record<string, ColumnValue>): Promise<IssuedKey | null> {
    const update = this.transitionStatement(organizationId, id, from, changes);
    const [rows] = await m.query<[Rows, number]>(update.sql, update.params);
    return rows[0] ? issuedKeyFromRow(rows[0]) : null;
  }

  /**
   * The conditional UPDATE of `transition`, for callers that run it with its audit event. With
   * `developerActive` it also requires the key's developer to be active and share-locks that row, so a
   * deactivation either commits first (and the key does not move) or waits for this change and sees it.
   */
  transitionStatement(organizationId: string, id: string, from: readonly KeyState[], changes: Record<string, ColumnValue>, options: { developerActive?: boolean } = {}): ChangeStatement {
    const params: unknown[] = [organizationId, id, from];
    const sets = ['updated_at = now()'];
    for (const [column, value] of Object.entries(changes)) {
      if (!/^[a-z_]+$/.test(column)) throw new Error(`bad column ${column}`);
      if (value === DB_NOW) {
        sets.push(`${column} = now()`);
        continue;
      }
      if (value instanceof DbNowPlus) {
        params.push(value.seconds);
        sets.push(`${column} = now() + make_interval(secs => $${params.length})`);
        continue;
      }
      params.push(value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    const developerActive = options.developerActive
      ? ` AND EXISTS (SELECT 1 FROM developers d WHERE d.organization_id = $1 AND d.id = issued_keys.developer_id AND d.active FOR SHARE)`
      : '';
    return {
      sql: `UPDATE issued_keys SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2 AND state = ANY($3::text[])${developerActive} RETURNING *`,
      params,
    };
  }

  /** Marks a key as the one a rotation replaces; null when another rotation got there first. */
  async claimForRotation(m: EntityManager, organizationId: string, id: string, successorId: string, graceSeconds: number): Promise<IssuedKey | null> {
    const result = await m.query<[Rows, number]>(
      `UPDATE issued_keys SET superseded_by = $3, revoke_after = now() + make_interval(secs => $4), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND state = 'active' AND superseded_by IS NULL RETURNING *`,
      [organizationId, id, successorId, graceSeconds],
    );
    return result[0][0] ? issuedKeyFromRow(result[0][0]) : null;
  }

  /** A failed or abandoned rotation gives the old key back its chance to be rotated. */
  async releaseRotation(m: EntityManager, organizationId: string, successorId: string): Promise<void> {
    await m.query(`UPDATE issued_keys SET superseded_by = NULL, revoke_after = NULL, updated_at = now() WHERE organization_id = $1 AND superseded_by = $2`, [organizationId, successorId]);
  }


  /** Writes the finished vendor steps of a pending key so far (the whole list) and the vendor ids learned so far. */
  async recordSteps(organizationId: string, id: string, steps: RecordedStep[], ref: Partial<VendorKeyRef>): Promise<void> {
    await this.q().query(
      `UPDATE issued_keys SET steps = $3::jsonb,
         scope_id = COALESCE($4, scope_id), scope_name = COALESCE($5, scope_name), vendor_key_id = COALESCE($6, vendor_key_id),
         vendor_refs = vendor_refs || COALESCE($7::jsonb, '{}'::jsonb), updated_at = now()
       WHERE organization_id = $1 AND id = $2 AND state = 'pending'`,
      [organizationId, id, JSON.stringify(steps), ref.scopeId ?? null, ref.scopeName ?? null, ref.vendorKeyId ?? null, ref.refs ? JSON.stringify(ref.refs) : null],
    );
  }

  async list(organizationId: string, filter: KeyFilter, after: KeysetPosition | null, limit: number): Promise<IssuedKey[]> {
    const params: unknown[] = [organizationId];
    const where = ['organization_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.vendor) add('vendor = ?', filter.vendor);
    if (filter.developerId) add('developer_id = ?', filter.developerId);
    if (filter.state) add('state = ?', filter.state);
    if (after) {
      params.push(after.createdAt, after.id);
      where.push(`(created_at, id) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    const rows = await this.q().query<Rows>(
      `SELECT k.*, (SELECT d.name FROM developers d WHERE d.id = k.developer_id) AS developer_name FROM issued_keys k WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(issuedKeyFromRow);
  }

  async liveForDeveloper(organizationId: string, developerId: string): Promise<IssuedKey[]> {
    const rows = await this.q().query<Rows>(
      `SELECT * FROM issued_keys WHERE organization_id = $1 AND developer_id = $2 AND state = ANY($3::text[]) ORDER BY created_at, id`,
      [organizationId, developerId, LIVE_STATES],
    );
    return rows.map(issuedKeyFromRow);
  }

  /**
   * Every row, of any connection and organization, that may own one of these vendor scopes: by scope id or by
   * the intent prefix in the scope's name. Two connections can point at the same vendor organization, so
   * ownership is never judged per connection.
   */
  async possibleOwners(vendor: string, scopeIds: string[], intentPrefixes: string[]): Promise<IssuedKey[]> {
    const rows = await this.q().query<Rows>(
      `SELECT * FROM issued_keys WHERE vendor = $1 AND (scope_id = ANY($2::text[]) OR left(replace(intent_id::text, '-', ''), 8) = ANY($3::text[]))`,
      [vendor, scopeIds, intentPrefixes],
    );
    return rows.map(issuedKeyFromRow);
  }

  async forConnection(connectionId: string): Promise<IssuedKey[]> {
    const rows = await this.q().query<Rows>(`SELECT * FROM issued_keys WHERE connection_id = $1`, [connectionId]);
    return rows.map(issuedKeyFromRow);
  }

  /**
   * Claims up to `limit` rows matching `due` (SQL over issued_keys) for `leaseSeconds`, skipping rows another
   * replica holds: FOR UPDATE SKIP LOCKED plus a lease that a killed replica's claims outlive only briefly.
   */
  async claim(due: string, params: unknown[], limit: number, leaseSeconds: number): Promise<IssuedKey[]> {
    const n = params.length;
    const result = await this.q().query<[Rows, number]>(
      `UPDATE issued_keys SET lease_until = now() + make_interval(secs => $${n + 1}) WHERE id IN (
         SELECT id FROM issued_keys WHERE (${due}) AND (lease_until IS NULL OR lease_until < now())
         ORDER BY updated_at LIMIT $${n + 2} FOR UPDATE SKIP LOCKED) RETURNING *`,
      [...params, leaseSeconds, limit],
    );
    return result[0].map(issuedKeyFromRow);
  }

  async releaseLease(organizationId: string, id: string): Promise<void> {
    await this.q().query(`UPDATE issued_keys SET lease_until = NULL WHERE organization_id = $1 AND id = $2`, [organizationId, id]);
  }

  /** The database clock (every job judges time by it). */
  async dbNow(): Promise<Date> {
    const rows = await this.q().query<Array<{ at: Date }>>(`SELECT now() AS at`);
    if (!rows[0]) throw new Error('SELECT now() returned no row');
    return new Date(rows[0].at);
  }

  /** Stores the month-to-date cost last read from the vendor for these keys, in one statement. */
  async recordSpend(spend: Array<{ id: string; costUsd: number }>): Promise<void> {
    if (spend.length === 0) return;
    await this.q().query(
      `UPDATE issued_keys k SET month_spend_usd = s.cost, spend_checked_at = now()
         FROM unnest($1::text[], $2::numeric[]) AS s(id, cost) WHERE k.id = s.id`,
      [spend.map((x) => x.id), spend.map((x) => x.costUsd)],
    );
  }

  /**
   * Decides a budget suspension of an active key, until the start of the next UTC month (database clock); the
   * mark outlives a crash, so the next pass finishes the suspension; the row is leased to the caller. null when
   * the key is no longer active, already marked or held by another job.
   */
  async markForSuspension(organizationId: string, id: string, leaseSeconds: number): Promise<IssuedKey | null> {
    const result = await this.q().query<[Rows, number]>(
      `UPDATE issued_keys SET suspended_until = (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC',
          lease_until = now() + make_interval(secs => $3), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND state = 'active' AND suspended_until IS NULL AND (lease_until IS NULL OR lease_until < now()) RETURNING *`,
      [organizationId, id, leaseSeconds],
    );
    return result[0][0] ? issuedKeyFromRow(result[0][0]) : null;
  }

  /** Drops a suspension mark that was never confirmed (its month ended first). */
  async clearSuspensionMark(organizationId: string, id: string): Promise<void> {
    await this.q().query(`UPDATE issued_keys SET suspended_until = NULL, updated_at = now() WHERE organization_id = $1 AND id = $2 AND state = 'active'`, [organizationId, id]);
  }

  async setLastError(organizationId: string, id: string, message: string | null): Promise<void> {
    await this.q().query(`UPDATE issued_keys SET last_error = $3 WHERE organization_id = $1 AND id = $2`, [organizationId, id, message === null ? null : message.slice(0, 1000)]);
  }

  async countByVendorAndState(): Promise<Array<{ vendor: string; state: KeyState; n: number }>> {
    return await this.q().query<Array<{ vendor: string; state: KeyState; n: number }>>(`SELECT vendor, state, count(*)::int AS n FROM issued_keys GROUP BY vendor, state`);
  }

  /**
   * Whether another live row of the connection already governs this vendor key. Takes a transaction-scoped lock
   * on the pair first, so two binds of the same vendor key in parallel see each other.
   */
  async vendorKeyTaken(m: EntityManager, connectionId: string, vendorKeyId: string, exceptId: string): Promise<boolean> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vendor-key:${connectionId}:${vendorKeyId}`]);
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM issued_keys WHERE connection_id = $1 AND vendor_key_id = $2 AND id <> $3 AND state = ANY($4) LIMIT 1`,
      [connectionId, vendorKeyId, exceptId, LIVE_STATES],
    );
    return rows.length > 0;
  }

  async setDrift(organizationId: string, id: string, drift: object | null): Promise<void> {
    await this.q().query(`UPDATE issued_keys SET drift = $3, drift_checked_at = now() WHERE organization_id = $1 AND id = $2`, [organizationId, id, drift === null ? null : JSON.stringify(drift)]);
  }
}
