import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { OrganizationsModule } from '@api/modules/organizations/organizations.module';
import { UsersModule } from '@api/modules/users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginRateLimiter } from './login-rate-limiter';
import { MeService } from './me.service';
import { SessionChangeListener } from './session-change.listener';
import { SessionCacheModule } from './session-cache.module';
import { SessionRepository } from './session.repository';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), UsersModule, OrganizationsModule, SessionCacheModule],
  controllers: [AuthController],
  providers: [AuthService, MeService, TokenService, JwtStrategy, SessionRepository, SessionChangeListener, LoginRateLimiter, PasswordHasher],
  exports: [SessionRepository],
})
export class AuthModule {}
