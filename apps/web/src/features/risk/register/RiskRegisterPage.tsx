import { Button, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { CURSOR_PARAM } from '../../../components/table/useCursorPaging.ts';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { useRiskViewState } from '../shared/riskUrlState.ts';
import { AfterRiskFilterChoices, RiskFilterBar } from '../shared/RiskFilterBar.tsx';
import { RegisterExports } from './RegisterExports.tsx';
import { RegisterMeasuresList } from './RegisterMeasuresList.tsx';
import { readRegisterOptions, useRegisterOptions, writeRegisterOptions, type RegisterOptions, type RegisterView } from './registerUrl.ts';
import { RiskRegisterList } from './RiskRegisterList.tsx';
import '../../../components/form/form.css';
import './register.css';

/** /risiko/register: every risk in a sortable, filterable table, its measures, and the exports. */
export function RiskRegisterPage() {
  const { t } = useTranslation();
  const [options, setOptions] = useRegisterOptions();
  return (
    <Page title={t('riskRegister.title')}>
      <RiskWorkspaceNav />
      <div className="risk-register-page">
        <Paragraph className="page-lead">{t('riskRegister.lead')}</Paragraph>
        <AfterRiskFilterChoices>
          <div className="table-toolbar">
            <RiskFilterBar />
          </div>
          <QuickToggles options={options} onChange={setOptions} />
          <CellNotice />
          <ViewSwitch current={options.view} />
          {options.view === 'measures' ? <RegisterMeasuresList options={options} /> : <RiskRegisterList options={options} />}
          <RegisterExports options={options} />
        </AfterRiskFilterChoices>
      </div>
    </Page>
  );
}

type QuickTogglesProps = { options: RegisterOptions; onChange(change: Partial<RegisterOptions>): void };

/** Shortcuts to what needs attention; kept in the URL (`forfalt`) like every other filter. */
function QuickToggles({ options, onChange }: QuickTogglesProps) {
  const { t } = useTranslation();
  const reviewId = useId();
  const measuresId = useId();
  return (
    <fieldset className="register-toggles">
      <legend>{t('riskRegister.toggles.legend')}</legend>
      {options.view === 'risks' && (
        <div className="ds-field" data-position="start">
          <Input
            type="checkbox"
            id={reviewId}
            checked={options.reviewOverdue}
            onChange={(event) => onChange({ reviewOverdue: event.target.checked })}
          />
          <Label htmlFor={reviewId}>{t('riskRegister.toggles.reviewOverdue')}</Label>
        </div>
      )}
      <div className="ds-field" data-position="start">
        <Input
          type="checkbox"
          id={measuresId}
          checked={options.measuresOverdue}
          onChange={(event) => onChange({ measuresOverdue: event.target.checked })}
        />
        <Label htmlFor={measuresId}>{t('riskRegister.toggles.measuresOverdue')}</Label>
      </div>
    </fieldset>
  );
}

/** The matrix cell the list is narrowed to (set by opening a cell), in words, with a way out. */
function CellNotice() {
  const { t } = useTranslation();
  const [state, update] = useRiskViewState();
  if (!state.cell) return null;
  return (
    <div className="register-cell">
      <Paragraph>
        {t('riskRegister.cell.label')}{' '}
        <strong>
          {t('riskRegister.cell.text', {
            likelihood: state.cell.likelihood,
            consequence: state.cell.consequence,
            basis: t(`riskRegister.cell.basis.${state.basis}`),
          })}
        </strong>
      </Paragraph>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => update({ cell: null })}>
        {t('riskRegister.cell.clear')}
      </Button>
    </div>
  );
}

/** Risks or their measures; each keeps the filters and starts at its first page. */
function ViewSwitch({ current }: { current: RegisterView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const searchFor = (view: RegisterView) => {
    const next = writeRegisterOptions({ ...readRegisterOptions(params), view }, params);
    next.delete(CURSOR_PARAM);
    const search = next.toString();
    return search ? `?${search}` : '';
  };
  return (
    <nav aria-label={t('riskRegister.views.label')} className="register-views">
      <ul>
        {(['risks', 'measures'] as const).map((view) => (
          <li key={view}>
            <Link asChild>
              <RouterLink to={{ search: searchFor(view) }} aria-current={view === current ? 'page' : undefined}>
                {t(`riskRegister.views.${view}`)}
              </RouterLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
