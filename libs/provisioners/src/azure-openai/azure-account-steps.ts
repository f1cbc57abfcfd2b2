import type { Account, Deployment } from '@azure/arm-cognitiveservices';
import type { KeyPolicy } from '../contract';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { AzureAdmin } from './azure-admin-client';
import { capacityForRpm } from './azure-capabilities';

export type AzureKeyName = 'key1' | 'key2';

/** PUT is create-or-replace, so repeating it after a lost answer converges on the same account. */
export function ensureAccount(ctx: VendorCallContext, admin: AzureAdmin, name: string, tags: Record<string, string>): Promise<Account> {
  return callVendor(ctx, 'create Cognitive Services account', () =>
    admin.client.accounts.beginCreateAndWait(
      admin.resourceGroup,
      name,
      {
        location: admin.location,
        kind: 'OpenAI',
        sku: { name: 'S0' },
        properties: { customSubDomainName: name, publicNetworkAccess: 'Enabled' },
        tags,
      },
      admin.lro(),
    ),
  );
}

export interface ModelDeployment {
  model: string;
  version?: string;
  deploymentName: string;
}

/** `gpt-4o` or `gpt-4o@2024-08-06`; without a version Azure deploys the model's default version. */
export function parseModelSpec(spec: string): ModelDeployment {
  const [model = spec, version] = spec.split('@');
  return { model, ...(version ? { version } : {}), deploymentName: model.replace(/[^A-Za-z0-9._-]/g, '-') };
}

export async function ensureDeployments(
  ctx: VendorCallContext,
  admin: AzureAdmin,
  accountName: string,
  models: string[],
  policy: KeyPolicy,
  skuName: string,
): Promise<string[]> {
  const names: string[] = [];
  for (const spec of models) {
    const deployment = parseModelSpec(spec);
    await callVendor(ctx, `deploy ${deployment.model}`, () =>
      admin.client.deployments.beginCreateOrUpdateAndWait(
        admin.resourceGroup,
        accountName,
        deployment.deploymentName,
        {
          sku: { name: skuName, capacity: capacityForRpm(policy.rateLimitRpm) },
          properties: { model: { format: 'OpenAI', name: deployment.model, ...(deployment.version ? { version: deployment.version } : {}) } },
        },
        admin.lro(),
      ),
    );
    names.push(deployment.deploymentName);
  }
  return names;
}

export function listDeployments(ctx: VendorCallContext, admin: AzureAdmin, accountName: string): Promise<Deployment[]> {
  return callVendor(ctx, 'list deployments', async () => {
    const deployments: Deployment[] = [];
    for await (const deployment of admin.client.deployments.list(admin.resourceGroup, accountName, admin.call)) deployments.push(deployment);
    return deployments;
  });
}

export async function readKey(ctx: VendorCallContext, admin: AzureAdmin, accountName: string, keyName: AzureKeyName): Promise<string> {
  const keys = await callVendor(ctx, 'list account keys', () => admin.client.accounts.listKeys(admin.resourceGroup, accountName, admin.call));
  ctx.scrubber.add(keys.key1).add(keys.key2);
  return (keyName === 'key1' ? keys.key1 : keys.key2) ?? '';
}

/** Replaces the named key with a new random one: whoever held the old value is locked out at once. */
export async function regenerateKey(ctx: VendorCallContext, admin: AzureAdmin, accountName: string, keyName: AzureKeyName): Promise<string | undefined> {
  const keys = await ignoreNotFound(
    callVendor(ctx, `regenerate ${keyName}`, () =>
      admin.client.accounts.regenerateKey(admin.resourceGroup, accountName, keyName === 'key1' ? 'Key1' : 'Key2', admin.call),
    ),
  );
  if (!keys) return undefined;
  ctx.scrubber.add(keys.key1).add(keys.key2);
  return keyName === 'key1' ? keys.key1 : keys.key2;
}

export async function listAccounts(ctx: VendorCallContext, admin: AzureAdmin): Promise<Account[]> {
  return callVendor(ctx, 'list accounts', async () => {
    const accounts: Account[] = [];
    for await (const account of admin.client.accounts.listByResourceGroup(admin.resourceGroup, admin.call)) accounts.push(account);
    return accounts;
  });
}

/** Delete (a soft delete at Azure), then purge, so the name and quota are free again. */
export async function deleteAndPurge(ctx: VendorCallContext, admin: AzureAdmin, accountName: string, location: string): Promise<void> {
  await ignoreNotFound(
    callVendor(ctx, 'delete account', () => admin.client.accounts.beginDeleteAndWait(admin.resourceGroup, accountName, admin.lro())),
  );
  await ignoreNotFound(
    callVendor(ctx, 'purge deleted account', () =>
      admin.client.deletedAccounts.beginPurgeAndWait(location, admin.resourceGroup, accountName, admin.lro()),
    ),
  );
}
