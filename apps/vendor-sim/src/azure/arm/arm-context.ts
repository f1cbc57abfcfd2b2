import type { AzureWorld } from '@sim/azure/arm/azure-world';

/** What ARM route handlers share. */
export interface ArmContext {
  world: AzureWorld;
  /** The app registration acting on the subscription (recorded in `systemData`). */
  clientId: string;
}
