import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VendorConnectionsService } from '@api/modules/vendors/vendor-connections.service';
import type { SandboxConnection } from './sandbox-vendors';

/** Gives every organization a "sandbox" connection per simulated vendor (once; restarts reuse them). */
export async function connectSandbox(app: INestApplicationContext, connections: SandboxConnection[]): Promise<void> {
  const organizations = await app.get(DataSource).query<Array<{ id: string }>>(`SELECT id FROM organizations ORDER BY created_at`);
  const service = app.get(VendorConnectionsService, { strict: false });
  for (const { id } of organizations) {
    for (const connection of connections) await service.ensureSandboxConnection(id, connection);
  }
}
