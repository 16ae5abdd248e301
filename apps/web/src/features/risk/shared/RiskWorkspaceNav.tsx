import { Link } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { readRiskViewState, riskViewSearch } from './riskUrlState.ts';
import './risk-workspace.css';

const VIEWS = [
  { path: '/risiko', key: 'matrix', end: true },
  { path: '/risiko/register', key: 'register', end: false },
  { path: '/risiko/sammenlign', key: 'compare', end: false },
  { path: '/risiko/rapport', key: 'report', end: false },
  { path: '/risiko/akseptkriterier', key: 'criteria', end: false },
] as const;

/**
 * The workspace's own views. Each link carries the current filters, so switching from the
 * matrix to the register shows the same risks (the cell and the sort stay with their page).
 */
export function RiskWorkspaceNav() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const state = readRiskViewState(new URLSearchParams(search));
  const carried = riskViewSearch({ ...state, cell: null, sort: null });
  return (
    <nav aria-label={t('risk.workspaceNav.label')} className="risk-workspace-nav">
      <ul>
        {VIEWS.map((view) => (
          <li key={view.key}>
            <Link asChild>
              <NavLink to={`${view.path}${view.key === 'criteria' ? '' : carried}`} end={view.end}>
                {t(`risk.workspaceNav.${view.key}`)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
