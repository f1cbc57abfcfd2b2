import { Module } from '@nestjs/common';
import { ConsoleKeyBindingJob } from './console-key-binding.job';
import { JobLeases } from './job-leases';
import { JobsService } from './jobs.service';
import { KeySweepsJob } from './key-sweeps.job';
import { VendorInventoryJob } from './vendor-inventory.job';

/** Background jobs of the key lifecycle (needs KeysModule, which is global). */
@Module({ providers: [JobsService, JobLeases, KeySweepsJob, VendorInventoryJob, ConsoleKeyBindingJob], exports: [JobsService] })
export class JobsModule {}
