import type { APIKey } from '@anthropic-ai/sdk/resources/organization/api-keys';
import {
  BaseVendorProvisioner,
  VendorError,
  type ConnectionCheck,
  type ConnectionCosts,
  type ConsoleKeyBinding,
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
import { runConnectionCheck } from '../common/connection-check';
import { callContextFor, runtimeFrom, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { belongsToIntent, intentPrefix, isManagedName, isTeamScopeName, managedScopeName, NAMING_RULES, parseIntentPrefix, teamScopeName } from '../common/scope-naming';
import { callVendor, ignoreNotFound, type RetryClock, type VendorCallContext } from '../common/vendor-call';
import { anthropicAdminClient, anthropicAnalyticsClient, anthropicBaseUrl, describeAnthropicFailure, type AnthropicAdmin } from './anthropic-admin-client';
import { ANTHROPIC_CAPABILITIES, ANTHROPIC_WORKSPACE_CAP, ANTHROPIC_WORKSPACE_WARNING } from './anthropic-capabilities';
import { pushAnthropicRateLimit, readAnthropicPolicy } from './anthropic-policy';
import { anthropicCostByKey } from './anthropic-cost-by-key';
import { setAnthropicKeyEnabled } from './anthropic-key-status';
import { addMember, ensureMembership, ensureWorkspace, findUserId, listWorkspaceKeys, listWorkspaces, retireKey, type EnsuredWorkspace, type Membership } from './anthropic-scope-steps';
import { removeSeat, seatsOf, writeSeat } from './anthropic-team-seats';
import { bindTeamKey, isTeamRef, joinTeamWorkspace, leaveTeamWorkspace, raiseTeamRateLimit, teamSeatsOfIntent, workspaceScopeOf } from './anthropic-team-workspace';

export interface WorkspaceUsage {
  used: number;
  cap: number;
  /** True from 80 workspaces on: switch to per-team workspaces before the cap of 100 is hit. */
  nearCap: boolean;
}

/**
 * Anthropic: the Admin API cannot create keys. KeyGate creates a workspace per developer (or one per team, by the
 * connection setting `workspace_scope`), makes the developer a member, and the developer creates the key in the
 * Console; bindConsoleKey then finds it.
 */
export class AnthropicProvisioner extends BaseVendorProvisioner {
  readonly vendor = 'anthropic';
  readonly capabilities = ANTHROPIC_CAPABILITIES;
  private readonly runtime: ProvisionerRuntime;

  constructor(
    private readonly endpoints: VendorEndpoints,
    clock?: RetryClock,
  ) {
    super();
    this.runtime = runtimeFrom(endpoints, clock);
  }

  async workspaceUsage(conn: DecryptedConnection): Promise<WorkspaceUsage> {
    const { ctx, admin } = this.open(conn);
    const used = (await callVendor(ctx, 'list workspaces', () => listWorkspaces(admin))).filter((w) => !w.archived_at).length;
    return { used, cap: ANTHROPIC_WORKSPACE_CAP, nearCap: used >= ANTHROPIC_WORKSPACE_WARNING };
  }

  checkConnection(conn: DecryptedConnection): Promise<ConnectionCheck> {
    return runConnectionCheck(async () => {
      const usage = await this.workspaceUsage(conn);
      return usage.nearCap
        ? `Connected. ${usage.used} of ${usage.cap} workspaces are in use: consider per-team workspaces before the cap is reached.`
        : `Connected. ${usage.used} of ${usage.cap} workspaces are in use.`;
    }, ['organization Admin API key (sk-ant-admin…)']);
  }

  async provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult> {
    const { ctx, admin } = this.open(conn);
    const team = workspaceScopeOf(conn.settings) === 'team' && intent.developer.team.trim() !== '';
    const scopeName = team ? teamScopeName(intent.developer.team, NAMING_RULES.anthropic) : managedScopeName(intent, NAMING_RULES.anthropic);
    const { workspace, workspacesInUse } = await this.createWorkspaceOrExplain(conn, ctx, admin, scopeName);
    const scope = { scopeId: workspace.id, scopeName };
    await record('workspace_created', scope);
    if (team) await raiseTeamRateLimit(ctx, admin, workspace.id, intent.policy.rateLimitRpm);
    else await pushAnthropicRateLimit(ctx, admin, workspace.id, intent.policy.rateLimitRpm);
    await record('policy_pushed', scope);
    const membership = team ? await joinTeamWorkspace(ctx, admin, workspace.id, intent) : await ensureMembership(ctx, admin, workspace.id, intent.developer.email);
    const refs: Record<string, string> = {
      workspace_id: workspace.id,
      developer_email: intent.developer.email,
      ...membershipRefs(membership),
      ...(team ? { workspace_scope: 'team', seat: intentPrefix(intent.intentId) } : {}),
    };
    await record('developer_added', { ...scope, refs });
    return { ...scope, vendorKeyId: null, refs, secret: null, hint: null, instructions: { ...this.instructions(scopeName, 'inviteId' in membership), ...capNotice(workspacesInUse) } };
  }

  /**
   * Rotation happens in the same workspace: the developer creates a new key, which is bound instead of the old one.
   * In a team workspace the new key takes its own seat (the old seat goes with the superseded key).
   */
  override async rotate(conn: DecryptedConnection, ref: VendorKeyRef, intent: ProvisionIntent): Promise<ProvisionResult> {
    const refs: Record<string, string> = { ...ref.refs, ...(ref.vendorKeyId ? { replaces_key_id: ref.vendorKeyId } : {}) };
    if (isTeamRef(ref)) {
      const { ctx, admin } = this.open(conn);
      const seat = intentPrefix(intent.intentId);
      const email = ref.refs['developer_email'] ?? intent.developer.email;
      const userId = ref.refs['user_id'];
      await writeSeat(ctx, admin, ref.scopeId, { intentPrefix: seat, email, ...(userId ? { userId } : {}) });
      refs['seat'] = seat;
    }
    return { scopeId: ref.scopeId, scopeName: ref.scopeName, vendorKeyId: null, refs, secret: null, hint: null, instructions: this.instructions(ref.scopeName, false) };
  }

  override async revokeSuperseded(conn: DecryptedConnection, oldRef: VendorKeyRef): Promise<void> {
    if (!oldRef.vendorKeyId) return;
    const { ctx, admin } = this.open(conn);
    const keyId = oldRef.vendorKeyId;
    const key = await ignoreNotFound(callVendor(ctx, 'read key', () => admin.apiKeys.retrieve(keyId)));
    if (key) await retireKey(ctx, admin, key);
    const seat = oldRef.refs['seat'];
    if (seat && isTeamRef(oldRef)) await ignoreNotFound(removeSeat(ctx, admin, oldRef.scopeId, seat));
  }

  override async bindConsoleKey(conn: DecryptedConnection, ref: VendorKeyRef): Promise<ConsoleKeyBinding | null> {
    const { ctx, admin } = this.open(conn);
    if (isTeamRef(ref)) {
      // Other keys of a shared workspace may be a teammate's, not bound yet: the periodic stray pass judges them.
      const key = await bindTeamKey(ctx, admin, ref);
      return key ? { vendorKeyId: key.id, hint: consoleKeyHint(key), strayKeyIds: [] } : null;
    }
    const email = ref.refs['developer_email'];
    let userId: string | undefined = ref.refs['user_id'];
    if (!userId && email) {
      userId = await findUserId(ctx, admin, email); // the invite may have been accepted since
      if (userId) await addMember(ctx, admin, ref.scopeId, userId);
    }
    const excluded = ref.refs['replaces_key_id'];
    const live = (await listWorkspaceKeys(ctx, admin, ref.scopeId)).filter((key) => key.status === 'active' && key.id !== excluded);
    const byDeveloper = live.filter((key) => userId !== undefined && key.created_by?.id === userId);
    const bound = oldestFirst(byDeveloper.length > 0 ? byDeveloper : live.filter((key) => key.created_by === null))[0];
    if (!bound) return null;
    return {
      vendorKeyId: bound.id,
      hint: consoleKeyHint(bound),
      strayKeyIds: live.filter((key) => key.id !== bound.id).map((key) => key.id),
    };
  }

  async revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void> {
    const { ctx, admin } = this.open(conn);
    if (isTeamRef(ref)) return leaveTeamWorkspace(ctx, admin, ref, opts.offboard);
    const workspace = await ignoreNotFound(callVendor(ctx, 'read workspace', () => admin.workspaces.retrieve(ref.scopeId)));
    if (!workspace) return;
    // Every key in the developer's workspace dies with the grant, strays included.
    for (const key of await listWorkspaceKeys(ctx, admin, ref.scopeId)) await retireKey(ctx, admin, key);
    if (opts.offboard && !workspace.archived_at) {
      await ignoreNotFound(callVendor(ctx, 'archive workspace', () => admin.workspaces.archive(ref.scopeId)));
    }
  }

  async findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]> {
    const { ctx, admin } = this.open(conn);
    const workspaces = await callVendor(ctx, 'list workspaces', () => listWorkspaces(admin));
    const own = workspaces
      .filter((workspace) => !workspace.archived_at && belongsToIntent(workspace.name, intentId))
      .map((workspace) => ({ scopeId: workspace.id, scopeName: workspace.name, vendorKeyId: null, refs: { workspace_id: workspace.id } }));
    return [...own, ...teamSeatsOfIntent(workspaces, intentId)];
  }

  async *listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope> {
    const { ctx, admin } = this.open(conn);
    const workspaces = await callVendor(ctx, 'list workspaces', () => listWorkspaces(admin));
    for (const workspace of workspaces) {
      if (workspace.archived_at || !isManagedName(workspace.name)) continue;
      const keys = await listWorkspaceKeys(ctx, admin, workspace.id);
      const seats = isTeamScopeName(workspace.name) ? seatsOf(workspace).map((seat) => seat.intentPrefix) : [];
      yield {
        scopeId: workspace.id,
        scopeName: workspace.name,
        intentPrefix: seats[0] ?? parseIntentPrefix(workspace.name) ?? '',
        ...(seats.length > 1 ? { intentPrefixes: seats } : {}),
        vendorKeyIds: keys.filter((key) => key.status !== 'archived').map((key) => key.id),
      };
    }
  }

  /** Only the rate limit lives at Anthropic (see capabilities); a team workspace's limit is the team's, not one key's. */
  async readPolicy(conn: DecryptedConnection, ref: VendorKeyRef): Promise<PolicyReadback> {
    if (isTeamRef(ref)) return {};
    const { ctx, admin } = this.open(conn);
    return readAnthropicPolicy(ctx, admin, ref.scopeId);
  }

  /** One cost report read for the whole organization, per workspace and per key (keys share team workspaces). */
  override usageByScope(conn: DecryptedConnection, window: UsageWindow): Promise<ConnectionCosts> {
    const { ctx } = this.open(conn);
    return anthropicCostByKey(ctx, anthropicAnalyticsClient(this.endpoints, this.runtime, conn), window);
  }

  /** Budget suspension: the bound key set inactive, and active again the next month. */
  override async setKeyEnabled(conn: DecryptedConnection, ref: VendorKeyRef, enabled: boolean): Promise<void> {
    if (!ref.vendorKeyId) return;
    const { ctx, admin } = this.open(conn);
    await setAnthropicKeyEnabled(ctx, admin, ref.vendorKeyId, enabled);
  }

  private async createWorkspaceOrExplain(conn: DecryptedConnection, ctx: VendorCallContext, admin: AnthropicAdmin, name: string): Promise<EnsuredWorkspace> {
    try {
      return await ensureWorkspace(ctx, admin, name);
    } catch (error: unknown) {
      if (!(error instanceof VendorError && error.kind === 'invalid_request')) throw error;
      const usage = await this.workspaceUsage(conn);
      if (usage.used < usage.cap) throw error;
      throw new VendorError({
        kind: 'precondition_failed',
        vendor: this.vendor,
        message: `The Anthropic organization of connection "${conn.label}" already has ${usage.used} workspaces, its maximum: archive unused KeyGate workspaces (offboarded developers) or move to per-team workspaces.`,
        details: { workspacesUsed: usage.used, workspaceCap: usage.cap },
      });
    }
  }

  private instructions(workspaceName: string, invited: boolean): ProvisionResult['instructions'] {
    return {
      base_url: anthropicBaseUrl(this.endpoints),
      auth_header: 'x-api-key: <key>',
      workspace: workspaceName,
      console_url: 'https://console.anthropic.com/settings/keys',
      steps: [
        ...(invited ? ['Accept the invitation to the Anthropic organization sent to your email.'] : []),
        `In the Anthropic Console, open Settings → API keys and create a key in the workspace "${workspaceName}".`,
        'KeyGate finds the key by itself and starts governing it; you do not need to paste it anywhere.',
      ],
    };
  }

  private open(conn: DecryptedConnection): { ctx: VendorCallContext; admin: AnthropicAdmin } {
    return {
      ctx: callContextFor(this.runtime, this.vendor, conn, describeAnthropicFailure),
      admin: anthropicAdminClient(this.endpoints, this.runtime, conn),
    };
  }
}

/** From 80 of the 100 workspaces on, every provision answer says so (the connection check does too). */
function capNotice(workspacesInUse: number): Record<string, string> {
  if (workspacesInUse < ANTHROPIC_WORKSPACE_WARNING) return {};
  return {
    workspace_cap_warning: `${workspacesInUse} of the Anthropic organization's ${ANTHROPIC_WORKSPACE_CAP} workspaces are in use: archive unused KeyGate workspaces or move to per-team workspaces before the cap is reached.`,
  };
}

function membershipRefs(membership: Membership): Record<string, string> {
  return 'userId' in membership ? { user_id: membership.userId } : { invite_id: membership.inviteId };
}

/** Anthropic's partial hint shows three leading characters too; KeyGate keeps only the last four. */
function consoleKeyHint(key: APIKey): string {
  const partial = key.partial_key_hint;
  if (!partial) return `${key.name} (${key.id})`;
  return partial.startsWith('sk-ant-api03-') ? `sk-ant-api03-…${partial.slice(-4)}` : `…${partial.slice(-4)}`;
}

function oldestFirst(keys: APIKey[]): APIKey[] {
  return [...keys].sort((a, b) => a.created_at.localeCompare(b.created_at));
}
