import { partialKeyHint } from '@sim/anthropic/anthropic-ids';
import type {
  ApiKeyRecord,
  InviteRecord,
  MemberRecord,
  UserRecord,
  WorkspaceRecord,
} from '@sim/anthropic/anthropic-records';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

export const rfc3339 = (ms: number) => new Date(ms).toISOString();
const maybeRfc3339 = (ms: number | null) => (ms === null ? null : rfc3339(ms));

export function workspaceJson(workspace: WorkspaceRecord) {
  return {
    type: 'workspace' as const,
    id: workspace.id,
    name: workspace.name,
    display_color: workspace.displayColor,
    created_at: rfc3339(workspace.createdAt),
    archived_at: maybeRfc3339(workspace.archivedAt),
    data_residency: workspace.dataResidency,
    compartment_id: workspace.compartmentId,
    external_key_id: workspace.externalKeyId,
    tags: workspace.tags,
    user_profile_id: workspace.userProfileId,
  };
}

/** Emits both the current (`scope`, `principal`) and the older (`workspace_id`) shapes. */
export function apiKeyJson(key: ApiKeyRecord, state: AnthropicState) {
  return {
    type: 'api_key' as const,
    id: key.id,
    name: key.name,
    workspace_id: key.workspaceId,
    created_at: rfc3339(key.createdAt),
    created_by: key.createdByUserId === null ? null : { id: key.createdByUserId, type: 'user' as const },
    expires_at: maybeRfc3339(key.expiresAt),
    partial_key_hint: partialKeyHint(key.secret),
    principal:
      key.createdByUserId === null ? null : { type: 'user_actor' as const, user_id: key.createdByUserId },
    scope:
      key.workspaceId === null
        ? { type: 'organization' as const }
        : { type: 'workspace' as const, workspace_id: key.workspaceId },
    status: state.effectiveStatus(key),
  };
}

export function memberJson(member: MemberRecord) {
  return {
    type: 'workspace_member' as const,
    user_id: member.userId,
    workspace_id: member.workspaceId,
    workspace_role: member.role,
  };
}

export function userJson(user: UserRecord) {
  return {
    type: 'user' as const,
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    added_at: rfc3339(user.addedAt),
  };
}

export function inviteJson(invite: InviteRecord, nowMs: number) {
  const status = invite.deleted
    ? 'deleted'
    : invite.acceptedAt !== null
      ? 'accepted'
      : nowMs >= invite.expiresAt
        ? 'expired'
        : 'pending';
  return {
    type: 'invite' as const,
    id: invite.id,
    email: invite.email,
    role: invite.role,
    invited_at: rfc3339(invite.invitedAt),
    expires_at: rfc3339(invite.expiresAt),
    accepted_at: maybeRfc3339(invite.acceptedAt),
    rbac_group_ids: [],
    status,
  };
}
