import { Injectable } from '@nestjs/common';
import type { DecryptedConnection } from '@keygate/provisioners';
import { notFound } from '@api/common/errors/domain-error';
import type { VendorConnectionEntity } from '@api/modules/vendors/entities/vendor-connection.entity';
import { VendorConnectionsRepository } from '@api/modules/vendors/vendor-connections.repository';
import { VendorCredentials } from '@api/modules/vendors/vendor-credentials';

/** The columns of a connection row that opening it needs. */
export type OpenableConnection = Pick<VendorConnectionEntity, 'id' | 'vendor' | 'label' | 'credentialSealed' | 'settings'>;

/** Loads a connection and decrypts its admin credential for one vendor call; nothing is cached. */
@Injectable()
export class VendorConnectionOpener {
  constructor(
    private readonly connections: VendorConnectionsRepository,
    private readonly credentials: VendorCredentials,
  ) {}

  async open(organizationId: string, connectionId: string): Promise<DecryptedConnection> {
    const connection = await this.connections.findById(organizationId, connectionId);
    if (!connection) throw notFound('connection_not_found', 'Vendor connection', connectionId);
    return this.decrypt(connection);
  }

  /** A connection row already read in this organization, with its admin credential unsealed. */
  decrypt(connection: OpenableConnection): DecryptedConnection {
    return {
      id: connection.id,
      vendor: connection.vendor,
      label: connection.label,
      adminCredential: this.credentials.open(connection.id, connection.credentialSealed),
      settings: connection.settings,
    };
  }
}
