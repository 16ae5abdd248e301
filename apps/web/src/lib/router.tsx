import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { ComingLaterPage } from '../components/layout/ComingLaterPage.tsx';
import { NotFoundPage } from '../components/layout/NotFoundPage.tsx';
import { RouteErrorPage } from '../components/layout/RouteErrorPage.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { RequireAdmin } from './auth/RequireAdmin.tsx';
import { RequireSession } from './auth/RequireSession.tsx';

// Feature pages load on demand so the first load carries only the shell; the layout's
// Suspense boundary shows a spinner while a page's chunk arrives.
const MunicipalitiesPage = lazy(() =>
  import('../features/municipality/MunicipalitiesPage.tsx').then((module) => ({ default: module.MunicipalitiesPage })),
);
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx').then((module) => ({ default: module.SignInPage })));
const ChangePasswordPage = lazy(() =>
  import('../features/auth/ChangePasswordPage.tsx').then((module) => ({ default: module.ChangePasswordPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((module) => ({ default: module.UsersPage })));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage.tsx').then((module) => ({ default: module.AuditLogPage })));
const RiskRegisterPage = lazy(() =>
  import('../features/risk/register/RiskRegisterPage.tsx').then((module) => ({ default: module.RiskRegisterPage })),
);
const SeriesBrowserPage = lazy(() =>
  import('../features/series/browser/SeriesBrowserPage.tsx').then((module) => ({ default: module.SeriesBrowserPage })),
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <AuthProvider>
        <AppLayout />
      </AuthProvider>
    ),
    children: [
      {
        // Pathless, so a page that fails renders its error inside the layout (header, menu
        // and skip link stay usable) instead of replacing the whole screen.
        errorElement: <RouteErrorPage />,
        children: [
          { path: 'logg-inn', element: <SignInPage /> },
          {
            // Nothing else is public (PRODUCT.md: everyone must sign in).
            element: <RequireSession />,
            children: [
              { index: true, element: <ComingLaterPage area="overview" /> },
              { path: 'bytt-passord', element: <ChangePasswordPage /> },
              { path: 'risiko', element: <ComingLaterPage area="risk" /> },
              { path: 'risiko/register', element: <RiskRegisterPage /> },
              { path: 'arkivserier', element: <SeriesBrowserPage /> },
              { path: 'tidslinje', element: <ComingLaterPage area="timeline" /> },
              { path: 'funn', element: <ComingLaterPage area="findings" /> },
              { path: 'kommuner', element: <MunicipalitiesPage /> },
              {
                element: <RequireAdmin />,
                children: [
                  { path: 'admin/brukere', element: <UsersPage /> },
                  { path: 'revisjonslogg', element: <AuditLogPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
