import type { FastifyRequest } from 'fastify';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import type { ApiKeyRecord } from '@sim/anthropic/anthropic-records';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

/** 2023-06-01: docs and SDK 0.x (`x-api-key`); 2026-10-21: SDK 1.x (`Authorization: Bearer`). */
export const ANTHROPIC_VERSIONS = ['2023-06-01', '2026-10-21'] as const;

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The key from either header style; a request carrying both must carry the same key. */
function presentedKey(request: FastifyRequest): string {
  const apiKey = headerValue(request, 'x-api-key')?.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(headerValue(request, 'authorization')?.trim() ?? '')?.[1];
  if (apiKey === undefined && bearer === undefined) {
    throw anthropicErrors.authentication('x-api-key header or Authorization: Bearer header is required');
  }
  if (apiKey !== undefined && bearer !== undefined && apiKey !== bearer) {
    throw anthropicErrors.authentication('x-api-key and Authorization headers carry different keys');
  }
  return (apiKey ?? bearer) as string;
}

function requireVersion(request: FastifyRequest): void {
  const version = headerValue(request, 'anthropic-version');
  if (version === undefined) throw anthropicErrors.invalidRequest('anthropic-version: header is required');
  if (!(ANTHROPIC_VERSIONS as readonly string[]).includes(version)) {
    throw anthropicErrors.invalidRequest(`anthropic-version: "${version}" is not a valid version`);
  }
}

export function requireAdminKey(
  request: FastifyRequest,
  adminKeys: readonly string[],
  state: AnthropicState,
): void {
  const key = presentedKey(request);
  requireVersion(request);
  if (adminKeys.includes(key)) return;
  if (state.keysBySecret.has(key)) {
    throw anthropicErrors.permission(
      'This API key cannot be used with the Admin API. Use an Admin API key (sk-ant-admin...).',
    );
  }
  throw anthropicErrors.authentication('invalid x-api-key');
}

/** Inference accepts only an active, unexpired key in a live workspace. */
export function requireActiveApiKey(request: FastifyRequest, state: AnthropicState): ApiKeyRecord {
  const secret = presentedKey(request);
  requireVersion(request);
  const keyId = state.keysBySecret.get(secret);
  const key = keyId === undefined ? undefined : state.apiKeys.get(keyId);
  if (key === undefined || state.effectiveStatus(key) !== 'active') {
    throw anthropicErrors.authentication('invalid x-api-key');
  }
  return key;
}
