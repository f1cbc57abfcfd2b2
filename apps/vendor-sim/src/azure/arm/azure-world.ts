import { armError } from '@sim/azure/azure-errors';
import { type AccountAddress, accountKey, accountResourceId } from '@sim/azure/arm/arm-resource-ids';
import { AsyncOperations } from '@sim/azure/arm/async-operations';
import type {
  CognitiveAccount,
  DeletedAccount,
  InferenceUsageRecord,
  ModelDeployment,
} from '@sim/azure/arm/cognitive-account';
import type { SimClock } from '@sim/common/sim-clock';

/** Soft-deleted accounts are purged automatically after 48 hours, like Azure. */
const SOFT_DELETE_RETENTION_MS = 48 * 60 * 60 * 1000;
/** Regional Standard quota per model, in capacity units (1 unit = 1,000 TPM). */
export const REGIONAL_MODEL_QUOTA_UNITS = 1000;

/** Everything the simulated Azure subscription holds, in memory. */
export class AzureWorld {
  readonly operations = new AsyncOperations();
  readonly usage: InferenceUsageRecord[] = [];
  private readonly accounts = new Map<string, CognitiveAccount>();
  private readonly deleted = new Map<string, DeletedAccount>();

  constructor(readonly clock: SimClock) {}

  findAccount(address: AccountAddress): CognitiveAccount | undefined {
    return this.accounts.get(accountKey(address));
  }

  requireAccount(address: AccountAddress): CognitiveAccount {
    const account = this.findAccount(address);
    if (account === undefined) {
      throw armError(
        404,
        'ResourceNotFound',
        `The Resource '${accountResourceId(address).split('/providers/')[1] ?? address.name}' under resource group '${address.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
    }
    return account;
  }

  listAccounts(subscriptionId: string, resourceGroup?: string): CognitiveAccount[] {
    return [...this.accounts.values()].filter(
      (account) =>
        account.address.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() &&
        (resourceGroup === undefined ||
          account.address.resourceGroup.toLowerCase() === resourceGroup.toLowerCase()),
    );
  }

  putAccount(account: CognitiveAccount): void {
    this.accounts.set(accountKey(account.address), account);
  }

  /** Moves the account to the soft-deleted list; its keys stop working at once. */
  softDelete(account: CognitiveAccount): void {
    const now = this.clock.nowMs();
    this.accounts.delete(accountKey(account.address));
    account.provisioningState = 'Succeeded';
    this.deleted.set(accountKey(account.address), {
      account,
      deletedAt: new Date(now).toISOString(),
      scheduledPurgeAt: new Date(now + SOFT_DELETE_RETENTION_MS).toISOString(),
    });
  }

  findDeleted(address: AccountAddress): DeletedAccount | undefined {
    this.purgeExpired();
    return this.deleted.get(accountKey(address));
  }

  listDeleted(subscriptionId: string): DeletedAccount[] {
    this.purgeExpired();
    return [...this.deleted.values()].filter(
      (entry) => entry.account.address.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
    );
  }

  purge(address: AccountAddress): boolean {
    return this.deleted.delete(accountKey(address));
  }

  restore(address: AccountAddress): CognitiveAccount | undefined {
    const entry = this.findDeleted(address);
    if (entry === undefined) return undefined;
    this.deleted.delete(accountKey(address));
    this.putAccount(entry.account);
    return entry.account;
  }

  /** Active or soft-deleted account holding a custom subdomain (subdomains are globally unique). */
  subdomainHolder(subdomain: string): CognitiveAccount | undefined {
    const wanted = subdomain.toLowerCase();
    const all = [...this.accounts.values(), ...[...this.deleted.values()].map((entry) => entry.account)];
    return all.find((account) => account.customSubDomainName?.toLowerCase() === wanted);
  }

  /** Live accounts reachable through a data-plane path segment: a custom subdomain or a region. */
  accountsForSubdomain(subdomain: string): CognitiveAccount[] {
    const wanted = subdomain.toLowerCase();
    return [...this.accounts.values()].filter(
      (account) => account.customSubDomainName?.toLowerCase() === wanted,
    );
  }

  accountsForRegion(location: string): CognitiveAccount[] {
    const wanted = location.toLowerCase();
    return [...this.accounts.values()].filter(
      (account) => account.customSubDomainName === null && account.location.toLowerCase() === wanted,
    );
  }

  /** Capacity already taken from a regional per-model quota pool, optionally ignoring one deployment. */
  quotaInUse(
    subscriptionId: string,
    location: string,
    skuName: string,
    modelName: string,
    except?: ModelDeployment,
  ): number {
    let used = 0;
    for (const account of this.listAccounts(subscriptionId)) {
      if (account.location.toLowerCase() !== location.toLowerCase()) continue;
      for (const deployment of account.deployments.values()) {
        if (deployment === except) continue;
        if (deployment.skuName === skuName && deployment.model.name === modelName)
          used += deployment.capacity;
      }
    }
    return used;
  }

  recordUsage(record: InferenceUsageRecord): void {
    this.usage.push(record);
  }

  reset(): void {
    this.accounts.clear();
    this.deleted.clear();
    this.operations.clear();
    this.usage.length = 0;
  }

  private purgeExpired(): void {
    const now = this.clock.nowMs();
    for (const [key, entry] of this.deleted) {
      if (Date.parse(entry.scheduledPurgeAt) <= now) this.deleted.delete(key);
    }
  }
}
