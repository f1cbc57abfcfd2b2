import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import type { CognitiveAccount } from '@sim/azure/arm/cognitive-account';

export interface KeyHolder {
  account: CognitiveAccount;
  keyName: 'key1' | 'key2';
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The key a data-plane call presents: the `api-key` header, or (on the `/openai/v1` surface, which the
 * plain OpenAI client calls) `Authorization: Bearer <key>`.
 */
export function presentedKey(request: FastifyRequest, bearerAllowed: boolean): string | undefined {
  const header = request.headers['api-key'];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (apiKey !== undefined && apiKey !== '') return apiKey;
  if (!bearerAllowed) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The account the key belongs to, and which of its two keys it is (current values only). */
export function authenticateKey(apiKey: string | undefined, candidates: CognitiveAccount[]): KeyHolder {
  if (apiKey === undefined) {
    throw armError(
      401,
      '401',
      'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    );
  }
  for (const account of candidates) {
    if (account.provisioningState !== 'Succeeded') continue;
    const keyName = sameSecret(apiKey, account.keys.key1)
      ? 'key1'
      : sameSecret(apiKey, account.keys.key2)
        ? 'key2'
        : null;
    if (keyName === null) continue;
    if (account.disableLocalAuth) {
      throw armError(
        403,
        'AuthenticationTypeDisabled',
        'Key based authentication is disabled for this resource.',
      );
    }
    return { account, keyName };
  }
  throw armError(
    401,
    '401',
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  );
}
