import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { ComingLaterPage } from '../components/layout/ComingLaterPage.tsx';
import { NotFoundPage } from '../components/layout/NotFoundPage.tsx';
import { RouteErrorPage } from '../components/layout/RouteErrorPage.tsx';

// Feature pages load on demand so the first load carries only the shell; the layout's
// Suspense boundary shows a spinner while a page's chunk arrives.
const MunicipalitiesPage = lazy(() =>
  import('../features/municipality/MunicipalitiesPage.tsx').then((module) => ({
    default: module.MunicipalitiesPage,
  })),
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      {
        // Pathless, so a page that fails renders its error inside the layout (header, menu
        // and skip link stay usable) instead of replacing the whole screen.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <ComingLaterPage area="overview" /> },
          { path: 'risiko', element: <ComingLaterPage area="risk" /> },
          { path: 'arkivserier', element: <ComingLaterPage area="archiveSeries" /> },
          { path: 'tidslinje', element: <ComingLaterPage area="timeline" /> },
          { path: 'funn', element: <ComingLaterPage area="findings" /> },
          { path: 'kommuner', element: <MunicipalitiesPage /> },
          { path: 'revisjonslogg', element: <ComingLaterPage area="auditLog" /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
