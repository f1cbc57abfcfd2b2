import { Module } from '@nestjs/common';
import { ConsoleKeyBindingJob } from './console-key-binding.job';
import { ConsoleKeyRefreshController } from './console-key-refresh.controller';
import { JobLeases } from './job-leases';
import { JobsService } from './jobs.service';
import { KeySweepsJob } from './key-sweeps.job';
import { SpendLimitJob } from './spend-limit.job';
import { SpendPollSettings } from './spend-poll-settings';
import { StrayConsoleKeysJob } from './stray-console-keys.job';
import { VendorInventoryJob } from './vendor-inventory.job';

/** Background jobs of the key lifecycle (needs KeysModule, which is global). */
@Module({
  controllers: [ConsoleKeyRefreshController],
  providers: [JobsService, JobLeases, KeySweepsJob, VendorInventoryJob, ConsoleKeyBindingJob, SpendLimitJob, StrayConsoleKeysJob, { provide: SpendPollSettings, useFactory: () => SpendPollSettings.fromEnv(process.env) }],
  exports: [JobsService],
})
export class JobsModule {}
