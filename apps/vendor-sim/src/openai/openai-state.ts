import type { SimClock } from '@sim/common/sim-clock';
import { OPENAI_MODELS } from '@sim/openai/openai-catalogue';
import { newProjectId } from '@sim/openai/openai-ids';
import type {
  ApiKeyRecord,
  ModelPermissionsRecord,
  ProjectRecord,
  RateLimitRecord,
  ServiceAccountKeyDeletion,
  ServiceAccountRecord,
  SpendLimitRecord,
  UsageRecord,
} from '@sim/openai/openai-records';

interface RequestWindow {
  minute: number;
  count: number;
  tokens: number;
}

export interface MinuteLimits {
  requests: number;
  tokens: number;
}

export interface WindowDecision {
  exceeded: 'requests' | 'tokens' | null;
  remainingRequests: number;
  remainingTokens: number;
  usedTokens: number;
  resetSeconds: number;
}

/** Everything the simulated OpenAI organization knows. Maps keep insertion order, which lists rely on. */
export class OpenAiState {
  readonly projects = new Map<string, ProjectRecord>();
  readonly serviceAccounts = new Map<string, ServiceAccountRecord>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly keysBySecret = new Map<string, string>();
  readonly rateLimits = new Map<string, RateLimitRecord[]>();
  readonly spendLimits = new Map<string, SpendLimitRecord>();
  readonly modelPermissions = new Map<string, ModelPermissionsRecord>();
  readonly usage: UsageRecord[] = [];
  readonly requestWindows = new Map<string, RequestWindow>();
  serviceAccountKeyDeletion: ServiceAccountKeyDeletion = 'allowed';

  constructor(private readonly clock: SimClock) {
    this.reset();
  }

  reset(): void {
    this.projects.clear();
    this.serviceAccounts.clear();
    this.apiKeys.clear();
    this.keysBySecret.clear();
    this.rateLimits.clear();
    this.spendLimits.clear();
    this.modelPermissions.clear();
    this.usage.length = 0;
    this.requestWindows.clear();
    this.serviceAccountKeyDeletion = 'allowed';
    this.addProject({ name: 'Default project', externalKeyId: null, residency: 'GLOBAL', isDefault: true });
  }

  addProject(
    input: Pick<ProjectRecord, 'name' | 'externalKeyId' | 'residency' | 'isDefault'>,
  ): ProjectRecord {
    const project: ProjectRecord = {
      id: newProjectId(),
      createdAt: this.clock.nowSeconds(),
      archivedAt: null,
      ...input,
    };
    this.projects.set(project.id, project);
    this.rateLimits.set(
      project.id,
      OPENAI_MODELS.map((model) => ({
        id: `rl-${model.id}`,
        projectId: project.id,
        model: model.id,
        limits: {
          max_requests_per_1_minute: model.defaultRequestsPerMinute,
          max_tokens_per_1_minute: model.defaultTokensPerMinute,
          max_requests_per_1_day: model.defaultRequestsPerMinute * 60 * 24,
          batch_1_day_max_input_tokens: model.defaultTokensPerMinute * 100,
        },
      })),
    );
    return project;
  }

  addApiKey(key: ApiKeyRecord): void {
    this.apiKeys.set(key.id, key);
    this.keysBySecret.set(key.secret, key.id);
  }

  removeApiKey(id: string): void {
    const key = this.apiKeys.get(id);
    if (key === undefined) return;
    this.apiKeys.delete(id);
    this.keysBySecret.delete(key.secret);
  }

  keysOfServiceAccount(serviceAccountId: string): ApiKeyRecord[] {
    return [...this.apiKeys.values()].filter((key) => key.serviceAccountId === serviceAccountId);
  }

  /** Spend of the project in the calendar month (UTC) that contains `now`, in cents. */
  monthSpendCents(projectId: string): number {
    const now = this.clock.now();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000;
    return this.usage
      .filter((record) => record.projectId === projectId && record.at >= monthStart)
      .reduce((sum, record) => sum + record.costCents, 0);
  }

  /**
   * Takes one request of `tokens` tokens from the project's per-model one-minute window, unless that would
   * pass `max_requests_per_1_minute` or `max_tokens_per_1_minute`; says which limit stopped it.
   */
  takeRequest(projectId: string, model: string, limits: MinuteLimits, tokens: number): WindowDecision {
    const nowMs = this.clock.nowMs();
    const minute = Math.floor(nowMs / 60_000);
    const key = `${projectId}:${model}`;
    const window = this.requestWindows.get(key);
    const current =
      window !== undefined && window.minute === minute ? window : { minute, count: 0, tokens: 0 };
    this.requestWindows.set(key, current);
    const resetSeconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000));
    const exceeded =
      current.count >= limits.requests
        ? 'requests'
        : current.tokens + tokens > limits.tokens
          ? 'tokens'
          : null;
    if (exceeded === null) {
      current.count += 1;
      current.tokens += tokens;
    }
    return {
      exceeded,
      remainingRequests: Math.max(0, limits.requests - current.count),
      remainingTokens: Math.max(0, limits.tokens - current.tokens),
      usedTokens: current.tokens,
      resetSeconds,
    };
  }
}
