import type { DataSource } from 'typeorm';

export interface ConnectionToVisit {
  id: string;
  organization_id: string;
  vendor: string;
}

/** Every vendor connection of every organization, oldest first: what the per-connection passes walk through. */
export function connectionsToVisit(dataSource: DataSource): Promise<ConnectionToVisit[]> {
  return dataSource.query<ConnectionToVisit[]>(`SELECT id, organization_id, vendor FROM vendor_connections ORDER BY created_at`);
}
