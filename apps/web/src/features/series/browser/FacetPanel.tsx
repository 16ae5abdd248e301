import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { RETENTION_MISSING, type SeriesFilterInput } from '@samarkiv/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/fields.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { formatCount, formatDate } from '../../../lib/format.ts';

export type FacetValue = { __typename?: 'FacetValue'; value: string | null; label: string; count: number };
export const FACET_NAMES = [
  'municipality',
  'archiveCreator',
  'status',
  'documentMedium',
  'retentionDecision',
  'classificationType',
  'restricted',
  'restrictionBasis',
  'system',
  'targetSeries',
  'depositStatus',
  'decade',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];
type SeriesBrowserFacetsQuery = { archiveSeriesFacets: Record<FacetName, FacetValue[]> & { __typename?: 'ArchiveSeriesFacets' } };

// Each facet of FACET_NAMES spelled out: the build precompiles the text, so it cannot be made
// from the list (FacetPanel.test.ts checks that none is missing).
export const SERIES_BROWSER_FACETS_QUERY: TypedDocumentNode<SeriesBrowserFacetsQuery, { filter: SeriesFilterInput }> = gql`
  query SeriesBrowserFacets($filter: ArchiveSeriesFilter) {
    archiveSeriesFacets(filter: $filter) {
      municipality { value label count }
      archiveCreator { value label count }
      status { value label count }
      documentMedium { value label count }
      retentionDecision { value label count }
      classificationType { value label count }
      restricted { value label count }
      restrictionBasis { value label count }
      system { value label count }
      targetSeries { value label count }
      depositStatus { value label count }
      decade { value label count }
    }
  }
`;

/** The list filters of the panel: which filter field each facet sets. */
const LIST_FILTER: Partial<Record<FacetName, keyof SeriesFilterInput>> = {
  municipality: 'municipalityIds',
  archiveCreator: 'archiveCreatorIds',
  status: 'statuses',
  documentMedium: 'documentMedia',
  classificationType: 'classificationTypes',
  restrictionBasis: 'restrictionBases',
  system: 'systems',
  targetSeries: 'targetSeriesIds',
  depositStatus: 'depositStatuses',
};
/** Values listed before "show all". */
const SHORT_LIST = 8;

type FacetPanelProps = {
  filter: SeriesFilterInput;
  /** The filter the counts are for; null until the rows of the current view have arrived. */
  countFor: SeriesFilterInput | null;
  onFilter(change: Partial<SeriesFilterInput>): void;
};

/**
 * Counts per value of each filter, under all the other filters. Asked for only once the rows of
 * a view are on screen, so the rows never wait for the counts; the previous counts stay (dimmed)
 * while new ones load.
 */
export function FacetPanel({ filter, countFor, onFilter }: FacetPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, previousData, loading, error, refetch } = useQuery(SERIES_BROWSER_FACETS_QUERY, {
    variables: { filter: countFor ?? {} },
    skip: countFor === null,
  });
  const facets = (data ?? previousData)?.archiveSeriesFacets;
  const selected = (name: FacetName): string[] => {
    if (name === 'retentionDecision') return [...(filter.retentionDecisions ?? []), ...(filter.retentionDecisionMissing ? [RETENTION_MISSING] : [])];
    const key = LIST_FILTER[name];
    return key ? ((filter[key] as string[] | undefined) ?? []) : [];
  };
  const setList = (name: FacetName, next: string[]) => {
    if (name === 'retentionDecision') {
      onFilter({
        retentionDecisions: next.filter((v) => v !== RETENTION_MISSING) as SeriesFilterInput['retentionDecisions'],
        retentionDecisionMissing: next.includes(RETENTION_MISSING) || undefined,
      });
    } else {
      const key = LIST_FILTER[name];
      if (key) onFilter({ [key]: next });
    }
  };

  return (
    <section className="facet-panel" aria-labelledby={headingId} aria-busy={loading || undefined} data-facets-loaded={data ? 'true' : 'false'}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('seriesBrowser.facets.title')}
      </Heading>
      {error && !loading && (
        <div role="alert" className="facet-panel__error">
          <Paragraph data-size="sm">{t('seriesBrowser.facets.error')}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      {!facets && !error && <PageLoading label={t('seriesBrowser.facets.loading')} />}
      <PeriodFacet filter={filter} decades={facets?.decade} onFilter={onFilter} />
      {FACET_NAMES.filter((name): name is Exclude<FacetName, 'decade'> => name !== 'decade').map((name) =>
        name === 'restricted' ? (
          <RestrictedFacet key={name} value={filter.restricted} counts={facets?.restricted} onChange={(restricted) => onFilter({ restricted })} />
        ) : (
          <ListFacet
            key={name}
            name={name}
            counts={facets?.[name]}
            selected={selected(name)}
            missingSelectable={name === 'retentionDecision'}
            onChange={(next) => setList(name, next)}
          />
        ),
      )}
    </section>
  );
}

type ListFacetProps = {
  name: Exclude<FacetName, 'decade'>;
  counts: FacetValue[] | undefined;
  selected: string[];
  /** A missing value can be filtered on (retention decision: "not set"). */
  missingSelectable: boolean;
  onChange(selected: string[]): void;
};

function ListFacet({ name, counts, selected, missingSelectable, onChange }: ListFacetProps) {
  const { t } = useTranslation();
  const idBase = useId();
  const [expanded, setExpanded] = useState(false);
  if (!counts && selected.length === 0) return null;
  const keyOf = (value: string | null) => value ?? (missingSelectable ? RETENTION_MISSING : null);
  const known = (counts ?? []).map((entry) => ({ ...entry, key: keyOf(entry.value) }));
  // A chosen value the others filter away still shows, with 0, so it can be unchosen.
  for (const value of selected) {
    if (!known.some((entry) => entry.key === value)) known.push({ value, key: value, label: value === RETENTION_MISSING ? t('seriesBrowser.notSet') : value, count: 0 });
  }
  if (known.length === 0) return null;
  const shown = expanded ? known : known.filter((entry, i) => i < SHORT_LIST || (entry.key !== null && selected.includes(entry.key)));
  const toggle = (key: string, on: boolean) => onChange(on ? [...selected, key] : selected.filter((v) => v !== key));
  return (
    <fieldset className="facet" data-facet={name}>
      <legend>{t(`seriesBrowser.facets.${name}`)}</legend>
      <ul>
        {shown.map((entry, i) => (
          <li key={entry.key ?? `missing-${i}`}>
            {entry.key === null ? (
              // Missing values are counted but cannot be filtered on (the API has no such filter).
              <span className="facet__missing">
                {entry.label} <span className="facet__count">({formatCount(entry.count)})</span>
              </span>
            ) : (
              <div className="ds-field" data-position="start">
                <Input
                  type="checkbox"
                  id={`${idBase}-${i}`}
                  checked={selected.includes(entry.key)}
                  onChange={(event) => toggle(entry.key!, event.target.checked)}
                />
                <Label htmlFor={`${idBase}-${i}`}>
                  {entry.label} <span className="facet__count">({formatCount(entry.count)})</span>
                </Label>
              </div>
            )}
          </li>
        ))}
      </ul>
      {known.length > SHORT_LIST && (
        <Button type="button" variant="tertiary" data-size="sm" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('seriesBrowser.facets.showFewer') : t('seriesBrowser.facets.showAll', { count: known.length })}
        </Button>
      )}
    </fieldset>
  );
}

function RestrictedFacet({ value, counts, onChange }: { value: boolean | undefined; counts: FacetValue[] | undefined; onChange(value: boolean | undefined): void }) {
  const { t } = useTranslation();
  const name = useId();
  if (!counts) return null;
  const count = (key: string) => counts.find((entry) => entry.value === key)?.count ?? 0;
  const options: { key: string; checked: boolean; label: string; set: boolean | undefined }[] = [
    { key: 'all', checked: value === undefined, label: t('seriesBrowser.facets.restrictedAll'), set: undefined },
    { key: 'true', checked: value === true, label: `${t('seriesBrowser.facets.restrictedYes')} (${formatCount(count('true'))})`, set: true },
    { key: 'false', checked: value === false, label: `${t('seriesBrowser.facets.restrictedNo')} (${formatCount(count('false'))})`, set: false },
  ];
  return (
    <fieldset className="facet" data-facet="restricted">
      <legend>{t('seriesBrowser.facets.restricted')}</legend>
      <ul>
        {options.map((option) => (
          <li key={option.key}>
            <div className="ds-field" data-position="start">
              <Input type="radio" id={`${name}-${option.key}`} name={name} checked={option.checked} onChange={() => onChange(option.set)} />
              <Label htmlFor={`${name}-${option.key}`}>{option.label}</Label>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

type PeriodFacetProps = { filter: SeriesFilterInput; decades: FacetValue[] | undefined; onFilter(change: Partial<SeriesFilterInput>): void };

/** The period as a from-to range of years (series whose period overlaps it), with counts by decade. */
function PeriodFacet({ filter, decades, onFilter }: PeriodFacetProps) {
  const { t } = useTranslation();
  const first = decades?.length ? Number(decades[0]!.value) : null;
  const years = first === null ? [] : Array.from({ length: new Date().getFullYear() - first + 1 }, (_, i) => first + i);
  return (
    <fieldset className="facet facet--period" data-facet="decade">
      <legend>{t('seriesBrowser.facets.period')}</legend>
      <div className="facet__dates">
        <YearSelect
          label={t('seriesBrowser.facets.periodFrom')}
          value={filter.periodFrom}
          options={years.map((year) => `${year}-01-01`)}
          onChange={(periodFrom) => onFilter({ periodFrom })}
        />
        <YearSelect
          label={t('seriesBrowser.facets.periodTo')}
          value={filter.periodTo}
          options={years.map((year) => `${year}-12-31`)}
          onChange={(periodTo) => onFilter({ periodTo })}
        />
      </div>
      {decades && decades.length > 0 && (
        <ul className="facet__decades" aria-label={t('seriesBrowser.facets.decades')}>
          {decades.map((entry) => {
            const from = `${entry.value}-01-01`;
            const to = `${Number(entry.value) + 9}-12-31`;
            const pressed = filter.periodFrom === from && filter.periodTo === to;
            return (
              <li key={entry.value}>
                <Button
                  type="button"
                  variant={pressed ? 'primary' : 'secondary'}
                  data-size="sm"
                  aria-pressed={pressed}
                  onClick={() => onFilter(pressed ? { periodFrom: undefined, periodTo: undefined } : { periodFrom: from, periodTo: to })}
                >
                  {entry.label} <span className="facet__count">({formatCount(entry.count)})</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

type YearSelectProps = { label: string; value: string | undefined; options: string[]; onChange(value: string | undefined): void };

/** A year as the period's bound; a date from a bookmarked link that is not a year's bound shows as itself. */
function YearSelect({ label, value, options, onChange }: YearSelectProps) {
  const { t } = useTranslation();
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <SelectField label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{t('seriesBrowser.facets.anyYear')}</option>
      {all.map((date) => (
        <option key={date} value={date}>
          {date.endsWith('-01-01') || date.endsWith('-12-31') ? date.slice(0, 4) : formatDate(date)}
        </option>
      ))}
    </SelectField>
  );
}
