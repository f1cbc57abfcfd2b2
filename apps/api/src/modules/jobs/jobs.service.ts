import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import { KeysSettings } from '@api/config/keys-settings';
import { IdempotencyService } from '@api/modules/keys/lifecycle/idempotency.service';
import { IssuedKeysRepository } from '@api/modules/keys/lifecycle/issued-keys.repository';
import { MetricsService } from '@api/modules/metrics/metrics.service';
import { BudgetSuspensions } from './budget-suspensions';
import { ConsoleKeyBindingJob } from './console-key-binding.job';
import { KeySweepsJob, SweepCounts } from './key-sweeps.job';
import { SpendLimitJob } from './spend-limit.job';
import { StrayConsoleKeysJob } from './stray-console-keys.job';
import { InventoryCounts, VendorInventoryJob } from './vendor-inventory.job';

export interface PassReport extends SweepCounts, InventoryCounts {
  idempotencyRecordsReaped: number;
  consoleKeysBound: number;
  /** Keys suspended at their monthly budget by KeyGate (vendors that cannot enforce it): this poll's, plus interrupted suspensions finished. */
  overBudget: number;
  /** Suspended keys whose month is over, enabled again. */
  budgetResumed: number;
  /** Keys found in a KeyGate-managed console workspace that are not the bound key (flagged once each). */
  strayKeysFlagged: number;
}

/**
 * Runs every background job once per JOBS_INTERVAL_SECONDS on every replica (when JOBS_ENABLED). All work is
 * claimed in the database, so replicas never do the same thing twice. runPass() runs one pass now.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PassReport> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly settings: KeysSettings,
    private readonly sweeps: KeySweepsJob,
    private readonly binding: ConsoleKeyBindingJob,
    private readonly spendLimits: SpendLimitJob,
    private readonly suspensions: BudgetSuspensions,
    private readonly strays: StrayConsoleKeysJob,
    private readonly inventory: VendorInventoryJob,
    private readonly idempotency: IdempotencyService,
    private readonly keys: IssuedKeysRepository,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled || this.config.mode === 'migrate') return;
    this.timer = setInterval(() => {
      this.runPass().catch((error: unknown) => this.logger.error(`Background pass failed: ${error instanceof Error ? error.message : 'unknown error'}`));
    }, this.settings.jobsIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass of every job; a pass already running on this replica is awaited instead of started twice. */
  runPass(): Promise<PassReport> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<PassReport> {
    const consoleKeysBound = await this.binding.run();
    const sweeps = await this.sweeps.run();
    const polled = await this.spendLimits.run();
    const suspensions = await this.suspensions.run();
    const strayKeysFlagged = await this.strays.run();
    const inventory = await this.inventory.run();
    const idempotencyRecordsReaped = await this.dataSource.transaction((m) => this.idempotency.reap(m));
    await this.refreshKeyGauge();
    return { ...sweeps, ...inventory, idempotencyRecordsReaped, consoleKeysBound, overBudget: polled + suspensions.suspended, budgetResumed: suspensions.resumed, strayKeysFlagged };
  }

  private async refreshKeyGauge(): Promise<void> {
    const counts = await this.keys.countByVendorAndState();
    this.metrics.keysByState.reset();
    for (const c of counts) this.metrics.keysByState.set({ vendor: c.vendor, state: c.state }, c.n);
  }
}
