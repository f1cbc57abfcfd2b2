import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BaseVendorProvisioner, DecryptedConnection } from '@keygate/provisioners';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { systemOrigin } from '@api/modules/audit/audit-event.input';
import { vendorRefOf, type IssuedKey } from '@api/modules/keys/lifecycle/issued-key';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { KeyRevoker } from '@api/modules/keys/lifecycle/key-revoker';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { JobLeases } from './job-leases';
import { SpendPollSettings } from './spend-poll-settings';

/** The calendar month (UTC) the monthly budget counts against, up to now. */
export function currentBudgetWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: now };
}

/**
 * The monthly budget of vendors that cannot enforce it themselves (budget_limit_usd enforced by `keygate`,
 * e.g. Anthropic): once per SPEND_POLL_SECONDS per connection (a lease shared by all replicas) the vendor's
 * cost report is read for every active key, and a key whose month-to-date cost reached its budget is
 * deactivated at the vendor and retired (audited key.budget_exhausted, then the usual revocation). The
 * vendor's report lags (Anthropic: up to an hour), so spend can overshoot by that much.
 */
@Injectable()
export class SpendLimitJob {
  private readonly logger = new Logger('SpendLimits');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly revoker: KeyRevoker,
    private readonly leases: JobLeases,
    private readonly audit: AuditWriter,
    private readonly settings: SpendPollSettings,
  ) {}

  async run(now = new Date()): Promise<number> {
    const connections = await this.dataSource.query<Array<{ id: string; organization_id: string; vendor: string }>>(`SELECT id, organization_id, vendor FROM vendor_connections ORDER BY created_at`);
    let stopped = 0;
    for (const c of connections) {
      const provisioner = this.provisioners.find(c.vendor);
      if (!provisioner?.usage || provisioner.capabilities.fields.budget_limit_usd.enforcement !== 'keygate') continue;
      if (!(await this.pollDue(`spend-poll:${c.id}`))) continue;
      try {
        const conn = await this.opener.open(c.organization_id, c.id);
        const active = (await this.keys.forConnection(c.id)).filter((k) => k.state === 'active' && k.scopeId);
        for (const key of active) if (await this.enforce(provisioner, conn, key, now)) stopped += 1;
      } catch (error: unknown) {
        this.logger.error(`Spend poll of connection ${c.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
    return stopped;
  }

  /**
   * The poll lease is held, never released: it is also the polling interval, whichever replica polled last.
   * A holder may renew its own lease at any time, so an unexpired lease means "not yet" for everyone.
   */
  private async pollDue(lease: string): Promise<boolean> {
    const held = await this.dataSource.query<unknown[]>(`SELECT 1 FROM job_leases WHERE name = $1 AND lease_until > now()`, [lease]);
    if (held.length > 0) return false;
    return this.leases.tryAcquire(lease, this.settings.pollSeconds);
  }

  private async enforce(provisioner: BaseVendorProvisioner, conn: DecryptedConnection, key: IssuedKey, now: Date): Promise<boolean> {
    if (!provisioner.usage) return false;
    const window = currentBudgetWindow(now);
    const { costUsd } = await provisioner.usage(conn, vendorRefOf(key), window);
    if (costUsd < key.budgetLimitUsd) return false;
    const origin = systemOrigin(key.organizationId, 'spend-limit');
    await this.dataSource.transaction((m) =>
      this.audit.append(m, origin, {
        action: 'key.budget_exhausted',
        outcome: 'failure',
        target: { type: 'key', id: key.id },
        details: { vendor: key.vendor, developer_id: key.developerId, cost_usd: costUsd, budget_limit_usd: key.budgetLimitUsd, window_from: window.from.toISOString(), window_to: window.to.toISOString() },
      }),
    );
    const result = await this.revoker.revoke(origin, key, 'revoked', ['active']);
    return result.outcome === 'revoked';
  }
}
