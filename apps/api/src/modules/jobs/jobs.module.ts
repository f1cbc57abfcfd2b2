import { Module } from '@nestjs/common';
import { AppConfig } from '@api/config/app-config';
import { SpendPollSettings } from '@api/config/spend-poll-settings';
import { BudgetSuspensions } from './budget-suspensions';
import { ConsoleKeyBindingJob } from './console-key-binding.job';
import { ConsoleKeyRefreshController } from './console-key-refresh.controller';
import { JobLeases } from './job-leases';
import { JobsService } from './jobs.service';
import { KeySweepsJob } from './key-sweeps.job';
import { SpendLimitJob } from './spend-limit.job';
import { StrayConsoleKeysJob } from './stray-console-keys.job';
import { VendorInventoryJob } from './vendor-inventory.job';

/** Background jobs of the key lifecycle (needs KeysModule, which is global). */
@Module({
  controllers: [ConsoleKeyRefreshController],
  providers: [
    JobsService,
    JobLeases,
    KeySweepsJob,
    VendorInventoryJob,
    ConsoleKeyBindingJob,
    SpendLimitJob,
    BudgetSuspensions,
    StrayConsoleKeysJob,
    { provide: SpendPollSettings, inject: [AppConfig], useFactory: (config: AppConfig) => config.spendPoll },
  ],
  exports: [JobsService, BudgetSuspensions],
})
export class JobsModule {}
