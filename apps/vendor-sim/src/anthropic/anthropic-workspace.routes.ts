import type { FastifyInstance } from 'fastify';
import { type JsonBody, jsonBody, optionalString, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { asVendorQuery, queryBoolean, queryList } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { newCompartmentId, newWorkspaceId } from '@sim/anthropic/anthropic-ids';
import { anthropicPage } from '@sim/anthropic/anthropic-list';
import { findLiveWorkspace, findWorkspace } from '@sim/anthropic/anthropic-lookups';
import type { WorkspaceRecord } from '@sim/anthropic/anthropic-records';
import { workspaceJson } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

type WorkspaceParams = { Params: { workspaceId: string } };

const COLORS = ['#6C5BB9', '#D97757', '#4D9DE0', '#3BB273', '#E15554', '#7768AE'];
const MAX_NAME = 40;

function readName(body: JsonBody, required: boolean): string | undefined {
  const name = required ? requiredString(body, 'name') : optionalString(body, 'name');
  if (name !== undefined && name.length > MAX_NAME) {
    throw anthropicErrors.invalidRequest(`name: String should have at most ${MAX_NAME} characters`);
  }
  return name;
}

/** Merges a tags patch; a null value deletes the tag; keys may not start with `anthropic`. */
function mergeTags(current: Record<string, string>, patch: unknown): Record<string, string> {
  if (patch === undefined || patch === null) return current;
  if (typeof patch !== 'object' || Array.isArray(patch))
    throw anthropicErrors.invalidRequest('tags: must be an object');
  const tags = { ...current };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (key.toLowerCase().startsWith('anthropic'))
      throw anthropicErrors.invalidRequest(`tags: key "${key}" is reserved`);
    if (value === null) delete tags[key];
    else if (typeof value === 'string') tags[key] = value;
    else throw anthropicErrors.invalidRequest(`tags.${key}: must be a string or null`);
  }
  return tags;
}

/** Workspaces: create (capped per organization), get, update, list, archive. */
export function registerAnthropicWorkspaceRoutes(
  app: FastifyInstance,
  state: AnthropicState,
  clock: SimClock,
): void {
  app.post('/workspaces', (request) => {
    const body = jsonBody(request.body);
    const name = readName(body, true) as string;
    if (state.activeWorkspaceCount() >= state.workspaceCap) {
      throw anthropicErrors.invalidRequest(
        `Your organization has reached the maximum number of workspaces (${state.workspaceCap}). Archive a workspace before creating a new one.`,
      );
    }
    const workspace: WorkspaceRecord = {
      id: newWorkspaceId(),
      name,
      displayColor: optionalString(body, 'display_color') ?? COLORS[state.workspaces.size % COLORS.length],
      createdAt: clock.nowMs(),
      archivedAt: null,
      compartmentId: newCompartmentId(),
      externalKeyId: optionalString(body, 'external_key_id') ?? null,
      tags: mergeTags({}, body.tags),
      userProfileId: optionalString(body, 'user_profile_id') ?? null,
      dataResidency: {
        workspace_geo: 'us',
        allowed_inference_geos: 'unrestricted',
        default_inference_geo: 'global',
      },
    };
    state.workspaces.set(workspace.id, workspace);
    return workspaceJson(workspace);
  });

  app.get('/workspaces', (request) => {
    const query = asVendorQuery(request.query);
    const includeArchived = queryBoolean(query, 'include_archived') ?? false;
    const ids = queryList(query, 'ids');
    const workspaces = [...state.workspaces.values()].filter(
      (workspace) =>
        (includeArchived || workspace.archivedAt === null) &&
        (ids.length === 0 || ids.includes(workspace.id)),
    );
    return anthropicPage(workspaces.map(workspaceJson), (workspace) => workspace.id, query, 100);
  });

  app.get<WorkspaceParams>('/workspaces/:workspaceId', (request) =>
    workspaceJson(findWorkspace(state, request.params.workspaceId)),
  );

  app.post<WorkspaceParams>('/workspaces/:workspaceId', (request) => {
    const workspace = findLiveWorkspace(state, request.params.workspaceId);
    const body = jsonBody(request.body);
    workspace.name = readName(body, false) ?? workspace.name;
    workspace.displayColor = optionalString(body, 'display_color') ?? workspace.displayColor;
    workspace.externalKeyId = optionalString(body, 'external_key_id') ?? workspace.externalKeyId;
    workspace.userProfileId = optionalString(body, 'user_profile_id') ?? workspace.userProfileId;
    workspace.tags = mergeTags(workspace.tags, body.tags);
    return workspaceJson(workspace);
  });

  /** Archiving a workspace archives its API keys for good. */
  app.post<WorkspaceParams>('/workspaces/:workspaceId/archive', (request) => {
    const workspace = findWorkspace(state, request.params.workspaceId);
    if (workspace.archivedAt === null) {
      workspace.archivedAt = clock.nowMs();
      for (const key of state.apiKeys.values()) if (key.workspaceId === workspace.id) key.status = 'archived';
    }
    return workspaceJson(workspace);
  });
}
