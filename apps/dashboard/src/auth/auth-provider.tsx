import { unwrap } from '@keygate/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, refreshAccessToken, sessionApi } from '@/api/api-client';
import { accessTokenStore } from '@/auth/access-token-store';
import { AuthContext, type AuthState, type CurrentUser, type SignUpInput } from '@/auth/auth-context';
import type { Role } from '@/auth/permissions';

const roles: readonly Role[] = ['owner', 'admin', 'developer', 'viewer'];

async function loadCurrentUser(): Promise<CurrentUser> {
  const me = await unwrap(api.GET('/api/v1/auth/me'));
  // An unknown role gets the least privilege; the server decides anyway.
  return { ...me, role: roles.find((role) => role === me.role) ?? 'viewer' };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  // A reload keeps no token: try the refresh cookie once, then ask who we are.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const token = await refreshAccessToken();
      const user = token ? await loadCurrentUser().catch(() => null) : null;
      if (!cancelled) setState(user ? { status: 'signed-in', user } : { status: 'signed-out' });
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // The token store empties when a refresh fails: the session ended elsewhere or expired.
  useEffect(
    () =>
      accessTokenStore.subscribe((token) => {
        if (token) return;
        queryClient.clear();
        setState((current) =>
          current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current,
        );
      }),
    [queryClient],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await unwrap(sessionApi.POST('/api/v1/auth/login', { body: { email, password } }));
    accessTokenStore.set(session.access_token);
    setState({ status: 'signed-in', user: await loadCurrentUser() });
  }, []);

  const signUp = useCallback(async (input: SignUpInput) => {
    const session = await unwrap(sessionApi.POST('/api/v1/auth/signup', { body: input }));
    accessTokenStore.set(session.access_token);
    setState({ status: 'signed-in', user: await loadCurrentUser() });
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    setState({ status: 'signed-out', reason: 'signed-out' });
    accessTokenStore.set(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ state, signIn, signUp, signOut }), [state, signIn, signUp, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
