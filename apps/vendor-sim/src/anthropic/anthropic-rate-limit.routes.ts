import type { FastifyInstance } from 'fastify';
import { jsonBody } from '@sim/common/body-fields';
import { asVendorQuery, queryBoolean, queryValue } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { findLiveWorkspace, findWorkspace } from '@sim/anthropic/anthropic-lookups';
import {
  LIMITER_TYPES,
  type LimiterType,
  ORGANIZATION_RATE_LIMITS,
  type OrganizationRateLimit,
  type WorkspaceRateLimits,
} from '@sim/anthropic/anthropic-rate-limits';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

type WorkspaceParams = { Params: { workspaceId: string } };
type LimitParams = { Params: { workspaceId: string; rateLimitId: string } };

const groupJson = (limit: OrganizationRateLimit) => ({
  type: 'model_group' as const,
  id: limit.groupId,
  display_name: limit.displayName,
});

function modelGroupsOnly(groupType: string | undefined): readonly OrganizationRateLimit[] {
  return groupType === undefined || groupType === 'model_group' ? ORGANIZATION_RATE_LIMITS : [];
}

/** Organization rate limits (read-only) and workspace overrides; the lower of the two applies. */
export function registerAnthropicRateLimitRoutes(
  app: FastifyInstance,
  state: AnthropicState,
  limits: WorkspaceRateLimits,
): void {
  const workspaceJson = (workspaceId: string, limit: OrganizationRateLimit, includeInherited: boolean) => {
    const overrides = limits.overridesOf(workspaceId, limit.id);
    const values = LIMITER_TYPES.filter((type) => includeInherited || overrides[type] !== undefined).map(
      (type) => ({
        type,
        value: overrides[type] ?? limit.limits[type],
        org_limit: limit.limits[type],
        source: { type: overrides[type] === undefined ? ('organization' as const) : ('workspace' as const) },
      }),
    );
    return {
      type: 'workspace_rate_limit' as const,
      workspace_id: workspaceId,
      rate_limit_id: limit.id,
      group: groupJson(limit),
      models: limit.models,
      limits: values,
    };
  };

  app.get('/rate_limits', (request) => {
    const query = asVendorQuery(request.query);
    const model = queryValue(query, 'model');
    const data = modelGroupsOnly(queryValue(query, 'group_type'))
      .filter((limit) => model === undefined || limit.models.includes(model))
      .map((limit) => ({
        type: 'rate_limit' as const,
        id: limit.id,
        group: groupJson(limit),
        models: limit.models,
        limits: LIMITER_TYPES.map((type) => ({ type, value: limit.limits[type] })),
      }));
    return { data, next_page: null };
  });

  app.get<WorkspaceParams>('/workspaces/:workspaceId/rate_limits', (request) => {
    const workspace = findWorkspace(state, request.params.workspaceId);
    const query = asVendorQuery(request.query);
    const includeInherited = queryBoolean(query, 'include_inherited') ?? false;
    const data = modelGroupsOnly(queryValue(query, 'group_type'))
      .map((limit) => workspaceJson(workspace.id, limit, includeInherited))
      .filter((limit) => limit.limits.length > 0);
    return { data, next_page: null };
  });

  app.post<LimitParams>('/workspaces/:workspaceId/rate_limits/:rateLimitId', (request) => {
    const workspace = findLiveWorkspace(state, request.params.workspaceId);
    const limit = ORGANIZATION_RATE_LIMITS.find((item) => item.id === request.params.rateLimitId);
    if (limit === undefined)
      throw anthropicErrors.notFound(`Rate limit ${request.params.rateLimitId} not found.`);
    const updates = jsonBody(request.body).limits;
    if (!Array.isArray(updates) || updates.length === 0)
      throw anthropicErrors.invalidRequest('limits: Field required');
    const parsed = updates.map((update: unknown) => {
      const { type, value } = (update ?? {}) as { type?: unknown; value?: unknown };
      if (typeof type !== 'string' || !(LIMITER_TYPES as readonly string[]).includes(type)) {
        throw anthropicErrors.invalidRequest(
          `limits.type: "${String(type)}" is not supported for this rate limit`,
        );
      }
      if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        throw anthropicErrors.invalidRequest('limits.value: must be a non-negative integer or null');
      }
      if (value !== null && value > limit.limits[type as LimiterType]) {
        throw anthropicErrors.invalidRequest(`limits.value: ${type} cannot exceed the organization limit`);
      }
      return { type: type as LimiterType, value };
    });
    for (const { type, value } of parsed) limits.set(workspace.id, limit.id, type, value);
    return workspaceJson(workspace.id, limit, true);
  });
}
