import { useContext } from 'react';
import { AuthContext, type AuthContextValue, type CurrentUser } from '@/auth/auth-context';
import { can, type Permission } from '@/auth/permissions';

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): CurrentUser {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}

export function useCan(permission: Permission): boolean {
  return can(useCurrentUser(), permission);
}
