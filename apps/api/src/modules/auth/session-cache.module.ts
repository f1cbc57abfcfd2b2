import { Module } from '@nestjs/common';
import { SessionLivenessCache } from './session-liveness.cache';

/** One session cache per process, shared by whoever verifies sessions and whoever ends them. */
@Module({
  providers: [SessionLivenessCache],
  exports: [SessionLivenessCache],
})
export class SessionCacheModule {}
