import { accessTokenStore } from '@/auth/access-token-store';

/** Requests that must never trigger a refresh (they are how a session starts or ends). */
const SESSION_PATHS = /\/api\/v1\/auth\/(login|refresh|logout)$/;

function withBearer(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/**
 * A fetch that sends the in-memory access token and, when the API answers 401, refreshes the token
 * once through the HttpOnly cookie (one refresh shared by every request waiting on it) and replays.
 */
export function createAuthenticatedFetch(
  refreshAccessToken: () => Promise<string | null>,
  onSessionLost: () => void,
): (request: Request) => Promise<Response> {
  let refreshing: Promise<string | null> | null = null;
  const refreshOnce = (): Promise<string | null> => {
    refreshing ??= refreshAccessToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return async (request) => {
    const replay = request.clone();
    const response = await fetch(withBearer(request, accessTokenStore.get()));
    if (response.status !== 401 || SESSION_PATHS.test(new URL(request.url).pathname)) return response;
    const token = await refreshOnce();
    if (!token) {
      onSessionLost();
      return response;
    }
    return fetch(withBearer(replay, token));
  };
}
