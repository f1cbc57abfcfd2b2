import type { SimClock } from '@sim/common/sim-clock';
import { ANTHROPIC_MODELS } from '@sim/anthropic/anthropic-catalogue';

/** Limiter types the simulator tracks per model group; only `requests_per_minute` is enforced. */
export const LIMITER_TYPES = [
  'requests_per_minute',
  'input_tokens_per_minute',
  'output_tokens_per_minute',
] as const;
export type LimiterType = (typeof LIMITER_TYPES)[number];

export interface OrganizationRateLimit {
  id: string;
  groupId: string;
  displayName: string;
  models: string[];
  limits: Record<LimiterType, number>;
}

/** One model group per catalogue model, with the organization's limits. */
export const ORGANIZATION_RATE_LIMITS: readonly OrganizationRateLimit[] = ANTHROPIC_MODELS.map((model) => ({
  id: `rl_${model.id.replace(/-/g, '_')}`,
  groupId: `grp_${model.id.replace(/-/g, '_')}`,
  displayName: model.displayName,
  models: [model.id],
  limits: {
    requests_per_minute: 4000,
    input_tokens_per_minute: 2_000_000,
    output_tokens_per_minute: 400_000,
  },
}));

export function rateLimitForModel(model: string): OrganizationRateLimit | undefined {
  return ORGANIZATION_RATE_LIMITS.find((limit) => limit.models.includes(model));
}

/** Workspace overrides (`workspaceId` → `rateLimitId` → limiter → value) and per-minute request windows. */
export class WorkspaceRateLimits {
  private readonly overrides = new Map<string, Map<string, Partial<Record<LimiterType, number>>>>();
  private readonly windows = new Map<string, { minute: number; count: number }>();

  constructor(private readonly clock: SimClock) {}

  reset(): void {
    this.overrides.clear();
    this.windows.clear();
  }

  overridesOf(workspaceId: string, rateLimitId: string): Partial<Record<LimiterType, number>> {
    return this.overrides.get(workspaceId)?.get(rateLimitId) ?? {};
  }

  /** A null value clears the override; unnamed limiters stay as they were. */
  set(workspaceId: string, rateLimitId: string, type: LimiterType, value: number | null): void {
    const byLimit =
      this.overrides.get(workspaceId) ?? new Map<string, Partial<Record<LimiterType, number>>>();
    const current = { ...(byLimit.get(rateLimitId) ?? {}) };
    if (value === null) delete current[type];
    else current[type] = value;
    byLimit.set(rateLimitId, current);
    this.overrides.set(workspaceId, byLimit);
  }

  /** The lower of the organization limit and the workspace override applies. */
  effective(workspaceId: string | null, limit: OrganizationRateLimit, type: LimiterType): number {
    const override = workspaceId === null ? undefined : this.overridesOf(workspaceId, limit.id)[type];
    return Math.min(limit.limits[type], override ?? Number.POSITIVE_INFINITY);
  }

  /** Takes one request from the workspace's window for this model group unless its limit is reached. */
  takeRequest(
    workspaceId: string | null,
    limit: OrganizationRateLimit,
  ): { allowed: boolean; retryAfterSeconds: number } {
    const nowMs = this.clock.nowMs();
    const minute = Math.floor(nowMs / 60_000);
    const key = `${workspaceId ?? 'default'}:${limit.id}`;
    const window = this.windows.get(key);
    const current = window !== undefined && window.minute === minute ? window : { minute, count: 0 };
    this.windows.set(key, current);
    const retryAfterSeconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000));
    if (current.count >= this.effective(workspaceId, limit, 'requests_per_minute')) {
      return { allowed: false, retryAfterSeconds };
    }
    current.count += 1;
    return { allowed: true, retryAfterSeconds };
  }
}
