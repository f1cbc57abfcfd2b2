import type { FastifyInstance } from 'fastify';
import { jsonBody, oneOf, optionalString } from '@sim/common/body-fields';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { anthropicPage } from '@sim/anthropic/anthropic-list';
import { findApiKey } from '@sim/anthropic/anthropic-lookups';
import { apiKeyJson } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

type KeyParams = { Params: { apiKeyId: string } };

/**
 * API keys: list, get, update (name, status). There is deliberately no create: keys are made in the
 * Console (see the control API), so `POST /v1/organizations/api_keys` falls through to the 404 handler.
 */
export function registerAnthropicApiKeyRoutes(app: FastifyInstance, state: AnthropicState): void {
  app.get('/api_keys', (request) => {
    const query = asVendorQuery(request.query);
    const status = queryValue(query, 'status');
    const workspaceId = queryValue(query, 'workspace_id');
    const createdBy = queryValue(query, 'created_by_user_id');
    const keys = [...state.apiKeys.values()]
      .filter(
        (key) =>
          (status === undefined || state.effectiveStatus(key) === status) &&
          (workspaceId === undefined || key.workspaceId === workspaceId) &&
          (createdBy === undefined || key.createdByUserId === createdBy),
      )
      .map((key) => apiKeyJson(key, state));
    return anthropicPage(keys, (key) => key.id, query, 1000);
  });

  app.get<KeyParams>('/api_keys/:apiKeyId', (request) =>
    apiKeyJson(findApiKey(state, request.params.apiKeyId), state),
  );

  app.post<KeyParams>('/api_keys/:apiKeyId', (request) => {
    const key = findApiKey(state, request.params.apiKeyId);
    const body = jsonBody(request.body);
    const name = optionalString(body, 'name');
    const statusRaw = optionalString(body, 'status');
    const status =
      statusRaw === undefined
        ? undefined
        : oneOf('status', statusRaw, ['active', 'inactive', 'archived'] as const);
    const current = state.effectiveStatus(key);
    if (current === 'archived' || current === 'expired') {
      throw anthropicErrors.invalidRequest(`Cannot update an API key with status ${current}.`);
    }
    if (name !== undefined && (name.length < 1 || name.length > 500)) {
      throw anthropicErrors.invalidRequest('name: String should have between 1 and 500 characters');
    }
    key.name = name ?? key.name;
    key.status = status ?? key.status;
    return apiKeyJson(key, state);
  });
}
