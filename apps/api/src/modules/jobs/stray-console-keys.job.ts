import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ManagedScope } from '@keygate/provisioners';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { KeysSettings } from '@api/config/keys-settings';
import type { IssuedKey } from '@api/modules/keys/lifecycle/issued-key';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { LIVE_STATES } from '@api/modules/keys/lifecycle/key-state';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { JobLeases } from './job-leases';
import { connectionsToVisit } from './connections-to-visit';

/**
 * Vendors whose keys are made in their console (Anthropic): any key in a KeyGate-managed workspace that is
 * not the one bound to a KeyGate key is flagged once (audited key.stray_key_found on the workspace's key).
 * Strays found while binding are already listed in key.console_key_bound and are not flagged again. Revoking
 * or offboarding the KeyGate key retires every key of the workspace, strays included.
 */
@Injectable()
export class StrayConsoleKeysJob {
  private readonly logger = new Logger('StrayConsoleKeys');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly leases: JobLeases,
    private readonly audit: AuditWriter,
    private readonly settings: KeysSettings,
  ) {}

  async run(): Promise<number> {
    const connections = await connectionsToVisit(this.dataSource);
    let flagged = 0;
    for (const c of connections) {
      const provisioner = this.provisioners.find(c.vendor);
      if (provisioner?.capabilities.keyDelivery !== 'developer_creates_in_console') continue;
      const lease = `stray-keys:${c.id}`;
      if (!(await this.leases.tryAcquire(lease, this.settings.leaseSeconds))) continue;
      try {
        const conn = await this.opener.open(c.organization_id, c.id);
        const rows = await this.keys.forConnection(c.id);
        for await (const scope of provisioner.listManaged(conn)) flagged += await this.flagScope(scope, rows);
      } catch (error: unknown) {
        this.logger.error(`Looking for stray keys of connection ${c.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      } finally {
        await this.leases.release(lease);
      }
    }
    return flagged;
  }

  private async flagScope(scope: ManagedScope, rows: IssuedKey[]): Promise<number> {
    const inScope = rows.filter((k) => k.scopeId === scope.scopeId);
    const owner = inScope.find((k) => k.state === 'active') ?? inScope.find((k) => LIVE_STATES.includes(k.state));
    if (!owner) return 0; // no live key: the reconciler's business
    const known = new Set(inScope.map((k) => k.vendorKeyId).filter((id): id is string => id !== null));
    let flagged = 0;
    for (const strayId of scope.vendorKeyIds.filter((id) => !known.has(id))) {
      if (await this.alreadyFlagged(owner, strayId)) continue;
      await this.dataSource.transaction((m) =>
        this.audit.append(m, systemOrigin(owner.organizationId, 'stray-console-keys'), {
          action: 'key.stray_key_found',
          outcome: 'failure',
          target: { type: 'key', id: owner.id },
          details: { vendor: owner.vendor, developer_id: owner.developerId, scope_id: scope.scopeId, scope_name: scope.scopeName, stray_key_id: strayId },
        }),
      );
      flagged += 1;
    }
    return flagged;
  }

  private async alreadyFlagged(owner: IssuedKey, strayId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM audit_events WHERE organization_id = $1 AND target_id = ANY($2)
         AND ((action = 'key.stray_key_found' AND details->>'stray_key_id' = $3) OR (action = 'key.console_key_bound' AND details->'stray_key_ids' ? $3))
       LIMIT 1`,
      [owner.organizationId, [owner.id, ...(owner.rotatedFrom ? [owner.rotatedFrom] : [])], strayId],
    );
    return rows.length > 0;
  }
}
