import { useFragment } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { rescoreRiskRules } from '@samarkiv/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField, TextAreaField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { describeApiError, fieldErrorsOf } from '../../../lib/errors.ts';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import { useReloadOnConflict, useRiskWrites } from './riskMutations.ts';
import { RISK_SCORES_FRAGMENT, type RiskRef, type RiskScores_risk } from './riskPageFragments.ts';
import { textOrNull, zodFieldErrors } from './validation.ts';

const SCALE = [1, 2, 3, 4, 5] as const;

/** Inherent and residual likelihood x consequence with their levels; editors rescore here. */
export function RiskScores({ risk, canEdit }: { risk: RiskRef; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: RISK_SCORES_FRAGMENT, fragmentName: 'RiskScores_risk', from: risk });
  const [rescoring, setRescoring] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!complete) return null;

  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('riskPage.scores.heading')}
      </Heading>
      <Table border className="risk-page__scores">
        <caption className="ds-sr-only">{t('riskPage.scores.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('riskPage.scores.basis')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.likelihood')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.consequence')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('riskPage.scores.level')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('risk.basis.INHERENT')}</Table.HeaderCell>
            <Table.Cell>{data.inherentLikelihood}</Table.Cell>
            <Table.Cell>{data.inherentConsequence}</Table.Cell>
            <Table.Cell>
              <RiskLevelBadge level={data.inherentLevel} score={data.inherentScore} />
            </Table.Cell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('risk.basis.RESIDUAL')}</Table.HeaderCell>
            {data.residualLikelihood != null && data.residualConsequence != null ? (
              <>
                <Table.Cell>{data.residualLikelihood}</Table.Cell>
                <Table.Cell>{data.residualConsequence}</Table.Cell>
                <Table.Cell>
                  <RiskLevelBadge level={data.residualLevel} score={data.residualScore} />
                </Table.Cell>
              </>
            ) : (
              <Table.Cell colSpan={3}>{t('riskPage.scores.noResidual')}</Table.Cell>
            )}
          </Table.Row>
        </Table.Body>
      </Table>
      <dl className="risk-page__facts">
        <div className="risk-page__fact">
          <dt>{t('riskPage.fields.sourceScore')}</dt>
          <dd>{data.sourceScore ?? <NoValue />}</dd>
        </div>
      </dl>
      {data.isDemoAssessment && <Paragraph data-size="sm">{t('riskPage.scores.demoNote')}</Paragraph>}
      {canEdit &&
        (rescoring ? (
          <RescoreForm
            risk={data}
            onDone={(didSave) => {
              setRescoring(false);
              setSaved(didSave);
            }}
          />
        ) : (
          <div className="form-actions">
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setRescoring(true)}>
              {t('riskPage.scores.rescore')}
            </Button>
          </div>
        ))}
      <Paragraph data-size="sm" role="status">
        {saved && !rescoring ? t('riskPage.scores.rescored') : ''}
      </Paragraph>
    </section>
  );
}

type ScoreField = 'inherentLikelihood' | 'inherentConsequence' | 'residualLikelihood' | 'residualConsequence' | 'comment';
const SCORE_FIELDS: readonly ScoreField[] = ['inherentLikelihood', 'inherentConsequence', 'residualLikelihood', 'residualConsequence', 'comment'];

function RescoreForm({ risk, onDone }: { risk: RiskScores_risk; onDone(saved: boolean): void }) {
  const { t } = useTranslation();
  const { rescoreRisk } = useRiskWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const [values, setValues] = useState<Record<ScoreField, string>>({
    inherentLikelihood: String(risk.inherentLikelihood),
    inherentConsequence: String(risk.inherentConsequence),
    residualLikelihood: risk.residualLikelihood?.toString() ?? '',
    residualConsequence: risk.residualConsequence?.toString() ?? '',
    comment: '',
  });
  const [errors, setErrors] = useState<Partial<Record<ScoreField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const score = (value: string) => (value ? Number(value) : null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rescoreRisk.loading) return;
    setProblem(null);
    const input = {
      inherentLikelihood: Number(values.inherentLikelihood),
      inherentConsequence: Number(values.inherentConsequence),
      residualLikelihood: score(values.residualLikelihood),
      residualConsequence: score(values.residualConsequence),
      comment: textOrNull(values.comment),
      version: risk.version,
    };
    const found = zodFieldErrors(rescoreRiskRules.safeParse(input), SCORE_FIELDS);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const result = await rescoreRisk.run(input);
    if (result.ok) return onDone(true);
    const atFields = fieldErrorsOf(t, result.error, SCORE_FIELDS);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  const scoreSelect = (field: Exclude<ScoreField, 'comment'>, label: string, optional: boolean) => (
    <SelectField
      id={`rescore-${field}`}
      label={label}
      value={values[field]}
      onChange={(e) => setValues((current) => ({ ...current, [field]: e.target.value }))}
      error={errors[field]}
      autoFocus={field === 'inherentLikelihood'}
    >
      {optional && <option value="">{t('riskPage.scores.notAssessed')}</option>}
      {SCALE.map((level) => (
        <option key={level} value={level}>
          {level}
        </option>
      ))}
    </SelectField>
  );

  return (
    <form ref={formRef} className="form-stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('riskPage.scores.formLabel')}>
      <FormAlert message={problem} attempt={attempt} />
      {scoreSelect('inherentLikelihood', t('riskPage.scores.inherentLikelihood'), false)}
      {scoreSelect('inherentConsequence', t('riskPage.scores.inherentConsequence'), false)}
      {scoreSelect('residualLikelihood', t('riskPage.scores.residualLikelihood'), true)}
      {scoreSelect('residualConsequence', t('riskPage.scores.residualConsequence'), true)}
      <TextAreaField
        id="rescore-comment"
        rows={2}
        label={t('riskPage.comment')}
        value={values.comment}
        onChange={(e) => setValues((current) => ({ ...current, comment: e.target.value }))}
        error={errors.comment}
      />
      <div className="form-actions">
        <Button type="submit" data-size="sm" loading={rescoreRisk.loading}>
          {t('riskPage.scores.saveRescore')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
