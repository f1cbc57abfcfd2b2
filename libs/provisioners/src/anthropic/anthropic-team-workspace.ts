import type { APIKey } from '@anthropic-ai/sdk/resources/organization/api-keys';
import type { Workspace } from '@anthropic-ai/sdk/resources/organization/workspaces/workspaces';
import type { ProvisionIntent, VendorKeyRef } from '../contract';
import { intentPrefix, isTeamScopeName } from '../common/scope-naming';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { AnthropicAdmin } from './anthropic-admin-client';
import { pushAnthropicRateLimit, readAnthropicPolicy } from './anthropic-policy';
import { addMember, ensureInvite, findUserId, listWorkspaceKeys, retireKey, type Membership } from './anthropic-scope-steps';
import { removeSeat, seatFor, seatsOf, writeSeat, type TeamSeat } from './anthropic-team-seats';

export type WorkspaceScope = 'developer' | 'team';
export const WORKSPACE_SCOPES: readonly WorkspaceScope[] = ['developer', 'team'];

/** The connection setting `workspace_scope`: one workspace per developer (default) or one per team. */
export function workspaceScopeOf(settings: Record<string, string>): WorkspaceScope {
  return settings['workspace_scope'] === 'team' ? 'team' : 'developer';
}

export interface SettingProblem {
  setting: string;
  problem: string;
}

/** Null when the connection settings are valid for Anthropic, else the setting at fault and why. */
export function anthropicSettingsProblem(settings: Record<string, string>): SettingProblem | null {
  const scope = settings['workspace_scope'];
  if (scope === undefined || (WORKSPACE_SCOPES as readonly string[]).includes(scope)) return null;
  return { setting: 'workspace_scope', problem: `workspace_scope must be one of: ${WORKSPACE_SCOPES.join(', ')}` };
}

export function isTeamRef(ref: Pick<VendorKeyRef, 'scopeName' | 'refs'>): boolean {
  return ref.refs['workspace_scope'] === 'team' || isTeamScopeName(ref.scopeName);
}

/**
 * Takes a seat for the intent (tag first, so a crash from here on is found by findByIntent), then makes the
 * developer a workspace_developer, inviting them to the organization first when they are not a user yet.
 */
export async function joinTeamWorkspace(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, intent: ProvisionIntent): Promise<Membership> {
  const email = intent.developer.email;
  const userId = await findUserId(ctx, admin, email);
  await writeSeat(ctx, admin, workspaceId, { intentPrefix: intentPrefix(intent.intentId), email, ...(userId ? { userId } : {}) });
  if (!userId) return { inviteId: await ensureInvite(ctx, admin, email) };
  await addMember(ctx, admin, workspaceId, userId);
  return { userId };
}

/** The workspace limit is shared by the team: a new key raises it to its own value, never lowers a teammate's. */
export async function raiseTeamRateLimit(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, rateLimitRpm: number): Promise<void> {
  const current = (await readAnthropicPolicy(ctx, admin, workspaceId)).rateLimitRpm;
  if (current === null || current === undefined || current < rateLimitRpm) await pushAnthropicRateLimit(ctx, admin, workspaceId, rateLimitRpm);
}

/** Binds the oldest active key the developer created in the workspace that no other seat holds. */
export async function bindTeamKey(ctx: VendorCallContext, admin: AnthropicAdmin, ref: VendorKeyRef): Promise<APIKey | null> {
  const workspace = await readWorkspace(ctx, admin, ref.scopeId);
  if (!workspace || workspace.archived_at) return null;
  const seat = seatFor(workspace, ref.refs['seat'] ?? '') ?? (await restoreSeat(ctx, admin, ref));
  if (!seat) return null;
  const known = ref.refs['user_id'] ?? seat.userId;
  const developer = known ?? (await findUserId(ctx, admin, seat.email)); // the invite may have been accepted since
  if (!developer) return null;
  if (!known) await addMember(ctx, admin, ref.scopeId, developer);
  const heldElsewhere = new Set(seatsOf(workspace).filter((other) => other.intentPrefix !== seat.intentPrefix).flatMap((other) => (other.keyId ? [other.keyId] : [])));
  const excluded = ref.refs['replaces_key_id'];
  const candidates = (await developerKeys(ctx, admin, ref.scopeId, developer)).filter((key) => key.status === 'active' && key.id !== excluded && !heldElsewhere.has(key.id));
  const bound = [...candidates].sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  if (!bound) return null;
  await writeSeat(ctx, admin, ref.scopeId, { ...seat, userId: developer, keyId: bound.id });
  return bound;
}

/**
 * Gives up one seat: its key is retired (inactive, then archived); when the developer holds no other seat here,
 * every key they created in the workspace is retired too and they stop being a member. Teammates' keys are
 * never touched. The workspace is archived on offboarding once no seat and no other live key is left. A ref naming no developer (the
 * reconciler's, for a workspace no KeyGate key owns) retires the whole workspace.
 */
export async function leaveTeamWorkspace(ctx: VendorCallContext, admin: AnthropicAdmin, ref: VendorKeyRef, offboard: boolean): Promise<void> {
  const workspace = await readWorkspace(ctx, admin, ref.scopeId);
  if (!workspace) return;
  const seatId = ref.refs['seat'];
  if (!seatId && !ref.refs['developer_email']) return retireWholeWorkspace(ctx, admin, workspace, offboard);
  if (!seatId) {
    // A developer's ref without its seat (never the case for a committed key): touch nothing but its own key.
    const key = ref.vendorKeyId ? await ignoreNotFound(callVendor(ctx, 'read key', () => admin.apiKeys.retrieve(ref.vendorKeyId ?? ''))) : undefined;
    if (key) await retireKey(ctx, admin, key);
    return;
  }
  const seats = seatsOf(workspace);
  const seat = seats.find((s) => s.intentPrefix === seatId);
  const email = ref.refs['developer_email'] ?? seat?.email;
  const others = seats.filter((s) => s.intentPrefix !== seatId);
  const lastSeatOfDeveloper = !others.some((s) => email !== undefined && s.email.toLowerCase() === email.toLowerCase());
  const userId = ref.refs['user_id'] ?? seat?.userId ?? (email && lastSeatOfDeveloper ? await findUserId(ctx, admin, email) : undefined);

  const retire = new Set([ref.vendorKeyId, seat?.keyId].filter((id): id is string => Boolean(id)));
  const keys = await listWorkspaceKeys(ctx, admin, workspace.id);
  let othersLive = false;
  for (const key of keys) {
    const theirs = lastSeatOfDeveloper && userId !== undefined && key.created_by?.id === userId;
    if (retire.has(key.id) || theirs) await retireKey(ctx, admin, key);
    else othersLive ||= key.status === 'active' || key.status === 'inactive';
  }
  if (workspace.archived_at) return;
  if (lastSeatOfDeveloper && userId) {
    await ignoreNotFound(callVendor(ctx, 'remove workspace member', () => admin.workspaces.members.remove(userId, { workspace_id: workspace.id })));
  }
  if (seat) await removeSeat(ctx, admin, workspace.id, seatId);
  // A live key left by someone else (a teammate whose seat was lost, or a stray) keeps the workspace: flagged, not killed.
  if (offboard && others.length === 0 && !othersLive) await ignoreNotFound(callVendor(ctx, 'archive workspace', () => admin.workspaces.archive(workspace.id)));
}

/** The seat a crashed provision of this intent took in a team workspace, as a ref revoke can undo. */
export function teamSeatsOfIntent(workspaces: Workspace[], intentId: string): VendorKeyRef[] {
  const prefix = intentPrefix(intentId);
  return workspaces.flatMap((workspace) => {
    const seat = !workspace.archived_at && isTeamScopeName(workspace.name) ? seatFor(workspace, prefix) : undefined;
    if (!seat) return [];
    const refs = { workspace_id: workspace.id, workspace_scope: 'team', seat: prefix, developer_email: seat.email, ...(seat.userId ? { user_id: seat.userId } : {}) };
    return [{ scopeId: workspace.id, scopeName: workspace.name, vendorKeyId: seat.keyId ?? null, refs }];
  });
}

/** A seat removed by hand in the Console is put back while its key still waits, so the workspace stays in use. */
async function restoreSeat(ctx: VendorCallContext, admin: AnthropicAdmin, ref: VendorKeyRef): Promise<TeamSeat | undefined> {
  const intent = ref.refs['seat'];
  const email = ref.refs['developer_email'];
  if (!intent || !email) return undefined;
  const userId = ref.refs['user_id'];
  const seat: TeamSeat = { intentPrefix: intent, email, ...(userId ? { userId } : {}) };
  await writeSeat(ctx, admin, ref.scopeId, seat);
  return seat;
}

async function retireWholeWorkspace(ctx: VendorCallContext, admin: AnthropicAdmin, workspace: Workspace, offboard: boolean): Promise<void> {
  for (const key of await listWorkspaceKeys(ctx, admin, workspace.id)) await retireKey(ctx, admin, key);
  if (offboard && !workspace.archived_at) await ignoreNotFound(callVendor(ctx, 'archive workspace', () => admin.workspaces.archive(workspace.id)));
}

function readWorkspace(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string): Promise<Workspace | undefined> {
  return ignoreNotFound(callVendor(ctx, 'read workspace', () => admin.workspaces.retrieve(workspaceId)));
}

function developerKeys(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, userId: string): Promise<APIKey[]> {
  return callVendor(ctx, 'list developer keys', async () => {
    const keys: APIKey[] = [];
    for await (const key of admin.apiKeys.list({ workspace_id: workspaceId, created_by_user_id: userId, limit: 100 })) {
      if (key.created_by?.id === userId) keys.push(key);
    }
    return keys;
  });
}
