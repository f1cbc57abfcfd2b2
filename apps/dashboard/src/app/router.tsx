import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '@/auth/require-auth';
import { RequirePermission } from '@/auth/require-permission';
import { SignInPage } from '@/features/auth/sign-in-page';
import { AppLayout } from '@/layout/app-layout';
import { NotFoundPage } from '@/layout/not-found-page';
import { RouteError } from '@/layout/route-error';

// Every page but sign-in loads on demand, so the first page stays small.
const SignUpPage = lazy(() => import('@/features/auth/sign-up-page'));
const OverviewPage = lazy(() => import('@/features/overview/overview-page'));
const DevelopersPage = lazy(() => import('@/features/developers/developers-page'));
const KeysPage = lazy(() => import('@/features/keys/keys-page'));
const KeyDetailPage = lazy(() => import('@/features/keys/key-detail-page'));
const VendorsPage = lazy(() => import('@/features/vendors/vendors-page'));
const AuditPage = lazy(() => import('@/features/audit/audit-page'));
const UsersPage = lazy(() => import('@/features/users/users-page'));

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/sign-up',
    element: (
      <Suspense>
        <SignUpPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: <OverviewPage /> },
              {
                path: 'developers',
                element: (
                  <RequirePermission permission="developers:read">
                    <DevelopersPage />
                  </RequirePermission>
                ),
              },
              { path: 'keys', element: <KeysPage /> },
              { path: 'keys/:keyId', element: <KeyDetailPage /> },
              {
                path: 'vendors',
                element: (
                  <RequirePermission permission="vendors:read">
                    <VendorsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequirePermission permission="audit:read">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'users',
                element: (
                  <RequirePermission permission="users:read">
                    <UsersPage />
                  </RequirePermission>
                ),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
