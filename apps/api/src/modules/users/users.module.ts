import { Module } from '@nestjs/common';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { SessionCacheModule } from '@api/modules/auth/session-cache.module';
import { SessionRepository } from '@api/modules/auth/session.repository';
import { DevelopersRepository } from '@api/modules/developers/developers.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [SessionCacheModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, SessionRepository, DevelopersRepository, PasswordHasher],
  exports: [UsersRepository],
})
export class UsersModule {}
