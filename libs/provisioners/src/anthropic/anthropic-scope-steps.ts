import type { APIKey } from '@anthropic-ai/sdk/resources/organization/api-keys';
import type { Workspace } from '@anthropic-ai/sdk/resources/organization/workspaces/workspaces';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import { VendorError } from '../contract';
import type { AnthropicAdmin } from './anthropic-admin-client';

export async function listWorkspaces(admin: AnthropicAdmin): Promise<Workspace[]> {
  const workspaces: Workspace[] = [];
  for await (const workspace of admin.workspaces.list({ limit: 100 })) workspaces.push(workspace);
  return workspaces;
}

export interface EnsuredWorkspace {
  workspace: Workspace;
  /** Unarchived workspaces of the organization, this one included (the cap is 100). */
  workspacesInUse: number;
}

/** Finds the live workspace by name before creating one, so a retry after a lost create answer makes no second one. */
export function ensureWorkspace(ctx: VendorCallContext, admin: AnthropicAdmin, name: string): Promise<EnsuredWorkspace> {
  return callVendor(ctx, 'create workspace', async () => {
    const live = (await listWorkspaces(admin)).filter((workspace) => !workspace.archived_at);
    const existing = live.find((workspace) => workspace.name === name);
    if (existing) return { workspace: existing, workspacesInUse: live.length };
    return { workspace: await admin.workspaces.create({ name }), workspacesInUse: live.length + 1 };
  });
}

export type Membership = { userId: string } | { inviteId: string };

/**
 * Makes the developer a `workspace_developer` of the workspace. A developer who is not yet a user of
 * the organization is invited first; they join the workspace once they have accepted.
 */
export async function ensureMembership(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, email: string): Promise<Membership> {
  const userId = await findUserId(ctx, admin, email);
  if (!userId) return { inviteId: await ensureInvite(ctx, admin, email) };
  await addMember(ctx, admin, workspaceId, userId);
  return { userId };
}

export function findUserId(ctx: VendorCallContext, admin: AnthropicAdmin, email: string): Promise<string | undefined> {
  return callVendor(ctx, 'look up user', async () => {
    for await (const user of admin.users.list({ email, limit: 100 })) {
      if (user.email.toLowerCase() === email.toLowerCase()) return user.id;
    }
    return undefined;
  });
}

export async function addMember(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, userId: string): Promise<void> {
  const current = await ignoreNotFound(
    callVendor(ctx, 'read workspace member', () => admin.workspaces.members.retrieve(userId, { workspace_id: workspaceId })),
  );
  if (current?.workspace_role === 'workspace_developer' || current?.workspace_role === 'workspace_admin') return;
  try {
    await callVendor(ctx, 'add workspace member', () =>
      current
        ? admin.workspaces.members.update(userId, { workspace_id: workspaceId, workspace_role: 'workspace_developer' })
        : admin.workspaces.members.add(workspaceId, { user_id: userId, workspace_role: 'workspace_developer' }),
    );
  } catch (error: unknown) {
    if (!(error instanceof VendorError && error.kind === 'conflict')) throw error; // already a member
  }
}

export function ensureInvite(ctx: VendorCallContext, admin: AnthropicAdmin, email: string): Promise<string> {
  return callVendor(ctx, 'invite developer', async () => {
    for await (const invite of admin.invites.list({ limit: 100 })) {
      if (invite.email.toLowerCase() === email.toLowerCase() && invite.status === 'pending') return invite.id;
    }
    return (await admin.invites.create({ email, role: 'developer' })).id;
  });
}

export function listWorkspaceKeys(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string): Promise<APIKey[]> {
  return callVendor(ctx, 'list workspace keys', async () => {
    const keys: APIKey[] = [];
    for await (const key of admin.apiKeys.list({ workspace_id: workspaceId, limit: 100 })) keys.push(key);
    return keys;
  });
}

/** inactive first (immediate), then archived (terminal); a key already archived or gone is done. */
export async function retireKey(ctx: VendorCallContext, admin: AnthropicAdmin, key: Pick<APIKey, 'id' | 'status'>): Promise<void> {
  if (key.status === 'archived') return;
  if (key.status === 'active') {
    await ignoreNotFound(callVendor(ctx, 'deactivate key', () => admin.apiKeys.update(key.id, { status: 'inactive' })));
  }
  await ignoreNotFound(callVendor(ctx, 'archive key', () => admin.apiKeys.update(key.id, { status: 'archived' })));
}
