import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import type { ApiKeyRecord, UserRecord, WorkspaceRecord } from '@sim/anthropic/anthropic-records';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

export function findWorkspace(state: AnthropicState, workspaceId: string): WorkspaceRecord {
  const workspace = state.workspaces.get(workspaceId);
  if (workspace === undefined) throw anthropicErrors.notFound(`Workspace ${workspaceId} not found.`);
  return workspace;
}

export function findLiveWorkspace(state: AnthropicState, workspaceId: string): WorkspaceRecord {
  const workspace = findWorkspace(state, workspaceId);
  if (workspace.archivedAt !== null)
    throw anthropicErrors.invalidRequest(`Workspace ${workspaceId} is archived.`);
  return workspace;
}

export function findUser(state: AnthropicState, userId: string): UserRecord {
  const user = state.users.get(userId);
  if (user === undefined) throw anthropicErrors.notFound(`User ${userId} not found.`);
  return user;
}

export function findApiKey(state: AnthropicState, apiKeyId: string): ApiKeyRecord {
  const key = state.apiKeys.get(apiKeyId);
  if (key === undefined) throw anthropicErrors.notFound(`API key ${apiKeyId} not found.`);
  return key;
}
