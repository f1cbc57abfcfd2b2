export const PROVIDER = 'Microsoft.CognitiveServices';

export interface AccountAddress {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export function accountResourceId(address: AccountAddress): string {
  return `/subscriptions/${address.subscriptionId}/resourceGroups/${address.resourceGroup}/providers/${PROVIDER}/accounts/${address.name}`;
}

export function deletedAccountResourceId(address: AccountAddress, location: string): string {
  return `/subscriptions/${address.subscriptionId}/providers/${PROVIDER}/locations/${location}/resourceGroups/${address.resourceGroup}/deletedAccounts/${address.name}`;
}

/** ARM names are case-insensitive: every lookup goes through this key. */
export function accountKey(address: AccountAddress): string {
  return `${address.subscriptionId}/${address.resourceGroup}/${address.name}`.toLowerCase();
}
