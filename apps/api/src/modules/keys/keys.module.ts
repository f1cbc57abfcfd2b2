import { DynamicModule, Global, Module } from '@nestjs/common';
import { DeveloperOffboarding } from '@api/modules/developers/developer-offboarding';
import { DevelopersModule } from '@api/modules/developers/developers.module';
import { KeysController } from './keys.controller';
import { KeysService } from './keys.service';
import { IdempotencyService } from './lifecycle/idempotency.service';
import { IssuedKeysRepository } from './lifecycle/issued-keys.repository';
import { KeyActivation } from './lifecycle/key-activation';
import { KeyCompensation } from './lifecycle/key-compensation';
import { KeyFingerprints } from './lifecycle/key-fingerprints';
import { KeyOffboarding } from './lifecycle/key-offboarding';
import { KeyProvisioningService } from './lifecycle/key-provisioning.service';
import { ProvisionTargetReader } from './lifecycle/provision-target.reader';
import { KeyRevoker } from './lifecycle/key-revoker';
import { KeyRotationService } from './lifecycle/key-rotation.service';
import { ProvisionersModule, ProvisionersModuleOptions } from './provisioners/provisioners.module';

/**
 * The key lifecycle. Global so DevelopersService (which must not depend on this module) receives the
 * DeveloperOffboarding implementation.
 */
@Global()
@Module({})
export class KeysModule {
  static forRoot(options: ProvisionersModuleOptions = {}): DynamicModule {
    const provisioners = ProvisionersModule.forRoot(options);
    return {
      module: KeysModule,
      imports: [provisioners, DevelopersModule],
      controllers: [KeysController],
      providers: [
        IssuedKeysRepository,
        KeyFingerprints,
        IdempotencyService,
        KeyRevoker,
        KeyCompensation,
        KeyActivation,
        KeyProvisioningService,
        ProvisionTargetReader,
        KeyRotationService,
        KeysService,
        KeyOffboarding,
        { provide: DeveloperOffboarding, useExisting: KeyOffboarding },
      ],
      exports: [DeveloperOffboarding, IssuedKeysRepository, KeyRevoker, KeyCompensation, IdempotencyService, provisioners],
    };
  }
}
