import type { AccountAddress } from '@sim/azure/arm/arm-resource-ids';

export type ProvisioningState = 'Accepted' | 'Creating' | 'Succeeded' | 'Deleting' | 'Failed';

export interface AccountKeys {
  key1: string;
  key2: string;
}

export interface DeployedModel {
  format: string;
  name: string;
  version: string;
}

export interface ModelDeployment {
  name: string;
  skuName: string;
  /** Standard quota units: 1 unit = 1,000 tokens per minute. */
  capacity: number;
  model: DeployedModel;
  raiPolicyName: string;
  versionUpgradeOption: string;
  provisioningState: ProvisioningState;
  etag: string;
  tags: Record<string, string>;
  createdAt: string;
  modifiedAt: string;
}

export interface CognitiveAccount {
  address: AccountAddress;
  location: string;
  kind: string;
  skuName: string;
  tags: Record<string, string>;
  customSubDomainName: string | null;
  disableLocalAuth: boolean;
  publicNetworkAccess: string;
  networkAcls: unknown;
  provisioningState: ProvisioningState;
  etag: string;
  internalId: string;
  createdAt: string;
  modifiedAt: string;
  /** The client id of the app registration that created the account (ARM `systemData`). */
  createdBy: string;
  keys: AccountKeys;
  /** Keyed by lower-cased deployment name (ARM names are case-insensitive). */
  deployments: Map<string, ModelDeployment>;
}

export interface DeletedAccount {
  account: CognitiveAccount;
  deletedAt: string;
  scheduledPurgeAt: string;
}

export interface InferenceUsageRecord {
  at: string;
  accountId: string;
  deployment: string;
  model: string;
  keyName: 'key1' | 'key2';
  promptTokens: number;
  completionTokens: number;
}
