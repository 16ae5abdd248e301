import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { outcomeOf } from '../../lib/mutationOutcome.ts';
import { forgetBenefitSummaries } from './benefitCache.ts';
import { DELETE_BENEFIT, DELETE_BENEFIT_MEASUREMENT, type BenefitMeasurement, type BenefitPageData } from './benefitQueries.ts';
import { formatNumber } from './benefitView.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { EditBenefitDialog } from './EditBenefitDialog.tsx';

/** What /gevinster says after a benefit was deleted (router state: only that navigation carries it). */
export type BenefitsPageState = { deleted?: string };

/** "Endre" and "Slett gevinst" on a benefit's page, for those who may change it. */
export function BenefitActions({ benefit, onReload }: { benefit: BenefitPageData; onReload(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [remove] = useMutation(DELETE_BENEFIT);

  async function deleteBenefit() {
    const result = await outcomeOf(() => remove({ variables: { id: benefit.id } }));
    if (result.ok) {
      const state: BenefitsPageState = { deleted: t('benefits.delete.done', { title: benefit.title }) };
      await navigate('/gevinster', { state });
      // After leaving: evicted while shown, the page would fetch the benefit again.
      client.cache.evict({ id: client.cache.identify(benefit) });
      forgetBenefitSummaries(client.cache);
    }
    return result;
  }

  return (
    <>
      <div className="benefit-actions">
        <Button type="button" variant="secondary" data-size="sm" onClick={() => { setSaved(null); setEditing(true); }}>
          {t('benefits.edit.open')}
        </Button>
        <Button type="button" variant="secondary" data-color="danger" data-size="sm" onClick={() => { setSaved(null); setDeleting(true); }}>
          {t('benefits.delete.open')}
        </Button>
      </div>
      <div role="status">{saved && <Paragraph>{saved}</Paragraph>}</div>
      <EditBenefitDialog
        benefit={benefit}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          forgetBenefitSummaries(client.cache);
          setSaved(t('benefits.edit.done'));
        }}
        onReload={() => {
          setEditing(false);
          onReload();
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t('benefits.delete.title')}
        question={t('benefits.delete.question', { title: benefit.title, count: benefit.measurements.length })}
        confirmLabel={t('benefits.delete.confirm')}
        onConfirm={deleteBenefit}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

/**
 * Asks before deleting a measurement; the answer is the benefit, so status and trend follow. It
 * lives on the page, not in the row: the row (the dialog's opener) goes with the measurement, so
 * the page moves focus to the trend's heading and says what happened.
 */
export function DeleteMeasurementDialog({ measurement, onClose, onDeleted }: { measurement: BenefitMeasurement | null; onClose(): void; onDeleted(message: string): void }) {
  const { t } = useTranslation();
  const [remove] = useMutation(DELETE_BENEFIT_MEASUREMENT);
  const date = measurement ? formatDate(measurement.measuredOn) : '';

  async function deleteMeasurement() {
    if (!measurement) return { ok: false as const, error: { code: 'UNKNOWN' as const }, errors: [] };
    const result = await outcomeOf(() => remove({ variables: { id: measurement.id } }));
    if (result.ok) onDeleted(t('benefits.measurements.deleted', { date }));
    return result;
  }

  return (
    <ConfirmDialog
      open={measurement !== null}
      title={t('benefits.measurements.deleteTitle')}
      question={t('benefits.measurements.deleteQuestion', { date, value: measurement ? formatNumber(measurement.value) : '' })}
      confirmLabel={t('benefits.measurements.deleteConfirm')}
      onConfirm={deleteMeasurement}
      onClose={onClose}
    />
  );
}
