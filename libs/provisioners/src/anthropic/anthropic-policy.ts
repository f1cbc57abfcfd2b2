import type { PolicyReadback } from '../contract';
import { callVendor, type VendorCallContext } from '../common/vendor-call';
import type { AnthropicAdmin } from './anthropic-admin-client';

const REQUESTS_PER_MINUTE = 'requests_per_minute';

/**
 * Sets the workspace's requests-per-minute override on every model group. Anthropic refuses an
 * override above the organization's own limit, so the value is capped there (the org limit applies anyway).
 */
export function pushAnthropicRateLimit(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, rateLimitRpm: number): Promise<void> {
  return callVendor(ctx, 'set workspace rate limits', async () => {
    for await (const limit of admin.rateLimits.list({ group_type: 'model_group' })) {
      const orgLimit = limit.limits.find((value) => value.type === REQUESTS_PER_MINUTE)?.value;
      if (orgLimit === undefined) continue;
      await admin.workspaces.rateLimits.update(limit.id, {
        workspace_id: workspaceId,
        limits: [{ type: REQUESTS_PER_MINUTE, value: Math.min(rateLimitRpm, orgLimit) }],
      });
    }
  });
}

/** The highest workspace requests-per-minute override across model groups; null when none is set. */
export async function readAnthropicPolicy(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string): Promise<PolicyReadback> {
  const values = await callVendor(ctx, 'read workspace rate limits', async () => {
    const found: number[] = [];
    for await (const limit of admin.workspaces.rateLimits.list(workspaceId, { group_type: 'model_group' })) {
      for (const value of limit.limits) {
        if (value.type === REQUESTS_PER_MINUTE && value.source.type === 'workspace' && value.value !== null) found.push(value.value);
      }
    }
    return found;
  });
  return { rateLimitRpm: values.length > 0 ? Math.max(...values) : null };
}
