import { DynamicModule, Module } from '@nestjs/common';
import type { BaseVendorProvisioner } from '@keygate/provisioners';
import { AppConfig } from '@api/config/app-config';
import { KeysSettings } from '@api/config/keys-settings';
import { VendorCatalog } from '@api/modules/vendors/vendor-catalog';
import { VendorsModule } from '@api/modules/vendors/vendors.module';
import { ConnectionCheckService } from './connection-check.service';
import { provisionerEndpoints } from './provisioner-endpoints';
import { buildProvisioners, Provisioners } from './provisioner-registry';
import { VendorCapabilitiesController } from './vendor-capabilities.controller';
import { VendorConnectionOpener } from './vendor-connections.opener';

export interface ProvisionersModuleOptions {
  /** Custom vendors: registered next to the built-in ones and accepted by the VendorCatalog. */
  custom?: readonly BaseVendorProvisioner[];
}

/** The provisioner registry, built once from server configuration (AppConfig.vendorEndpoints), never from requests. */
@Module({})
export class ProvisionersModule {
  static forRoot(options: ProvisionersModuleOptions = {}): DynamicModule {
    return {
      module: ProvisionersModule,
      imports: [VendorsModule],
      controllers: [VendorCapabilitiesController],
      providers: [
        { provide: KeysSettings, inject: [AppConfig], useFactory: (config: AppConfig) => config.keys },
        {
          provide: Provisioners,
          inject: [AppConfig, KeysSettings, VendorCatalog],
          useFactory: (config: AppConfig, settings: KeysSettings, catalog: VendorCatalog) =>
            buildProvisioners(provisionerEndpoints(config.vendorEndpoints, settings), catalog, options.custom ?? []),
        },
        VendorConnectionOpener,
        ConnectionCheckService,
      ],
      exports: [Provisioners, VendorConnectionOpener, KeysSettings, VendorsModule],
    };
  }
}
