import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Fieldset } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../../components/form/fields.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { useSearchParams } from 'react-router';
import { CURSOR_PARAM } from '../../../components/table/useCursorPaging.ts';
import { readRiskViewState, RISK_STATUSES, useRiskViewState, writeRiskViewState, type RiskStatus, type RiskViewState } from './riskUrlState.ts';
import './risk-filter-bar.css';

type Choice = { id: string; name: string };
type RiskFilterChoicesQuery = { riskAreas: (Choice & { __typename: 'RiskArea' })[]; municipalities: (Choice & { __typename: 'Municipality' })[] };

export const RISK_FILTER_CHOICES_QUERY: TypedDocumentNode<RiskFilterChoicesQuery> = gql`
  query RiskFilterChoices {
    riskAreas {
      id
      name
    }
    municipalities {
      id
      name
    }
  }
`;

/**
 * Shows its children (a page with the filter bar at its top) once the filter's choices are in,
 * and a screen's room until then: the area and municipality lists arriving after the page was
 * drawn pushed everything below the bar down by a hundred pixels (a layout shift Lighthouse
 * counted on /risiko). The children are mounted from the start, hidden, so their own queries
 * (the matrix, the register) run alongside the choices rather than after them. A failed answer
 * lets the page through; the bar shows what it has.
 */
export function AfterRiskFilterChoices({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(RISK_FILTER_CHOICES_QUERY);
  const ready = Boolean(data || error);
  return (
    <>
      {!ready && <PageLoading label={t('risk.filter.loading')} fill />}
      <div hidden={!ready}>{children}</div>
    </>
  );
}

type FilterValues = Pick<RiskViewState, 'areaIds' | 'municipalityIds' | 'statuses' | 'search'>;

/**
 * Risk area, municipality, status and search of the risk workspace, applied on submit and kept
 * in the URL (useRiskViewState), so the matrix, the register and the report show the same risks.
 * Other parameters of the view (basis, date, cell, sort) are left as they are; a page cursor
 * (`etter`) is dropped.
 */
export function RiskFilterBar() {
  const [state] = useRiskViewState();
  const applied: FilterValues = { areaIds: state.areaIds, municipalityIds: state.municipalityIds, statuses: state.statuses, search: state.search };
  // Re-created when the applied filter changes (back/forward), so the fields show what is applied.
  return <RiskFilterForm key={JSON.stringify(applied)} initial={applied} />;
}

function toggled<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
}

function RiskFilterForm({ initial }: { initial: FilterValues }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  // Like useRiskViewState's update, but a new filter also starts a paged list (the register)
  // at its first page: the cursor of the old result means nothing in the new one.
  const update = (change: FilterValues) =>
    setParams((current) => {
      const next = writeRiskViewState({ ...readRiskViewState(current), ...change }, current);
      next.delete(CURSOR_PARAM);
      return next;
    });
  const [values, setValues] = useState(initial);
  const { data } = useQuery(RISK_FILTER_CHOICES_QUERY);
  const filtered = initial.areaIds.length + initial.municipalityIds.length + initial.statuses.length > 0 || initial.search !== '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ ...values, search: values.search.trim() });
  }

  function group<T extends string>(key: 'areaIds' | 'municipalityIds' | 'statuses', legend: string, choices: { value: T; label: string }[]) {
    const selected = values[key] as readonly string[];
    return (
      <Fieldset className="risk-filter-bar__group">
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        {choices.map((choice) => (
          <CheckboxField
            key={choice.value}
            label={choice.label}
            name={key}
            value={choice.value}
            checked={selected.includes(choice.value)}
            onChange={(event) => setValues((current) => ({ ...current, [key]: toggled(current[key] as string[], choice.value, event.target.checked) }))}
          />
        ))}
      </Fieldset>
    );
  }

  return (
    <form role="search" aria-label={t('risk.filter.label')} className="risk-filter-bar" onSubmit={submit}>
      <div className="risk-filter-bar__groups">
        {group(
          'areaIds',
          t('risk.filter.area'),
          (data?.riskAreas ?? []).map((area) => ({ value: area.id, label: area.name })),
        )}
        {group(
          'municipalityIds',
          t('risk.filter.municipality'),
          (data?.municipalities ?? []).map((municipality) => ({ value: municipality.id, label: municipality.name })),
        )}
        {group<RiskStatus>(
          'statuses',
          t('risk.filter.status'),
          RISK_STATUSES.map((status) => ({ value: status, label: t(`risk.status.${status}`) })),
        )}
      </div>
      <div className="risk-filter-bar__row">
        <TextField
          label={t('risk.filter.search')}
          description={t('risk.filter.searchHelp')}
          type="search"
          name="sok"
          value={values.search}
          onChange={(event) => setValues((current) => ({ ...current, search: event.target.value }))}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary">
            {t('risk.filter.submit')}
          </Button>
          {filtered && (
            <Button type="button" variant="tertiary" onClick={() => update({ areaIds: [], municipalityIds: [], statuses: [], search: '' })}>
              {t('risk.filter.reset')}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
