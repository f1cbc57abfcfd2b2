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
import { runConnectionCheck } from '../common/connection-check';
import { callContextFor, runtimeFrom, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { belongsToIntent, isManagedName, managedScopeName, NAMING_RULES, parseIntentPrefix } from '../common/scope-naming';
import { callVendor, ignoreNotFound, type RetryClock, type VendorCallContext } from '../common/vendor-call';
import { describeGoogleFailure, googleAdminClients, googleEndpoints, type GoogleAdmin } from './google-admin-clients';
import { GOOGLE_VERTEX_CAPABILITIES } from './google-capabilities';
import { grantVertexUser, hasVertexUser, revokeVertexUser } from './google-iam-policy';
import {
  accountIdOf,
  deleteKey,
  ensureServiceAccount,
  issueKey,
  listServiceAccounts,
  listUserManagedKeyIds,
  serviceAccountPath,
  type IssuedGoogleKey,
} from './google-service-account-steps';

const KEY_CREATION_CONSTRAINT = 'constraints/iam.disableServiceAccountKeyCreation';
const DEFAULT_LOCATION = 'us-central1';

/** Google Vertex AI: a service account per developer in the configured project, with roles/aiplatform.user and a JSON key. */
export class GoogleVertexProvisioner extends BaseVendorProvisioner {
  readonly vendor = 'google_vertex';
  readonly capabilities = GOOGLE_VERTEX_CAPABILITIES;
  private readonly runtime: ProvisionerRuntime;

  constructor(
    private readonly endpoints: VendorEndpoints,
    clock?: RetryClock,
  ) {
    super();
    this.runtime = runtimeFrom(endpoints, clock);
  }

  checkConnection(conn: DecryptedConnection): Promise<ConnectionCheck> {
    return runConnectionCheck(
      async () => {
        const { ctx, admin } = this.open(conn);
        await callVendor(ctx, 'list service accounts', () => admin.iam.projects.serviceAccounts.list({ name: `projects/${admin.projectId}`, pageSize: 1 }));
        await callVendor(ctx, 'read project IAM policy', () => admin.crm.projects.getIamPolicy({ resource: admin.projectId, requestBody: {} }));
        return `Can manage service accounts and the IAM policy of project ${admin.projectId}.`;
      },
      ['roles/iam.serviceAccountAdmin', 'roles/iam.serviceAccountKeyAdmin', 'roles/resourcemanager.projectIamAdmin'],
    );
  }

  async provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const accountId = managedScopeName(intent, NAMING_RULES.google_vertex);
    const account = await ensureServiceAccount(ctx, admin, accountId, `KeyGate key ${intent.keyId} for ${intent.developer.email}`);
    const email = account.email ?? `${accountId}@${admin.projectId}.iam.gserviceaccount.com`;
    const scope = { scopeId: email, scopeName: accountId };
    const baseRefs = { project_id: admin.projectId, service_account_email: email, service_account_unique_id: account.uniqueId ?? '' };
    await record('service_account_created', { ...scope, refs: baseRefs });
    const key = await this.issueOrExplain(ctx, admin, email, []);
    const refs = { ...baseRefs, key_name: key.keyName };
    await record('key_created', { ...scope, refs, vendorKeyId: key.keyId });
    await grantVertexUser(ctx, admin, `serviceAccount:${email}`);
    await record('role_granted', { ...scope, refs, vendorKeyId: key.keyId });
    return this.result(conn, scope, refs, key);
  }

  override async rotate(conn: DecryptedConnection, ref: VendorKeyRef, _intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const key = await this.issueOrExplain(ctx, admin, ref.scopeId, ref.vendorKeyId ? [ref.vendorKeyId] : []);
    const refs = { ...ref.refs, key_name: key.keyName };
    await record('key_created', { scopeId: ref.scopeId, scopeName: ref.scopeName, refs, vendorKeyId: key.keyId });
    return this.result(conn, { scopeId: ref.scopeId, scopeName: ref.scopeName }, refs, key);
  }

  override async revokeSuperseded(conn: DecryptedConnection, oldRef: VendorKeyRef): Promise<void> {
    if (!oldRef.vendorKeyId) return;
    const { ctx, admin } = this.open(conn);
    await deleteKey(ctx, admin, oldRef.scopeId, oldRef.vendorKeyId);
  }

  /** Deletes every key, disables the account and removes its binding; offboarding deletes the account. */
  async revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void> {
    const { ctx, admin } = this.open(conn);
    const email = ref.scopeId;
    const keyIds = await ignoreNotFound(listUserManagedKeyIds(ctx, admin, email));
    for (const keyId of new Set([...(keyIds ?? []), ...(ref.vendorKeyId ? [ref.vendorKeyId] : [])])) {
      await deleteKey(ctx, admin, email, keyId);
    }
    await ignoreNotFound(
      callVendor(ctx, 'disable service account', () => admin.iam.projects.serviceAccounts.disable({ name: serviceAccountPath(admin, email), requestBody: {} })),
    );
    await revokeVertexUser(ctx, admin, email);
    if (opts.offboard) {
      await ignoreNotFound(
        callVendor(ctx, 'delete service account', () => admin.iam.projects.serviceAccounts.delete({ name: serviceAccountPath(admin, email) })),
      );
    }
  }

  async findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]> {
    const { ctx, admin } = this.open(conn);
    const accounts = await listServiceAccounts(ctx, admin);
    return accounts
      .filter((account) => account.email && belongsToIntent(accountIdOf(account.email), intentId))
      .map((account) => {
        const email = account.email ?? '';
        return {
          scopeId: email,
          scopeName: accountIdOf(email),
          vendorKeyId: null,
          refs: { project_id: admin.projectId, service_account_email: email, service_account_unique_id: account.uniqueId ?? '' },
        };
      });
  }

  async *listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope> {
    const { ctx, admin } = this.open(conn);
    for (const account of await listServiceAccounts(ctx, admin)) {
      const email = account.email ?? '';
      const accountId = accountIdOf(email);
      if (!isManagedName(accountId) || account.disabled) continue;
      const keyIds = await listUserManagedKeyIds(ctx, admin, email);
      yield { scopeId: email, scopeName: accountId, intentPrefix: parseIntentPrefix(accountId) ?? '', vendorKeyIds: keyIds };
    }
  }

  /** Vertex AI enforces no per-account policy (see capabilities); nothing can drift. */
  readPolicy(): Promise<PolicyReadback> {
    return Promise.resolve({});
  }

  /** Whether the account still holds roles/aiplatform.user: what revoke removes. */
  async hasVertexAccess(conn: DecryptedConnection, ref: VendorKeyRef): Promise<boolean> {
    const { ctx, admin } = this.open(conn);
    return hasVertexUser(ctx, admin, `serviceAccount:${ref.scopeId}`);
  }

  private async issueOrExplain(ctx: VendorCallContext, admin: GoogleAdmin, email: string, keep: string[]): Promise<IssuedGoogleKey> {
    try {
      return await issueKey(ctx, admin, email, keep);
    } catch (error: unknown) {
      if (!(error instanceof VendorError && error.kind === 'precondition_failed')) throw error;
      if (keep.length === 0) {
        // A fresh account is useless without a key: remove it so nothing is orphaned.
        await ignoreNotFound(callVendor(ctx, 'delete service account', () => admin.iam.projects.serviceAccounts.delete({ name: serviceAccountPath(admin, email) })));
      }
      const constraint = violatedConstraint(error) ?? KEY_CREATION_CONSTRAINT;
      throw new VendorError({
        kind: 'precondition_failed',
        vendor: this.vendor,
        message:
          `Google Cloud refused to create a service-account key in project ${admin.projectId}: the organization policy ` +
          `${constraint} forbids it. Ask an organization policy administrator to exempt this project from ${constraint} ` +
          '(for example with a tag-based exception), then provision again.',
        details: { constraint, projectId: admin.projectId },
      });
    }
  }

  private result(conn: DecryptedConnection, scope: { scopeId: string; scopeName: string }, refs: Record<string, string>, key: IssuedGoogleKey): ProvisionResult {
    const urls = googleEndpoints(this.endpoints);
    const location = conn.settings['location'] ?? DEFAULT_LOCATION;
    const baseUrl = urls.vertexUrl ?? `https://${location}-aiplatform.googleapis.com`;
    return {
      ...scope,
      vendorKeyId: key.keyId,
      refs,
      secret: key.credentialJson,
      hint: `${scope.scopeName} key …${key.keyId.slice(-4)}`,
      instructions: {
        base_url: baseUrl,
        auth_header: 'Authorization: Bearer <access token obtained with the service-account key>',
        project_id: refs['project_id'],
        location,
        example_url: `${baseUrl}/v1/projects/${refs['project_id'] ?? ''}/locations/${location}/publishers/google/models/<model>:generateContent`,
        credentials: 'Save the key as a JSON file and point GOOGLE_APPLICATION_CREDENTIALS at it; Google client libraries then authenticate by themselves.',
      },
    };
  }

  private open(conn: DecryptedConnection): { ctx: VendorCallContext; admin: GoogleAdmin } {
    return {
      ctx: callContextFor(this.runtime, this.vendor, conn, describeGoogleFailure),
      admin: googleAdminClients(this.endpoints, this.runtime, conn),
    };
  }
}

function violatedConstraint(error: VendorError): string | undefined {
  const vendorDetails = error.details?.['vendorDetails'];
  if (!Array.isArray(vendorDetails)) return undefined;
  for (const detail of vendorDetails as Array<{ violations?: Array<{ type?: unknown }> }>) {
    const type = detail.violations?.find((violation) => typeof violation.type === 'string')?.type;
    if (typeof type === 'string') return type;
  }
  return undefined;
}
