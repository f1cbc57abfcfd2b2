import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { intentPrefix, type BaseVendorProvisioner, type DecryptedConnection, type ManagedScope } from '@keygate/provisioners';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { KeysSettings } from '@api/config/keys-settings';
import { IssuedKey, vendorRefOf } from '@api/modules/keys/lifecycle/issued-key';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { LIVE_STATES } from '@api/modules/keys/lifecycle/key-state';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { JobLeases } from './job-leases';
import { policyDrift } from './policy-drift';
import { connectionsToVisit } from './connections-to-visit';

export interface InventoryCounts {
  connections: number;
  orphansRemoved: number;
  drifted: number;
}

/**
 * The reconciler's inventory pass, per vendor connection (one replica at a time through a lease): every
 * managed vendor scope that no live row owns is removed (audited key.orphan_removed), and every active key's
 * vendor-side policy is read back and compared, drift stored on the row.
 */
@Injectable()
export class VendorInventoryJob {
  private readonly logger = new Logger('Reconciler');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly leases: JobLeases,
    private readonly audit: AuditWriter,
    private readonly settings: KeysSettings,
  ) {}

  async run(): Promise<InventoryCounts> {
    const connections = await connectionsToVisit(this.dataSource);
    const counts: InventoryCounts = { connections: 0, orphansRemoved: 0, drifted: 0 };
    for (const c of connections) {
      const provisioner = this.provisioners.find(c.vendor);
      if (!provisioner) continue;
      const lease = `inventory:${c.id}`;
      if (!(await this.leases.tryAcquire(lease, this.settings.leaseSeconds))) continue;
      try {
        const conn = await this.opener.open(c.organization_id, c.id);
        counts.connections += 1;
        counts.orphansRemoved += await this.removeOrphans(provisioner, conn, c.organization_id);
        counts.drifted += await this.checkDrift(provisioner, conn);
      } catch (error: unknown) {
        this.logger.error(`Inventory of connection ${c.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      } finally {
        await this.leases.release(lease);
      }
    }
    return counts;
  }

  private async removeOrphans(provisioner: BaseVendorProvisioner, conn: DecryptedConnection, organizationId: string): Promise<number> {
    const scopes: ManagedScope[] = [];
    for await (const scope of provisioner.listManaged(conn)) scopes.push(scope);
    const prefixesOf = (scope: ManagedScope) => scope.intentPrefixes ?? [scope.intentPrefix];
    const owns = (k: IssuedKey, scope: ManagedScope) => k.scopeId === scope.scopeId || prefixesOf(scope).includes(intentPrefix(k.intentId));
    const rows = await this.keys.possibleOwners(conn.vendor, scopes.map((x) => x.scopeId), scopes.flatMap(prefixesOf));
    let removed = 0;
    for (const scope of scopes) {
      const owners = rows.filter((k) => owns(k, scope));
      if (owners.some((k) => LIVE_STATES.includes(k.state))) continue;
      // A scope left by revoked keys with no key in it is an empty container, not an orphan.
      if (owners.length > 0 && scope.vendorKeyIds.length === 0) continue;
      // Rows are written (Tx A) before any vendor call, so an in-flight provision always has a live row; look again
      // right before removing, in case one started since the first read.
      const fresh = await this.keys.possibleOwners(conn.vendor, [scope.scopeId], prefixesOf(scope));
      if (fresh.some((k) => LIVE_STATES.includes(k.state))) continue;
      await provisioner.revoke(conn, { scopeId: scope.scopeId, scopeName: scope.scopeName, vendorKeyId: null, refs: {} }, { offboard: true });
      await this.dataSource.transaction((m) =>
        this.audit.append(m, systemOrigin(organizationId, 'reconciler'), {
          // No row at all: an orphan. Only finished keys: what their revocation left (a key the vendor kept live).
          action: owners.length === 0 ? 'key.orphan_removed' : 'key.retired_scope_removed',
          target: { type: 'vendor_scope', id: scope.scopeId },
          details: { vendor: conn.vendor, connection_id: conn.id, scope_name: scope.scopeName, vendor_key_ids: scope.vendorKeyIds, former_keys: owners.map((k) => k.id) },
        }),
      );
      removed += 1;
    }
    return removed;
  }

  private async checkDrift(provisioner: BaseVendorProvisioner, conn: DecryptedConnection): Promise<number> {
    let drifted = 0;
    const active = (await this.keys.forConnection(conn.id)).filter((k) => k.state === 'active' && k.scopeId);
    for (const key of active) {
      const drift = policyDrift(key, await provisioner.readPolicy(conn, vendorRefOf(key)), provisioner.capabilities);
      if (drift) drifted += 1;
      const changed = JSON.stringify(drift) !== JSON.stringify(key.drift);
      await this.keys.setDrift(key.organizationId, key.id, drift);
      if (changed && drift) {
        await this.dataSource.transaction((m) =>
          this.audit.append(m, systemOrigin(key.organizationId, 'reconciler'), { action: 'key.drift_detected', outcome: 'failure', target: { type: 'key', id: key.id }, details: { vendor: key.vendor, drift } }),
        );
      }
    }
    return drifted;
  }
}
