import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BaseVendorProvisioner } from '@keygate/provisioners';
import { SpendPollSettings } from '@api/config/spend-poll-settings';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { Provisioners } from '@api/modules/keys/provisioners/provisioner-registry';
import { VendorConnectionOpener } from '@api/modules/keys/provisioners/vendor-connections.opener';
import { BudgetSuspensions } from './budget-suspensions';
import { JobLeases } from './job-leases';
import { spendByKey } from './key-spend';
import { connectionsToVisit } from './connections-to-visit';

/** The calendar month (UTC) the monthly budget counts against, up to now. */
export function currentBudgetWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: now };
}

type SpendPollingProvisioner = BaseVendorProvisioner & Required<Pick<BaseVendorProvisioner, 'usageByScope' | 'setKeyEnabled'>>;

function pollsSpend(provisioner: BaseVendorProvisioner | undefined): provisioner is SpendPollingProvisioner {
  return provisioner?.usageByScope !== undefined && provisioner.setKeyEnabled !== undefined && provisioner.capabilities.fields.budget_limit_usd.enforcement === 'keygate';
}

/**
 * The monthly budget of vendors that cannot enforce it themselves (budget_limit_usd enforced by `keygate`,
 * e.g. Anthropic): once per SPEND_POLL_SECONDS per connection (a lease shared by all replicas) the vendor's
 * cost report is read ONCE for the whole connection, grouped by scope (and by vendor key where the vendor can),
 * and every active key's month-to-date cost (spendByKey: its own key's in a scope shared by developers) is
 * recorded and compared with its budget. A key at or over it is suspended until the next UTC month
 * (BudgetSuspensions), not revoked. The vendor's report lags (Anthropic: up to an hour), so spend can overshoot
 * by that much.
 */
@Injectable()
export class SpendLimitJob {
  private readonly logger = new Logger('SpendLimits');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuedKeysRepository,
    private readonly provisioners: Provisioners,
    private readonly opener: VendorConnectionOpener,
    private readonly suspensions: BudgetSuspensions,
    private readonly leases: JobLeases,
    private readonly settings: SpendPollSettings,
  ) {}

  /** Keys suspended by this poll. */
  async run(): Promise<number> {
    const connections = await connectionsToVisit(this.dataSource);
    let suspended = 0;
    for (const c of connections) {
      const provisioner = this.provisioners.find(c.vendor);
      if (!pollsSpend(provisioner)) continue;
      if (!(await this.pollDue(`spend-poll:${c.id}`))) continue;
      try {
        suspended += await this.pollConnection(provisioner, c.organization_id, c.id);
      } catch (error: unknown) {
        this.logger.error(`Spend poll of connection ${c.id} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
    return suspended;
  }

  private async pollConnection(provisioner: SpendPollingProvisioner, organizationId: string, connectionId: string): Promise<number> {
    const keys = await this.keys.forConnection(connectionId);
    const active = keys.filter((k) => k.state === 'active' && k.scopeId);
    if (active.length === 0) return 0;
    const conn = await this.opener.open(organizationId, connectionId);
    const costs = await provisioner.usageByScope(conn, currentBudgetWindow(await this.keys.dbNow()));
    const spend = spendByKey(active, keys, costs);
    await this.keys.recordSpend(spend.map((s) => ({ id: s.key.id, costUsd: s.costUsd })));
    let suspended = 0;
    for (const { key, costUsd } of spend) {
      // A key already marked is being suspended (or finished by the next pass): it is not decided twice.
      if (costUsd < key.budgetLimitUsd || key.suspendedUntil !== null) continue;
      if (await this.suspensions.suspendOverBudget(key)) suspended += 1;
    }
    return suspended;
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
}
