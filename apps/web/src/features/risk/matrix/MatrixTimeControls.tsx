import { useQuery } from '@apollo/client/react';
import { Button } from '@digdir/designsystemet-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { MatrixPoint } from '../shared/riskUrlState.ts';
import { RISK_BASELINES_QUERY, type RiskBaselineData } from './matrixQuery.ts';

type MatrixPointPickerProps = {
  /** Field names and labels differ between the matrix page and the two sides of a comparison. */
  idPrefix: string;
  legend: string;
  point: MatrixPoint | null;
  onChange(point: MatrixPoint | null): void;
  /** The words for "no point" (now). */
  nowLabel: string;
  submitLabel: string;
  /** Open from the start (when the page needs a point to show anything). */
  defaultOpen?: boolean;
};

export function useRiskBaselines(): RiskBaselineData[] {
  const { data } = useQuery(RISK_BASELINES_QUERY);
  return data?.riskBaselines ?? [];
}

export function baselineOption(t: TFunction, baseline: RiskBaselineData): string {
  return t('riskMatrix.time.baselineOption', { name: baseline.name, date: formatDate(baseline.takenAt) });
}

/** A point in words: "nå", "31.05.2024" or "ROS mai 2024 (31.05.2024)" (the id while baselines load). */
export function usePointName(): (point: MatrixPoint | null) => string {
  const { t } = useTranslation();
  const baselines = useRiskBaselines();
  return useCallback(
    (point: MatrixPoint | null) => {
      if (!point) return t('riskMatrix.time.nowShort');
      if (point.kind === 'date') return formatDate(point.date);
      const baseline = baselines.find((item) => item.id === point.id);
      return baseline ? baselineOption(t, baseline) : point.id;
    },
    [baselines, t],
  );
}

/**
 * A point in time for the matrix: a date or a frozen baseline (a baseline wins when both are
 * given, as in the URL), applied on submit; "now" clears it.
 */
export function MatrixPointPicker(props: MatrixPointPickerProps) {
  // Re-created when the applied point changes (back/forward), so the fields show what is applied.
  const key = props.point ? (props.point.kind === 'date' ? props.point.date : `b${props.point.id}`) : 'now';
  return <MatrixPointForm key={key} {...props} />;
}

/**
 * Behind a disclosure whose summary names the point shown, so the page leads with the matrix and
 * a reader who only looks sees no fields.
 */
function MatrixPointForm({ idPrefix, legend, point, onChange, nowLabel, submitLabel, defaultOpen = false }: MatrixPointPickerProps) {
  const { t } = useTranslation();
  const baselines = useRiskBaselines();
  const [date, setDate] = useState(point?.kind === 'date' ? point.date : '');
  const [baselineId, setBaselineId] = useState(point?.kind === 'baseline' ? point.id : '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange(baselineId ? { kind: 'baseline', id: baselineId } : date ? { kind: 'date', date } : null);
  }

  const shown = usePointName()(point);
  return (
    <details className="risk-time" open={defaultOpen || undefined}>
      <summary>{t('riskMatrix.time.summary', { legend, point: shown })}</summary>
      <form className="risk-time__form" aria-label={legend} onSubmit={submit}>
        <TextField id={`${idPrefix}-date`} label={t('riskMatrix.time.date')} type="date" name="dato" value={date} onChange={(event) => setDate(event.target.value)} />
        <SelectField id={`${idPrefix}-baseline`} label={t('riskMatrix.time.baseline')} name="baseline" value={baselineId} onChange={(event) => setBaselineId(event.target.value)}>
          <option value="">{t('riskMatrix.time.noBaseline')}</option>
          {baselineId && !baselines.some((baseline) => baseline.id === baselineId) && <option value={baselineId}>{baselineId}</option>}
          {baselines.map((baseline) => (
            <option key={baseline.id} value={baseline.id}>
              {baselineOption(t, baseline)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <Button type="submit" variant="secondary">
            {submitLabel}
          </Button>
          {point && (
            <Button type="button" variant="tertiary" onClick={() => onChange(null)}>
              {nowLabel}
            </Button>
          )}
        </div>
      </form>
    </details>
  );
}
