import type { ProjectRateLimit } from 'openai/resources/admin/organization/projects/rate-limits';
import type { KeyPolicy, PolicyReadback } from '../contract';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { OpenAIAdmin } from './openai-admin-client';

/**
 * Pushes the policy onto a new project. Every call replaces a value, so repeating it is safe. A new
 * project's per-model limits start at the organization's, which a project can only lower: a larger
 * rate_limit_rpm leaves the organization's limit in place instead of failing.
 */
export async function pushOpenAIPolicy(ctx: VendorCallContext, admin: OpenAIAdmin, projectId: string, policy: KeyPolicy): Promise<void> {
  const limits = await callVendor(ctx, 'list project rate limits', async () => {
    const all: ProjectRateLimit[] = [];
    for await (const limit of admin.projects.rateLimits.listRateLimits(projectId, { limit: 100 })) all.push(limit);
    return all;
  });
  for (const limit of limits) {
    if (policy.modelsAllowed && !policy.modelsAllowed.includes(limit.model)) continue;
    const target = Math.min(policy.rateLimitRpm, limit.max_requests_per_1_minute);
    if (limit.max_requests_per_1_minute === target) continue;
    await callVendor(ctx, 'set project rate limit', () =>
      admin.projects.rateLimits.updateRateLimit(limit.id, { project_id: projectId, max_requests_per_1_minute: target }),
    );
  }
  if (policy.modelsAllowed) {
    const modelIds = policy.modelsAllowed;
    await callVendor(ctx, 'set project model allow-list', () =>
      admin.projects.modelPermissions.update(projectId, { mode: 'allow_list', model_ids: modelIds }),
    );
  } else {
    await ignoreNotFound(callVendor(ctx, 'clear project model allow-list', () => admin.projects.modelPermissions.delete(projectId)));
  }
  await callVendor(ctx, 'set project spend limit', () =>
    admin.projects.spendLimit.update(projectId, {
      // OpenAI takes integer cents and at least one cent; a zero budget therefore allows one cent.
      threshold_amount: Math.max(1, Math.round(policy.budgetLimitUsd * 100)),
      currency: 'USD',
      interval: 'month',
    }),
  );
}

/**
 * Reads back what OpenAI enforces now. The rate limit reported is the highest per-model
 * requests-per-minute limit among the models the project may use: the most a key can do.
 */
export async function readOpenAIPolicy(ctx: VendorCallContext, admin: OpenAIAdmin, projectId: string): Promise<PolicyReadback> {
  const permissions = await ignoreNotFound(
    callVendor(ctx, 'read project model allow-list', () => admin.projects.modelPermissions.retrieve(projectId)),
  );
  const modelsAllowed = permissions?.mode === 'allow_list' ? [...permissions.model_ids].sort() : null;
  const rpms = await callVendor(ctx, 'read project rate limits', async () => {
    const values: number[] = [];
    for await (const limit of admin.projects.rateLimits.listRateLimits(projectId, { limit: 100 })) {
      if (!modelsAllowed || modelsAllowed.includes(limit.model)) values.push(limit.max_requests_per_1_minute);
    }
    return values;
  });
  const spend = await ignoreNotFound(callVendor(ctx, 'read project spend limit', () => admin.projects.spendLimit.retrieve(projectId)));
  return {
    rateLimitRpm: rpms.length > 0 ? Math.max(...rpms) : null,
    modelsAllowed,
    budgetLimitUsd: spend ? spend.threshold_amount / 100 : null,
  };
}
