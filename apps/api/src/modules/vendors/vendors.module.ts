import { Module } from '@nestjs/common';
import { ConnectionUsage } from './connection-usage';
import { VendorCatalog } from './vendor-catalog';
import { VendorConnectionsRepository } from './vendor-connections.repository';
import { VendorConnectionsService } from './vendor-connections.service';
import { VendorCredentials } from './vendor-credentials';
import { VendorsController } from './vendors.controller';

@Module({
  controllers: [VendorsController],
  providers: [VendorConnectionsService, VendorConnectionsRepository, VendorCredentials, VendorCatalog, ConnectionUsage],
  exports: [VendorConnectionsRepository, VendorCredentials, VendorCatalog],
})
export class VendorsModule {}
