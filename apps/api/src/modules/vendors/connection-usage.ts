import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** How many live keys depend on a connection. Until the keys table exists nothing does. */
@Injectable()
export class ConnectionUsage {
  async liveKeyCount(m: EntityManager, organizationId: string, connectionId: string): Promise<number> {
    const exists = await m.query<Array<{ present: boolean }>>(`SELECT to_regclass('issued_keys') IS NOT NULL AS present`);
    if (!exists[0]?.present) return 0;
    const rows = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM issued_keys WHERE organization_id = $1 AND connection_id = $2 AND state NOT IN ('revoked','expired','failed')`,
      [organizationId, connectionId],
    );
    return rows[0]?.n ?? 0;
  }
}
