import { Button } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { RISK_STATUSES, useRiskViewState, type RiskStatus, type RiskViewState } from '../shared/riskUrlState.ts';

/**
 * INTERIM: a minimal search and status filter until the shared RiskFilterBar
 * (features/risk/shared/RiskFilterBar.tsx) is merged; the lead swaps this for it. It reads and
 * writes the view through useRiskViewState only, so the swap changes nothing else.
 */
export function InterimRiskFilters() {
  const [params] = useSearchParams();
  const [state, update] = useRiskViewState();
  // Re-created when the URL changes (back/forward), so the fields show what is applied.
  return <InterimForm key={params.toString()} initial={state} onApply={update} />;
}

function InterimForm({ initial, onApply }: { initial: RiskViewState; onApply(change: Partial<RiskViewState>): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initial.search);
  const [status, setStatus] = useState<RiskStatus | ''>(initial.statuses.length === 1 ? initial.statuses[0]! : '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ search, statuses: status ? [status] : [] });
  }

  return (
    <form role="search" aria-label={t('riskRegister.filter.label')} className="filter-form" onSubmit={submit}>
      <TextField label={t('riskRegister.filter.search')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <SelectField label={t('riskRegister.filter.status')} value={status} onChange={(event) => setStatus(event.target.value as RiskStatus | '')}>
        <option value="">{t('riskRegister.filter.allStatuses')}</option>
        {RISK_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`risk.status.${value}`)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary">
        {t('riskRegister.filter.submit')}
      </Button>
    </form>
  );
}
