import { accountResourceId, deletedAccountResourceId } from '@sim/azure/arm/arm-resource-ids';
import type { CognitiveAccount, DeletedAccount, ModelDeployment } from '@sim/azure/arm/cognitive-account';

/**
 * The data-plane base URL of an account, on the simulator's own origin. Azure gives
 * `https://{customSubDomainName}.openai.azure.com/`; loopback has one host, so the subdomain
 * (or, without one, the region) becomes the first path segment.
 */
export function accountEndpoint(account: CognitiveAccount, origin: string): string {
  return account.customSubDomainName === null
    ? `${origin}/regions/${account.location}/`
    : `${origin}/custom-domains/${account.customSubDomainName}/`;
}

function systemData(createdBy: string, createdAt: string, modifiedAt: string) {
  return {
    createdBy,
    createdByType: 'Application',
    createdAt,
    lastModifiedBy: createdBy,
    lastModifiedByType: 'Application',
    lastModifiedAt: modifiedAt,
  };
}

function accountProperties(account: CognitiveAccount, origin: string): Record<string, unknown> {
  const endpoint = accountEndpoint(account, origin);
  return {
    endpoint,
    endpoints: {
      'OpenAI Language Model Instance API': endpoint,
      'OpenAI Dall-E API': endpoint,
      'OpenAI Realtime API': endpoint.replace(/^https:/, 'wss:'),
    },
    provisioningState: account.provisioningState,
    ...(account.customSubDomainName === null ? {} : { customSubDomainName: account.customSubDomainName }),
    internalId: account.internalId,
    dateCreated: account.createdAt,
    callRateLimit: {
      rules: [
        {
          key: 'openai.dalle.post',
          renewalPeriod: 1,
          count: 30,
          matchPatterns: [{ path: 'dalle/*', method: '*' }],
        },
      ],
    },
    isMigrated: false,
    privateEndpointConnections: [],
    publicNetworkAccess: account.publicNetworkAccess,
    ...(account.networkAcls === undefined ? {} : { networkAcls: account.networkAcls }),
    disableLocalAuth: account.disableLocalAuth,
    capabilities: [
      { name: 'VirtualNetworks' },
      { name: 'CustomerManagedKey' },
      { name: 'MaxFineTuneCount', value: '100' },
      { name: 'MaxTrainingFileSize', value: '512000000' },
    ],
  };
}

export function accountView(account: CognitiveAccount, origin: string): Record<string, unknown> {
  return {
    id: accountResourceId(account.address),
    name: account.address.name,
    type: 'Microsoft.CognitiveServices/accounts',
    etag: account.etag,
    location: account.location,
    kind: account.kind,
    sku: { name: account.skuName },
    tags: account.tags,
    systemData: systemData(account.createdBy, account.createdAt, account.modifiedAt),
    properties: accountProperties(account, origin),
  };
}

export function deletedAccountView(entry: DeletedAccount, origin: string): Record<string, unknown> {
  const account = entry.account;
  return {
    ...accountView(account, origin),
    id: deletedAccountResourceId(account.address, account.location),
    type: 'Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts',
    properties: {
      ...accountProperties(account, origin),
      deletionDate: entry.deletedAt,
      scheduledPurgeDate: entry.scheduledPurgeAt,
    },
  };
}

/** Azure's published Standard ratio: each capacity unit is 1,000 TPM and 6 RPM (1 request per 10 seconds). */
export function deploymentRateLimits(
  capacity: number,
): Array<{ key: string; renewalPeriod: number; count: number }> {
  return [
    { key: 'request', renewalPeriod: 10, count: capacity },
    { key: 'token', renewalPeriod: 60, count: capacity * 1000 },
  ];
}

export function deploymentView(
  account: CognitiveAccount,
  deployment: ModelDeployment,
): Record<string, unknown> {
  return {
    id: `${accountResourceId(account.address)}/deployments/${deployment.name}`,
    type: 'Microsoft.CognitiveServices/accounts/deployments',
    name: deployment.name,
    sku: { name: deployment.skuName, capacity: deployment.capacity },
    etag: deployment.etag,
    tags: deployment.tags,
    systemData: systemData(account.createdBy, deployment.createdAt, deployment.modifiedAt),
    properties: {
      model: deployment.model,
      versionUpgradeOption: deployment.versionUpgradeOption,
      currentCapacity: deployment.capacity,
      capabilities: { chatCompletion: 'true', maxContextToken: '128000', maxOutputToken: '16384' },
      provisioningState: deployment.provisioningState,
      rateLimits: deploymentRateLimits(deployment.capacity),
      raiPolicyName: deployment.raiPolicyName,
    },
  };
}
