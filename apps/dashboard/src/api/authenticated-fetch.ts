import { accessTokenStore } from '@/auth/access-token-store';

/** Requests that start a session must never trigger a refresh (logout may: it needs a live token). */
const SESSION_START_PATHS = /\/api\/v1\/auth\/(login|refresh|signup)$/;

function withBearer(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/**
 * A fetch that sends the in-memory access token and, when the API answers 401, refreshes the token
 * through the HttpOnly cookie (`refreshAccessToken` shares one refresh between all callers) and
 * replays the request once.
 */
export function createAuthenticatedFetch(
  refreshAccessToken: () => Promise<string | null>,
  onSessionLost: () => void,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const replay = request.clone();
    const response = await fetch(withBearer(request, accessTokenStore.get()));
    if (response.status !== 401 || SESSION_START_PATHS.test(new URL(request.url).pathname)) return response;
    const token = await refreshAccessToken();
    if (!token) {
      onSessionLost();
      return response;
    }
    return fetch(withBearer(replay, token));
  };
}
