import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isVendorError, type ConnectionCheck } from '@keygate/provisioners';
import { notFound } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { originOf } from '@api/modules/audit/audit-event.input';
import { enforcementOf } from '@api/modules/keys/key.mapper';
import { VendorConnectionsRepository } from '@api/modules/vendors/vendor-connections.repository';
import { ConnectionCheckResultDto, VendorCapabilityDto } from './vendor-capabilities.dto';
import { Provisioners } from './provisioner-registry';
import { VendorConnectionOpener } from './vendor-connections.opener';
import { vendorErrorToDomain } from './vendor-error.mapper';

/** Capabilities per vendor, and checking a connection's admin credential at its vendor (result stored, audited). */
@Injectable()
export class ConnectionCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly connections: VendorConnectionsRepository,
    private readonly audit: AuditWriter,
  ) {}

  capabilities(): VendorCapabilityDto[] {
    return this.provisioners.capabilities().map(({ vendor, capabilities }) => ({
      vendor,
      key_delivery: capabilities.keyDelivery,
      rotation: capabilities.rotation,
      fields: enforcementOf(capabilities),
    }));
  }

  async check(ctx: RequestContext, connectionId: string): Promise<ConnectionCheckResultDto> {
    const conn = await this.opener.open(ctx.organizationId, connectionId);
    let result: ConnectionCheck;
    try {
      result = await this.provisioners.get(conn.vendor).checkConnection(conn);
    } catch (error: unknown) {
      if (!isVendorError(error)) throw error;
      if (error.kind !== 'connection_rejected') throw vendorErrorToDomain(error, conn);
      result = { ok: false, missingPermissions: [], detail: vendorErrorToDomain(error, conn).message };
    }
    return this.dataSource.transaction(async (m) => {
      const row = await this.connections.findByIdLocked(m, ctx.organizationId, connectionId);
      if (!row) throw notFound('connection_not_found', 'Vendor connection', connectionId);
      row.checkStatus = result.ok ? 'ok' : 'failed';
      row.checkDetail = { message: result.detail, missing_permissions: result.missingPermissions };
      row.checkedAt = new Date();
      await this.connections.save(m, row);
      await this.audit.append(m, originOf(ctx), {
        action: 'vendor_connection.checked',
        outcome: result.ok ? 'success' : 'failure',
        target: { type: 'vendor_connection', id: connectionId },
        details: { vendor: conn.vendor, label: conn.label, ok: result.ok, missing_permissions: result.missingPermissions },
      });
      return {
        connection_id: connectionId,
        ok: result.ok,
        status: row.checkStatus,
        message: result.detail,
        missing_permissions: result.missingPermissions,
        checked_at: row.checkedAt.toISOString(),
      };
    });
  }
}
