import {
  BaseVendorProvisioner,
  type ConnectionCheck,
  type ConnectionCosts,
  type DecryptedConnection,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionIntent,
  type ProvisionResult,
  type StepRecorder,
  type UsageWindow,
  type VendorEndpoints,
  type VendorKeyRef,
} from '../contract';
import { keyHint } from '../common/key-hint';
import { runConnectionCheck } from '../common/connection-check';
import { callContextFor, runtimeFrom, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { belongsToIntent, isManagedName, managedScopeName, NAMING_RULES, parseIntentPrefix } from '../common/scope-naming';
import { callVendor, ignoreNotFound, type RetryClock, type VendorCallContext } from '../common/vendor-call';
import { describeOpenAIFailure, openaiAdminClient, openaiBaseUrl, type OpenAIAdmin } from './openai-admin-client';
import { OPENAI_CAPABILITIES } from './openai-capabilities';
import { pushOpenAIPolicy, readOpenAIPolicy } from './openai-policy';
import {
  deleteServiceAccount,
  ensureProject,
  ensureServiceAccount,
  issueServiceAccountKey,
  keyIdsOwnedBy,
  listServiceAccounts,
} from './openai-scope-steps';

const KEY_PREFIX = 'sk-svcacct-';

/** OpenAI: a project per developer, a service account whose key is the developer's key. */
export class OpenAIProvisioner extends BaseVendorProvisioner {
  readonly vendor = 'openai';
  readonly capabilities = OPENAI_CAPABILITIES;
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
      await callVendor(ctx, 'list projects', () => admin.projects.list({ limit: 1 }));
      return 'The Admin API key can manage projects.';
    }, ['organization Admin API key (sk-admin-…)']);
  }

  async provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const scopeName = managedScopeName(intent, NAMING_RULES.openai);
    const project = await ensureProject(ctx, admin, scopeName, intent.keyId);
    await record('project_created', { scopeId: project.id, scopeName });
    await pushOpenAIPolicy(ctx, admin, project.id, intent.policy);
    await record('policy_pushed', { scopeId: project.id, scopeName });
    return this.issueKey(ctx, admin, { scopeId: project.id, scopeName }, intent, record);
  }

  override async rotate(conn: DecryptedConnection, ref: VendorKeyRef, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    return this.issueKey(ctx, admin, { scopeId: ref.scopeId, scopeName: ref.scopeName }, intent, record);
  }

  override async revokeSuperseded(conn: DecryptedConnection, oldRef: VendorKeyRef): Promise<void> {
    await this.revoke(conn, oldRef, { offboard: false });
  }

  async revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void> {
    const { ctx, admin } = this.open(conn);
    const project = await ignoreNotFound(callVendor(ctx, 'read project', () => admin.projects.retrieve(ref.scopeId)));
    if (!project || project.status === 'archived') return; // an archived project's keys no longer work
    const serviceAccountId = ref.refs['service_account_id'];
    const accountIds = serviceAccountId
      ? [serviceAccountId]
      : (await callVendor(ctx, 'list service accounts', () => listServiceAccounts(admin, ref.scopeId))).map((a) => a.id);
    for (const id of accountIds) await deleteServiceAccount(ctx, admin, ref.scopeId, id);
    if (opts.offboard) await ignoreNotFound(callVendor(ctx, 'archive project', () => admin.projects.archive(ref.scopeId)));
  }

  async findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]> {
    const { ctx, admin } = this.open(conn);
    const found: VendorKeyRef[] = [];
    for (const project of await this.managedProjects(ctx, admin)) {
      const accounts = await callVendor(ctx, 'list service accounts', () => listServiceAccounts(admin, project.id));
      const projectIsIntents = belongsToIntent(project.name, intentId);
      const ours = accounts.filter((account) => belongsToIntent(account.name, intentId));
      for (const account of ours) {
        found.push({ scopeId: project.id, scopeName: project.name, vendorKeyId: null, refs: { project_id: project.id, service_account_id: account.id } });
      }
      if (projectIsIntents && ours.length === 0) {
        found.push({ scopeId: project.id, scopeName: project.name, vendorKeyId: null, refs: { project_id: project.id } });
      }
    }
    return found;
  }

  async *listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope> {
    const { ctx, admin } = this.open(conn);
    for (const project of await this.managedProjects(ctx, admin)) {
      const keyIds = await callVendor(ctx, 'list project keys', () => keyIdsOwnedBy(admin, project.id));
      yield { scopeId: project.id, scopeName: project.name, intentPrefix: parseIntentPrefix(project.name) ?? '', vendorKeyIds: keyIds };
    }
  }

  async readPolicy(conn: DecryptedConnection, ref: VendorKeyRef): Promise<PolicyReadback> {
    const { ctx, admin } = this.open(conn);
    return readOpenAIPolicy(ctx, admin, ref.scopeId);
  }

  /** Month-to-date cost per project from the organization's costs report, every page, one pass (no per-key cost: a key has its own project). */
  override async usageByScope(conn: DecryptedConnection, window: UsageWindow): Promise<ConnectionCosts> {
    const { ctx, admin } = this.open(conn);
    const costs = new Map<string, number>();
    let page: string | undefined;
    do {
      const current = page;
      const response = await callVendor(ctx, 'read costs', () =>
        admin.usage.costs({
          start_time: Math.floor(window.from.getTime() / 1000),
          end_time: Math.ceil(window.to.getTime() / 1000),
          group_by: ['project_id'],
          limit: 180,
          ...(current ? { page: current } : {}),
        }),
      );
      for (const bucket of response.data) {
        for (const result of bucket.results) {
          if (!('amount' in result) || result.amount?.value === undefined || !result.project_id) continue;
          costs.set(result.project_id, (costs.get(result.project_id) ?? 0) + result.amount.value);
        }
      }
      page = response.has_more && response.next_page ? response.next_page : undefined;
    } while (page);
    return { byScope: costs };
  }

  private async issueKey(
    ctx: VendorCallContext,
    admin: OpenAIAdmin,
    scope: { scopeId: string; scopeName: string },
    intent: ProvisionIntent,
    record: StepRecorder,
  ): Promise<ProvisionResult> {
    const accountName = managedScopeName(intent, NAMING_RULES.openai);
    const accountId = await ensureServiceAccount(ctx, admin, scope.scopeId, accountName);
    await record('service_account_created', { ...scope, refs: { project_id: scope.scopeId, service_account_id: accountId } });
    const key = await issueServiceAccountKey(ctx, admin, scope.scopeId, { id: accountId, name: accountName }, intent.policy.expiresAt);
    const refs = { project_id: scope.scopeId, service_account_id: key.serviceAccountId };
    await record('key_created', { ...scope, refs, vendorKeyId: key.id });
    return {
      ...scope,
      vendorKeyId: key.id,
      refs,
      secret: key.value,
      hint: keyHint(key.value, KEY_PREFIX),
      instructions: {
        base_url: openaiBaseUrl(this.endpoints),
        auth_header: 'Authorization: Bearer <key>',
        project_id: scope.scopeId,
        expires_at: intent.policy.expiresAt.toISOString(),
      },
    };
  }

  private async managedProjects(ctx: VendorCallContext, admin: OpenAIAdmin): Promise<Array<{ id: string; name: string }>> {
    return callVendor(ctx, 'list projects', async () => {
      const projects: Array<{ id: string; name: string }> = [];
      for await (const project of admin.projects.list({ limit: 100 })) {
        if (isManagedName(project.name) && project.status !== 'archived') projects.push({ id: project.id, name: project.name });
      }
      return projects;
    });
  }

  private open(conn: DecryptedConnection): { ctx: VendorCallContext; admin: OpenAIAdmin } {
    return {
      ctx: callContextFor(this.runtime, this.vendor, conn, describeOpenAIFailure),
      admin: openaiAdminClient(this.endpoints, this.runtime, conn),
    };
  }
}
