import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '@/auth/use-auth';

/** Route guard: the app's pages only render for a signed-in session. */
export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="Restoring your session" />
      </Center>
    );
  }
  if (state.status === 'signed-out') {
    const params = new URLSearchParams();
    if (location.pathname !== '/') params.set('next', location.pathname);
    if (state.reason === 'expired') params.set('reason', 'expired');
    const search = params.toString();
    return <Navigate to={`/sign-in${search ? `?${search}` : ''}`} replace />;
  }
  return <Outlet />;
}
