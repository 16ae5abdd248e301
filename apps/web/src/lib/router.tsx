import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
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
const TotpSetupPage = lazy(() => import('../features/mfa/TotpSetupPage.tsx').then((module) => ({ default: module.TotpSetupPage })));
const AccountPage = lazy(() => import('../features/mfa/AccountPage.tsx').then((module) => ({ default: module.AccountPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx').then((module) => ({ default: module.UsersPage })));
const RiskPage = lazy(() => import('../features/risk/page/RiskPage.tsx').then((module) => ({ default: module.RiskPage })));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage.tsx').then((module) => ({ default: module.AuditLogPage })));
const FindingsBoardPage = lazy(() =>
  import('../features/findings/FindingsBoardPage.tsx').then((module) => ({ default: module.FindingsBoardPage })),
);
const AcceptanceCriteriaPage = lazy(() =>
  import('../features/risk/criteria/AcceptanceCriteriaPage.tsx').then((module) => ({ default: module.AcceptanceCriteriaPage })),
);
const RiskReportPage = lazy(() => import('../features/risk/report/RiskReportPage.tsx').then((module) => ({ default: module.RiskReportPage })));
const RiskRegisterPage = lazy(() =>
  import('../features/risk/register/RiskRegisterPage.tsx').then((module) => ({ default: module.RiskRegisterPage })),
);
const RiskMatrixPage = lazy(() => import('../features/risk/matrix/RiskMatrixPage.tsx').then((module) => ({ default: module.RiskMatrixPage })));
const RiskComparePage = lazy(() => import('../features/risk/compare/RiskComparePage.tsx').then((module) => ({ default: module.RiskComparePage })));
const SeriesComparePage = lazy(() =>
  import('../features/series/compare/SeriesComparePage.tsx').then((module) => ({ default: module.SeriesComparePage })),
);
const ServiceCataloguePage = lazy(() => import('../features/services/ServiceCataloguePage.tsx').then((module) => ({ default: module.ServiceCataloguePage })));
const BenefitsPage = lazy(() => import('../features/benefits/BenefitsPage.tsx').then((module) => ({ default: module.BenefitsPage })));
const BenefitPage = lazy(() => import('../features/benefits/BenefitPage.tsx').then((module) => ({ default: module.BenefitPage })));
const OperatingFiguresGridPage = lazy(() =>
  import('../features/benefits/OperatingFiguresGridPage.tsx').then((module) => ({ default: module.OperatingFiguresGridPage })),
);
const SeriesPage = lazy(() => import('../features/series/page/SeriesPage.tsx').then((module) => ({ default: module.SeriesPage })));
const SeriesImportPage = lazy(() =>
  import('../features/series/import/SeriesImportPage.tsx').then((module) => ({ default: module.SeriesImportPage })),
);
const SeriesBrowserPage = lazy(() =>
  import('../features/series/browser/SeriesBrowserPage.tsx').then((module) => ({ default: module.SeriesBrowserPage })),
);

const OverviewPage = lazy(() => import('../features/overview/OverviewPage.tsx').then((module) => ({ default: module.OverviewPage })));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage.tsx').then((module) => ({ default: module.TimelinePage })));

const AccessibilityStatementPage = lazy(() =>
  import('../features/statements/StatementPage.tsx').then((module) => ({ default: module.AccessibilityStatementPage })),
);
const PrivacyNoticePage = lazy(() => import('../features/statements/StatementPage.tsx').then((module) => ({ default: module.PrivacyNoticePage })));

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
          // The statements are for anyone, signed in or not (linked from the footer of every page).
          { path: 'tilgjengelighet', element: <AccessibilityStatementPage /> },
          { path: 'personvern', element: <PrivacyNoticePage /> },
          {
            // Nothing else is public (PRODUCT.md: everyone must sign in).
            element: <RequireSession />,
            children: [
              { index: true, element: <OverviewPage /> },
              { path: 'bytt-passord', element: <ChangePasswordPage /> },
              { path: 'tofaktor', element: <TotpSetupPage /> },
              { path: 'min-konto', element: <AccountPage /> },
              { path: 'risiko', element: <RiskMatrixPage /> },
              { path: 'risiko/sammenlign', element: <RiskComparePage /> },
              { path: 'risiko/register', element: <RiskRegisterPage /> },
              { path: 'risiko/akseptkriterier', element: <AcceptanceCriteriaPage /> },
              { path: 'risiko/rapport', element: <RiskReportPage /> },
              // After the static /risiko/* pages: a risk's own page (numeric id).
              { path: 'risiko/:id', element: <RiskPage /> },
              { path: 'arkivserier', element: <SeriesBrowserPage /> },
              { path: 'arkivserier/sammenligning', element: <SeriesComparePage /> },
              { path: 'arkivserier/import', element: <SeriesImportPage /> },
              { path: 'arkivserier/:id', element: <SeriesPage /> },
              { path: 'tidslinje', element: <TimelinePage /> },
              { path: 'funn', element: <FindingsBoardPage /> },
              { path: 'kommuner', element: <MunicipalitiesPage /> },
              { path: 'tjenester', element: <ServiceCataloguePage /> },
              { path: 'gevinster', element: <BenefitsPage /> },
              { path: 'gevinster/driftstall', element: <OperatingFiguresGridPage /> },
              { path: 'gevinster/:id', element: <BenefitPage /> },
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
