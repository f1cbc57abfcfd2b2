import type { FastifyInstance } from 'fastify';
import {
  jsonBody,
  oneOf,
  optionalInteger,
  optionalStringArray,
  requiredString,
} from '@sim/common/body-fields';
import { asVendorQuery } from '@sim/common/vendor-query';
import { findOpenAiModel } from '@sim/openai/openai-catalogue';
import { openAiErrors } from '@sim/openai/openai-errors';
import { openAiList } from '@sim/openai/openai-list';
import { findActiveProject, findProject } from '@sim/openai/openai-lookups';
import { RATE_LIMIT_FIELDS } from '@sim/openai/openai-records';
import { rateLimitJson, spendLimitJson } from '@sim/openai/openai-serializers';
import type { OpenAiState } from '@sim/openai/openai-state';

type ProjectParams = { Params: { projectId: string } };
type RateLimitParams = { Params: { projectId: string; rateLimitId: string } };

/** What a project may do at the vendor: per-model rate limits, hard spend limit, model allow/deny list. */
export function registerOpenAiPolicyRoutes(app: FastifyInstance, state: OpenAiState): void {
  app.get<ProjectParams>('/projects/:projectId/rate_limits', (request) => {
    const project = findProject(state, request.params.projectId);
    const limits = state.rateLimits.get(project.id) ?? [];
    return openAiList(limits.map(rateLimitJson), asVendorQuery(request.query), 100);
  });

  app.post<RateLimitParams>('/projects/:projectId/rate_limits/:rateLimitId', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    const rateLimit = (state.rateLimits.get(project.id) ?? []).find(
      (item) => item.id === request.params.rateLimitId,
    );
    if (rateLimit === undefined)
      throw openAiErrors.notFound(`Rate limit ${request.params.rateLimitId} not found`);
    const body = jsonBody(request.body);
    const updates = RATE_LIMIT_FIELDS.map((field) => [field, optionalInteger(body, field, 0)] as const);
    const organizationLimit = findOpenAiModel(rateLimit.model);
    for (const [field, value] of updates) {
      if (value === undefined) continue;
      const ceiling =
        field === 'max_requests_per_1_minute'
          ? organizationLimit?.defaultRequestsPerMinute
          : field === 'max_tokens_per_1_minute'
            ? organizationLimit?.defaultTokensPerMinute
            : undefined;
      if (ceiling !== undefined && value > ceiling) {
        throw openAiErrors.badRequest(`${field} cannot exceed the organization limit of ${ceiling}.`, field);
      }
    }
    for (const [field, value] of updates) if (value !== undefined) rateLimit.limits[field] = value;
    return rateLimitJson(rateLimit);
  });

  app.get<ProjectParams>('/projects/:projectId/spend_limit', (request) => {
    const project = findProject(state, request.params.projectId);
    const limit = state.spendLimits.get(project.id);
    if (limit === undefined) throw openAiErrors.notFound(`No spend limit is set for project ${project.id}`);
    return spendLimitJson(limit, state.monthSpendCents(project.id));
  });

  app.post<ProjectParams>('/projects/:projectId/spend_limit', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    const body = jsonBody(request.body);
    const thresholdAmount = optionalInteger(body, 'threshold_amount', 1);
    if (thresholdAmount === undefined)
      throw openAiErrors.badRequest("Missing required parameter: 'threshold_amount'.", 'threshold_amount');
    oneOf('currency', requiredString(body, 'currency'), ['USD'] as const);
    oneOf('interval', requiredString(body, 'interval'), ['month'] as const);
    const limit = { thresholdAmount, currency: 'USD', interval: 'month' } as const;
    state.spendLimits.set(project.id, limit);
    return spendLimitJson(limit, state.monthSpendCents(project.id));
  });

  app.delete<ProjectParams>('/projects/:projectId/spend_limit', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    state.spendLimits.delete(project.id);
    return { object: 'project.spend_limit.deleted', deleted: true };
  });

  app.get<ProjectParams>('/projects/:projectId/model_permissions', (request) => {
    const project = findProject(state, request.params.projectId);
    const permissions = state.modelPermissions.get(project.id) ?? { mode: 'deny_list', modelIds: [] };
    return { object: 'project.model_permissions', mode: permissions.mode, model_ids: permissions.modelIds };
  });

  app.post<ProjectParams>('/projects/:projectId/model_permissions', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    const body = jsonBody(request.body);
    const mode = oneOf('mode', requiredString(body, 'mode'), ['allow_list', 'deny_list'] as const);
    const modelIds = optionalStringArray(body, 'model_ids');
    if (modelIds === undefined)
      throw openAiErrors.badRequest("Missing required parameter: 'model_ids'.", 'model_ids');
    state.modelPermissions.set(project.id, { mode, modelIds: [...new Set(modelIds)] });
    return { object: 'project.model_permissions', mode, model_ids: [...new Set(modelIds)] };
  });

  app.delete<ProjectParams>('/projects/:projectId/model_permissions', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    state.modelPermissions.delete(project.id);
    return { object: 'project.model_permissions.deleted', deleted: true };
  });
}
