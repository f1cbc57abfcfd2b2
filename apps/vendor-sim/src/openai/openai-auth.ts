import type { FastifyRequest } from 'fastify';
import { maskPresentedKey, openAiErrors } from '@sim/openai/openai-errors';
import type { ApiKeyRecord, ProjectRecord } from '@sim/openai/openai-records';
import type { OpenAiState } from '@sim/openai/openai-state';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}

/** Admin endpoints accept only an organization admin key. */
export function requireAdminKey(
  request: FastifyRequest,
  adminKeys: readonly string[],
  state: OpenAiState,
): void {
  const token = bearerToken(request);
  if (token === undefined) throw openAiErrors.missingApiKey();
  if (adminKeys.includes(token)) return;
  if (state.keysBySecret.has(token)) throw openAiErrors.insufficientPermissions();
  throw openAiErrors.invalidApiKey(maskPresentedKey(token));
}

export interface InferenceCaller {
  key: ApiKeyRecord;
  project: ProjectRecord;
}

/** Inference accepts only a live issued key: not deleted, not expired, in a live project. */
export function requireIssuedKey(
  request: FastifyRequest,
  state: OpenAiState,
  nowSeconds: number,
): InferenceCaller {
  const token = bearerToken(request);
  if (token === undefined) throw openAiErrors.missingApiKey();
  const keyId = state.keysBySecret.get(token);
  const key = keyId === undefined ? undefined : state.apiKeys.get(keyId);
  const project = key === undefined ? undefined : state.projects.get(key.projectId);
  const accountExists = key !== undefined && state.serviceAccounts.has(key.serviceAccountId);
  const expired = key?.expiresAt != null && nowSeconds >= key.expiresAt;
  if (
    key === undefined ||
    project === undefined ||
    !accountExists ||
    expired ||
    project.archivedAt !== null
  ) {
    throw openAiErrors.invalidApiKey(maskPresentedKey(token));
  }
  key.lastUsedAt = nowSeconds;
  return { key, project };
}
