import { useMutation, useQuery } from '@apollo/client/react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField } from '../../../components/form/fields.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import { MAP_SERIES_MUTATION, UNMAPPED_SERIES_QUERY, type ComparisonColumn, type ComparisonRow } from './comparisonQuery.ts';
import { FormActions } from '../../../components/form/FormActions.tsx';

export type MapTarget = { row: ComparisonRow; column: ComparisonColumn };

type MapSeriesDialogProps = {
  target: MapTarget | null;
  onClose(): void;
  /** After the mapping is saved, with the series' name for the confirmation. */
  onMapped(seriesName: string): void;
};

/** Picks one of the municipality's unmapped series and maps it to the row's target series. */
export function MapSeriesDialog({ target, onClose, onMapped }: MapSeriesDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={target !== null} onClose={onClose} title={target ? t('seriesCompare.map.title', { target: target.row.targetSeries.title }) : ''}>
      {target && <MapSeriesForm target={target} onCancel={onClose} onMapped={onMapped} />}
    </ModalDialog>
  );
}

function MapSeriesForm({ target, onCancel, onMapped }: { target: MapTarget; onCancel(): void; onMapped(seriesName: string): void }) {
  const { t } = useTranslation();
  const municipality = target.column.municipality;
  const { data, loading, error } = useQuery(UNMAPPED_SERIES_QUERY, { variables: { municipalityId: municipality.id }, fetchPolicy: 'network-only' });
  const [mutate, { loading: saving }] = useMutation(MAP_SERIES_MUTATION);
  const [chosen, setChosen] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  if (!data) {
    if (loading) return <PageLoading label={t('seriesCompare.map.loading')} />;
    return <FormAlert message={t('seriesCompare.map.failed', { reason: describeApiError(t, apiError(error)) })} />;
  }
  const candidates = data.unmappedArchiveSeries;
  if (candidates.length === 0) return <Paragraph>{t('seriesCompare.map.none', { municipality: municipality.name })}</Paragraph>;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const series = candidates.find((c) => c.id === chosen);
    if (!series) return setFieldError(t('seriesCompare.map.choose'));
    setFieldError(undefined);
    setFormError(null);
    const result = await outcomeOf(() => mutate({ variables: { id: series.id, targetSeriesId: target.row.targetSeries.id, version: series.version } }));
    if (result.ok) return onMapped(`${series.identifier} ${series.title}`);
    setFormError(describeApiError(t, result.error));
    setAttempt((n) => n + 1);
  }

  return (
    <form className="form-stack" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} attempt={attempt} />
      <SelectField
        label={t('seriesCompare.map.series', { municipality: municipality.name })}
        description={target.column.unmappedSeriesCount > candidates.length ? t('seriesCompare.map.more', { shown: candidates.length, count: target.column.unmappedSeriesCount }) : undefined}
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        error={fieldError}
        data-autofocus
      >
        <option value="">{t('seriesPage.edit.noChoice')}</option>
        {candidates.map((series) => (
          <option key={series.id} value={series.id}>{`${series.identifier} ${series.title}`}</option>
        ))}
      </SelectField>
      <FormActions submitLabel={t('seriesCompare.map.submit')} loading={saving} onCancel={onCancel} />
    </form>
  );
}
