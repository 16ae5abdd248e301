import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { SessionCheckFailed } from '../../components/layout/SessionCheckFailed.tsx';
import { useAuth } from './authContext.ts';
import { wasSignedIn } from './sessionHint.ts';
import { CHANGE_PASSWORD_PATH, changePasswordPath, MFA_SETUP_PATH, pathOf, SIGN_IN_PATH, signInPath } from './nextPath.ts';

/**
 * Guards every route but sign-in: without a session it sends the user to sign in (and back
 * here afterwards); a user who must change the password goes to that page first.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();

  // Room for the page only where one is likely to follow; a visitor without a session is sent to
  // the short sign-in page, whose footer would then move up instead.
  if (auth.status === 'loading') return <PageLoading label={t('auth.checking')} fill={wasSignedIn()} />;
  if (auth.status === 'error') return <SessionCheckFailed />;
  // After signing out there is nowhere to return to; otherwise come back here after signing in.
  if (auth.status === 'signedOut') return <Navigate to={auth.reason === 'signedOut' ? SIGN_IN_PATH : signInPath(location)} replace />;
  if (auth.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={changePasswordPath(pathOf(location))} replace />;
  }
  if (auth.user.mfaSetupRequired && location.pathname !== MFA_SETUP_PATH) return <Navigate to={MFA_SETUP_PATH} replace />;
  return <Outlet />;
}
