import { DynamicModule, Module } from '@nestjs/common';
import type { BaseVendorProvisioner } from '@keygate/provisioners';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@api/config/app-config';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { dataSourceOptions } from '@api/database/data-source';
import { AccessGuard } from '@api/common/auth/access.guard';
import { AllExceptionsFilter } from '@api/common/errors/all-exceptions.filter';
import { createValidationPipe } from '@api/common/errors/validation.pipe';
import { AuditModule } from '@api/modules/audit/audit.module';
import { AuthModule } from '@api/modules/auth/auth.module';
import { DevelopersModule } from '@api/modules/developers/developers.module';
import { HealthController } from '@api/modules/health/health.controller';
import { JobsModule } from '@api/modules/jobs/jobs.module';
import { KeysModule } from '@api/modules/keys/keys.module';
import { MetricsModule } from '@api/modules/metrics/metrics.module';
import { OrganizationsModule } from '@api/modules/organizations/organizations.module';
import { UsersModule } from '@api/modules/users/users.module';
import { VendorsModule } from '@api/modules/vendors/vendors.module';

/** Runtime values resolved before Nest starts: validated configuration, root secrets, the database URL. */
export interface AppRuntime {
  config: AppConfig;
  secrets: RuntimeSecrets;
  databaseUrl: string;
  /** Custom vendors (one BaseVendorProvisioner each), served next to the built-in four. */
  customVendors?: readonly BaseVendorProvisioner[];
}

@Module({})
export class AppModule {
  static forRuntime(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: runtime.databaseUrl, ssl: runtime.config.database.ssl, poolMax: runtime.config.database.poolMax }),
          migrationsRun: false,
        }),
        MetricsModule,
        AuditModule,
        OrganizationsModule,
        UsersModule,
        AuthModule,
        DevelopersModule,
        VendorsModule,
        KeysModule.forRoot({ custom: runtime.customVendors ?? [] }),
        JobsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: runtime.config },
        { provide: RuntimeSecrets, useValue: runtime.secrets },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [AppConfig, RuntimeSecrets],
    };
  }
}
