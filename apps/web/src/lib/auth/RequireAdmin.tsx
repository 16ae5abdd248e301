import { Outlet } from 'react-router';
import { ForbiddenPage } from '../../components/layout/ForbiddenPage.tsx';
import { useCan } from './useCan.ts';

/** Guards the administrator's pages; the API refuses their operations to anyone else anyway. */
export function RequireAdmin() {
  const { isAdmin } = useCan();
  return isAdmin ? <Outlet /> : <ForbiddenPage />;
}
