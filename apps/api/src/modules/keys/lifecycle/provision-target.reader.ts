import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SealedSecret } from '@keygate/crypto';
import type { ProvisionIntent } from '@keygate/provisioners';
import type { OpenableConnection } from '@api/modules/keys/provisioners/vendor-connections.opener';

export interface ProvisionTarget {
  developer: (ProvisionIntent['developer'] & { active: boolean }) | null;
  /** The connection named by id (of any vendor: the caller checks), or else the vendor's oldest one. */
  connection: OpenableConnection | null;
}

interface TargetRow {
  developer_id: string | null;
  developer_name: string;
  developer_email: string;
  developer_team: string;
  developer_active: boolean;
  connection_id: string | null;
  connection_vendor: string;
  connection_label: string;
  connection_credential: SealedSecret;
  connection_settings: Record<string, string>;
}

/** What a provision needs before Tx A, the developer and the vendor connection, read in one query. */
@Injectable()
export class ProvisionTargetReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(organizationId: string, developerId: string, vendor: string, connectionId: string | null): Promise<ProvisionTarget> {
    const [row] = await this.dataSource.query<TargetRow[]>(
      `SELECT d.id AS developer_id, d.name AS developer_name, d.email AS developer_email, d.team AS developer_team, d.active AS developer_active,
              c.id AS connection_id, c.vendor AS connection_vendor, c.label AS connection_label,
              c.credential_sealed AS connection_credential, c.settings AS connection_settings
         FROM (SELECT 1) AS one
         LEFT JOIN developers d ON d.organization_id = $1 AND d.id = $2
         LEFT JOIN LATERAL (
           SELECT id, vendor, label, credential_sealed, settings FROM vendor_connections
            WHERE organization_id = $1 AND CASE WHEN $4::uuid IS NULL THEN vendor = $3 ELSE id = $4::uuid END
            ORDER BY created_at, id LIMIT 1
         ) c ON true`,
      [organizationId, developerId, vendor, connectionId],
    );
    if (!row) throw new Error('the provision target query returned no row');
    return {
      developer: row.developer_id === null ? null : { id: row.developer_id, name: row.developer_name, email: row.developer_email, team: row.developer_team, active: row.developer_active },
      connection: row.connection_id === null
        ? null
        : { id: row.connection_id, vendor: row.connection_vendor, label: row.connection_label, credentialSealed: row.connection_credential, settings: row.connection_settings },
    };
  }
}
