import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { MARKING_CHOICES, MARKING_MAX_LENGTH, MARKING_PRESETS, useMarking, type MarkingChoice } from '../shared/marking.ts';
import { useRiskViewState, writeRiskViewState, type RiskViewState } from '../shared/riskUrlState.ts';
import type { RegisterOptions } from './registerUrl.ts';

export type ExportKind = 'risk-register' | 'risk-measures';
export type ExportFormat = 'csv' | 'xlsx';

/**
 * The download address of an export with the view's filters. The export endpoints take the
 * filter parameters the URL uses (omrade, kommune, status, sok), written by the one writer of
 * them; a matrix cell, a date or a sort are not filters of the export.
 */
export function exportHref(kind: ExportKind, format: ExportFormat, state: RiskViewState, marking: string | null): string {
  const filters = writeRiskViewState({ ...state, basis: 'RESIDUAL', at: null, cell: null, sort: null, compareTo: null });
  const params = new URLSearchParams({ format });
  if (marking) params.set('marking', marking);
  for (const [name, value] of filters) params.set(name, value);
  return `/exports/${kind}?${params.toString()}`;
}

/** Chooses the marking every export and printed report carries; remembered in this browser. */
export function MarkingChooser() {
  const { t } = useTranslation();
  const { setting, setSetting } = useMarking();
  const label = (choice: MarkingChoice) =>
    choice === 'none' || choice === 'other' ? t(`riskRegister.marking.${choice}`) : MARKING_PRESETS[choice];
  return (
    <div className="marking-chooser">
      <SelectField
        label={t('riskRegister.marking.label')}
        description={t('riskRegister.marking.help')}
        value={setting.choice}
        onChange={(event) => setSetting({ choice: event.target.value as MarkingChoice })}
      >
        {MARKING_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {label(choice)}
          </option>
        ))}
      </SelectField>
      {setting.choice === 'other' && (
        <TextField
          label={t('riskRegister.marking.custom')}
          description={t('riskRegister.marking.customHelp', { max: MARKING_MAX_LENGTH })}
          value={setting.custom}
          maxLength={MARKING_MAX_LENGTH}
          onChange={(event) => setSetting({ custom: event.target.value })}
        />
      )}
    </div>
  );
}

const DOWNLOADS: { kind: ExportKind; format: ExportFormat; key: 'registerCsv' | 'registerXlsx' | 'measuresCsv' | 'measuresXlsx' }[] = [
  { kind: 'risk-register', format: 'csv', key: 'registerCsv' },
  { kind: 'risk-register', format: 'xlsx', key: 'registerXlsx' },
  { kind: 'risk-measures', format: 'csv', key: 'measuresCsv' },
  { kind: 'risk-measures', format: 'xlsx', key: 'measuresXlsx' },
];

/** "Eksporter": the register and its measures as CSV and XLSX, with the filters and the marking. */
export function RegisterExports({ options }: { options: RegisterOptions }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [state] = useRiskViewState();
  const { marking } = useMarking();
  const notCarried = Boolean(state.cell) || options.reviewOverdue || options.measuresOverdue;
  return (
    <section className="register-exports" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('riskRegister.export.title')}
      </Heading>
      <MarkingChooser />
      <ul className="register-exports__links">
        {DOWNLOADS.map((download) => (
          <li key={download.key}>
            <Link href={exportHref(download.kind, download.format, state, marking)} download>
              {t(`riskRegister.export.${download.key}`)}
            </Link>
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">
        {notCarried ? t('riskRegister.export.filtersPartly') : t('riskRegister.export.filters')}
      </Paragraph>
    </section>
  );
}
