import {
  BaseVendorProvisioner,
  VendorError,
  type ConnectionCheck,
  type DecryptedConnection,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionIntent,
  type ProvisionResult,
  type StepRecorder,
  type VendorEndpoints,
  type VendorKeyRef,
} from '../contract';
import { keyHint } from '../common/key-hint';
import { runConnectionCheck } from '../common/connection-check';
import { callContextFor, runtimeFrom, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { belongsToIntent, isManagedName, managedScopeName, NAMING_RULES, parseIntentPrefix } from '../common/scope-naming';
import { ignoreNotFound, type RetryClock, type VendorCallContext } from '../common/vendor-call';
import { azureAdminClient, describeAzureFailure, type AzureAdmin } from './azure-admin-client';
import {
  deleteAndPurge,
  ensureAccount,
  ensureDeployments,
  listAccounts,
  listDeployments,
  readKey,
  regenerateKey,
  type AzureKeyName,
} from './azure-account-steps';
import { AZURE_OPENAI_CAPABILITIES, RPM_PER_CAPACITY_UNIT } from './azure-capabilities';

/** The data-plane API version the instructions point developers at. */
export const AZURE_OPENAI_API_VERSION = '2024-10-21';
const DEFAULT_DEPLOYMENT_SKU = 'Standard';

/**
 * Azure OpenAI: a Cognitive Services account (kind OpenAI, custom subdomain) per developer, one
 * deployment per allowed model; key1 is the developer's key, key2 is the rotation slot.
 */
export class AzureOpenAIProvisioner extends BaseVendorProvisioner {
  readonly vendor = 'azure_openai';
  readonly capabilities = AZURE_OPENAI_CAPABILITIES;
  private readonly runtime: ProvisionerRuntime;

  constructor(
    private readonly endpoints: VendorEndpoints,
    clock?: RetryClock,
  ) {
    super();
    this.runtime = runtimeFrom(endpoints, clock);
  }

  checkConnection(conn: DecryptedConnection): Promise<ConnectionCheck> {
    return runConnectionCheck(async () => {
      const { ctx, admin } = this.open(conn);
      const accounts = await listAccounts(ctx, admin);
      return `Can manage Cognitive Services accounts in resource group ${admin.resourceGroup} (${accounts.length} present).`;
    }, ['Cognitive Services Contributor on the resource group']);
  }

  async provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const models = intent.policy.modelsAllowed ?? defaultModels(conn);
    const scopeName = managedScopeName(intent, NAMING_RULES.azure_openai);
    const account = await ensureAccount(ctx, admin, scopeName, { keygate_key_id: intent.keyId, keygate_developer: intent.developer.id });
    const endpoint = account.properties?.endpoint ?? `https://${scopeName}.openai.azure.com/`;
    const scope = { scopeId: account.id ?? scopeName, scopeName };
    const refs = { resource_group: admin.resourceGroup, account_name: scopeName, location: admin.location, endpoint };
    await record('account_created', { ...scope, refs });
    const deployments = await ensureDeployments(ctx, admin, scopeName, models, intent.policy, conn.settings['deployment_sku'] ?? DEFAULT_DEPLOYMENT_SKU);
    await record('deployments_created', { ...scope, refs });
    const secret = await readKey(ctx, admin, scopeName, 'key1');
    return this.result(scope, { ...refs, key_name: 'key1' }, 'key1', secret, deployments);
  }

  /** Hands out the other key slot, freshly regenerated so nobody else can hold it. */
  override async rotate(conn: DecryptedConnection, ref: VendorKeyRef): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const accountName = accountNameOf(ref);
    const next: AzureKeyName = ref.vendorKeyId === 'key2' ? 'key1' : 'key2';
    const secret = await regenerateKey(ctx, admin, accountName, next);
    if (!secret) throw new VendorError({ kind: 'not_found', vendor: this.vendor, message: `Azure account ${accountName} no longer exists` });
    const deployments = (await listDeployments(ctx, admin, accountName)).map((deployment) => deployment.name ?? '');
    return this.result({ scopeId: ref.scopeId, scopeName: ref.scopeName }, { ...ref.refs, key_name: next }, next, secret, deployments);
  }

  override async revokeSuperseded(conn: DecryptedConnection, oldRef: VendorKeyRef): Promise<void> {
    const { ctx, admin } = this.open(conn);
    await regenerateKey(ctx, admin, accountNameOf(oldRef), oldRef.vendorKeyId === 'key2' ? 'key2' : 'key1');
  }

  /** Regenerates BOTH keys (Azure has no other per-key revoke); offboarding deletes and purges the account. */
  async revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void> {
    const { ctx, admin } = this.open(conn);
    const accountName = accountNameOf(ref);
    await regenerateKey(ctx, admin, accountName, 'key1');
    await regenerateKey(ctx, admin, accountName, 'key2');
    if (opts.offboard) await deleteAndPurge(ctx, admin, accountName, ref.refs['location'] ?? admin.location);
  }

  async findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]> {
    const { ctx, admin } = this.open(conn);
    return (await listAccounts(ctx, admin))
      .filter((account) => belongsToIntent(account.name, intentId))
      .map((account) => this.refOf(admin, account.name ?? '', account.id, account.properties?.endpoint));
  }

  async *listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope> {
    const { ctx, admin } = this.open(conn);
    for (const account of await listAccounts(ctx, admin)) {
      if (!isManagedName(account.name)) continue;
      // key1/key2 are slots of the account, not objects of their own: the account is what can be orphaned.
      yield { scopeId: account.id ?? account.name, scopeName: account.name, intentPrefix: parseIntentPrefix(account.name) ?? '', vendorKeyIds: [] };
    }
  }

  /** Models = the deployments that exist; rate limit = the highest deployment capacity, in requests per minute. */
  async readPolicy(conn: DecryptedConnection, ref: VendorKeyRef): Promise<PolicyReadback> {
    const { ctx, admin } = this.open(conn);
    const deployments = await ignoreNotFound(listDeployments(ctx, admin, accountNameOf(ref)));
    if (!deployments) return { modelsAllowed: [], rateLimitRpm: null };
    const capacities = deployments.map((deployment) => deployment.sku?.capacity ?? 0);
    return {
      modelsAllowed: deployments.map((deployment) => deployment.properties?.model?.name ?? deployment.name ?? '').sort(),
      rateLimitRpm: capacities.length > 0 ? Math.max(...capacities) * RPM_PER_CAPACITY_UNIT : null,
    };
  }

  private refOf(admin: AzureAdmin, accountName: string, id: string | undefined, endpoint: string | undefined): VendorKeyRef {
    return {
      scopeId: id ?? accountName,
      scopeName: accountName,
      vendorKeyId: null,
      refs: { resource_group: admin.resourceGroup, account_name: accountName, location: admin.location, endpoint: endpoint ?? '' },
    };
  }

  private result(
    scope: { scopeId: string; scopeName: string },
    refs: Record<string, string>,
    keyName: AzureKeyName,
    secret: string,
    deployments: string[],
  ): ProvisionResult {
    const endpoint = refs['endpoint'] ?? '';
    return {
      ...scope,
      vendorKeyId: keyName,
      refs,
      secret,
      hint: keyHint(secret, ''),
      instructions: {
        base_url: endpoint,
        auth_header: 'api-key: <key>',
        api_version: AZURE_OPENAI_API_VERSION,
        deployments,
        example_url: `${endpoint}openai/deployments/${deployments[0] ?? '<deployment>'}/chat/completions?api-version=${AZURE_OPENAI_API_VERSION}`,
      },
    };
  }

  private open(conn: DecryptedConnection): { ctx: VendorCallContext; admin: AzureAdmin } {
    return {
      ctx: callContextFor(this.runtime, this.vendor, conn, describeAzureFailure),
      admin: azureAdminClient(this.endpoints, this.runtime, conn),
    };
  }
}

function accountNameOf(ref: VendorKeyRef): string {
  return ref.refs['account_name'] ?? ref.scopeName;
}

/** Azure needs explicit deployments: without an allow-list, the connection's default_models are deployed. */
function defaultModels(conn: DecryptedConnection): string[] {
  const models = (conn.settings['default_models'] ?? '').split(',').map((model) => model.trim()).filter(Boolean);
  if (models.length > 0) return models;
  throw new VendorError({
    kind: 'invalid_request',
    vendor: 'azure_openai',
    message: `Azure OpenAI needs explicit models: set models_allowed on the key or default_models on connection "${conn.label}".`,
  });
}
