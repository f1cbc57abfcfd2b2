import type { FastifyInstance } from 'fastify';
import { jsonBody, optionalInteger, optionalStringArray } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';
import { openAiErrors } from '@sim/openai/openai-errors';
import { openAiList } from '@sim/openai/openai-list';
import { findApiKey, findProject } from '@sim/openai/openai-lookups';
import type { ApiKeyRecord } from '@sim/openai/openai-records';
import { projectApiKeyJson } from '@sim/openai/openai-serializers';
import type { OpenAiState } from '@sim/openai/openai-state';

type ProjectParams = { Params: { projectId: string } };
type KeyParams = { Params: { projectId: string; apiKeyId: string } };

/** A project's API keys (service-account keys included): list, get, update, delete. */
export function registerOpenAiApiKeyRoutes(app: FastifyInstance, state: OpenAiState, clock: SimClock): void {
  const json = (key: ApiKeyRecord) => projectApiKeyJson(key, state.serviceAccounts.get(key.serviceAccountId));

  app.get<ProjectParams>('/projects/:projectId/api_keys', (request) => {
    const project = findProject(state, request.params.projectId);
    const query = asVendorQuery(request.query);
    const access = queryValue(query, 'owner_project_access') ?? 'active';
    const keys = [...state.apiKeys.values()].filter((key) => key.projectId === project.id);
    // Every key here is owned by a service account, whose project access is always active.
    const visible = access === 'inactive' ? [] : keys;
    return openAiList(visible.map(json), query);
  });

  app.get<KeyParams>('/projects/:projectId/api_keys/:apiKeyId', (request) =>
    json(findApiKey(state, request.params.projectId, request.params.apiKeyId)),
  );

  app.post<KeyParams>('/projects/:projectId/api_keys/:apiKeyId', (request) => {
    const key = findApiKey(state, request.params.projectId, request.params.apiKeyId);
    const body = jsonBody(request.body);
    const expiresInSeconds = optionalInteger(body, 'expires_in_seconds', 1);
    if (expiresInSeconds !== undefined) key.expiresAt = clock.nowSeconds() + expiresInSeconds;
    key.scopes = optionalStringArray(body, 'scopes') ?? key.scopes;
    return json(key);
  });

  app.delete<KeyParams>('/projects/:projectId/api_keys/:apiKeyId', (request) => {
    const key = findApiKey(state, request.params.projectId, request.params.apiKeyId);
    if (state.serviceAccountKeyDeletion === 'rejected') {
      throw openAiErrors.badRequest(
        'API keys owned by a service account cannot be deleted. Delete the service account to revoke its keys.',
      );
    }
    state.removeApiKey(key.id);
    return { object: 'organization.project.api_key.deleted', id: key.id, deleted: true };
  });
}
