import type { SimClock } from '@sim/common/sim-clock';
import { newApiKeyId, newServiceAccountSecret } from '@sim/openai/openai-ids';
import type { ApiKeyRecord, ServiceAccountRecord } from '@sim/openai/openai-records';
import type { OpenAiState } from '@sim/openai/openai-state';

export interface KeyRequest {
  name: string;
  expiresInSeconds?: number;
  scopes?: string[];
}

/** Mints a service-account key; the returned record holds the secret the caller shows once. */
export function issueServiceAccountKey(
  state: OpenAiState,
  clock: SimClock,
  account: ServiceAccountRecord,
  request: KeyRequest,
): ApiKeyRecord {
  const now = clock.nowSeconds();
  const key: ApiKeyRecord = {
    id: newApiKeyId(),
    projectId: account.projectId,
    serviceAccountId: account.id,
    name: request.name,
    secret: newServiceAccountSecret(),
    createdAt: now,
    lastUsedAt: null,
    expiresAt: request.expiresInSeconds === undefined ? null : now + request.expiresInSeconds,
    scopes: request.scopes ?? [],
  };
  state.addApiKey(key);
  return key;
}
