import { createKeyGateClient } from '@keygate/api-client';
import { createAuthenticatedFetch } from '@/api/authenticated-fetch';
import { accessTokenStore } from '@/auth/access-token-store';

/** For the calls that start a session: no bearer token, no refresh. The refresh cookie rides along. */
export const sessionApi = createKeyGateClient();

async function exchangeRefreshCookie(): Promise<string | null> {
  try {
    const { data, response } = await sessionApi.POST('/api/v1/auth/refresh', { body: {} });
    const token = response.ok && data ? data.access_token : null;
    accessTokenStore.set(token);
    return token;
  } catch {
    accessTokenStore.set(null);
    return null;
  }
}

let refreshing: Promise<string | null> | null = null;

/**
 * Exchanges the HttpOnly refresh cookie for a new in-memory access token (null when signed out).
 * Concurrent callers share one request: the API rotates the refresh token and treats a second use
 * of the old one as theft, so two parallel refreshes would end the session.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= exchangeRefreshCookie().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The client every page uses: bearer token from memory, one refresh and replay on 401. */
export const api = createKeyGateClient({
  fetch: createAuthenticatedFetch(refreshAccessToken, () => accessTokenStore.set(null)),
});
