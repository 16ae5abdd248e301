import { useFragment } from '@apollo/client/react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField, TextAreaField } from '../../../components/form/fields.tsx';
import { useFocusFirstInvalid } from '../../../components/form/useFocusFirstInvalid.ts';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { describeApiError, fieldErrorsOf } from '../../../lib/errors.ts';
import { useReloadOnConflict, useRiskWrites } from './riskMutations.ts';
import { CONSEQUENCE_SCORES_FRAGMENT, type ConsequenceScores_risk, type RiskPageChoices, type RiskRef } from './riskPageFragments.ts';
import { textOrNull } from './validation.ts';

type Dimension = RiskPageChoices['consequenceDimensions'][number];
type ConsequenceScoresProps = { risk: RiskRef; canEdit: boolean; dimensions: Dimension[] };

/**
 * The inherent consequence scored per dimension (service delivery, legal compliance, ...). The
 * overall consequence is the highest dimension unless the coordinator sets it with a reason.
 */
export function ConsequenceScores({ risk, canEdit, dimensions }: ConsequenceScoresProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: CONSEQUENCE_SCORES_FRAGMENT, fragmentName: 'ConsequenceScores_risk', from: risk });
  if (!complete) return null;
  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('riskPage.dimensions.heading')}
      </Heading>
      {canEdit ? <ConsequenceScoresForm risk={data} dimensions={dimensions} /> : <ConsequenceScoresView risk={data} dimensions={dimensions} />}
    </section>
  );
}

function scoreOf(risk: ConsequenceScores_risk, dimensionId: string): number | null {
  return risk.consequenceScores.find((score) => score.dimension.id === dimensionId)?.consequence ?? null;
}

function ConsequenceScoresView({ risk, dimensions }: { risk: ConsequenceScores_risk; dimensions: Dimension[] }) {
  const { t } = useTranslation();
  if (risk.consequenceScores.length === 0) return <Paragraph>{t('riskPage.dimensions.notScored', { consequence: risk.inherentConsequence })}</Paragraph>;
  return (
    <>
      <Table border>
        <caption>{t('riskPage.dimensions.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('riskPage.dimensions.dimension')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.consequence')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {dimensions.map((dimension) => (
            <Table.Row key={dimension.id}>
              <Table.HeaderCell scope="row">{dimension.name}</Table.HeaderCell>
              <Table.Cell>{scoreOf(risk, dimension.id) ?? <NoValue />}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Paragraph>{t('riskPage.dimensions.overall', { consequence: risk.inherentConsequence })}</Paragraph>
      {risk.consequenceReason && <Paragraph>{t('riskPage.dimensions.reasonShown', { reason: risk.consequenceReason })}</Paragraph>}
    </>
  );
}

type FormField = 'overallConsequence' | 'consequenceReason' | 'comment';

function ConsequenceScoresForm({ risk, dimensions }: { risk: ConsequenceScores_risk; dimensions: Dimension[] }) {
  const { t } = useTranslation();
  const { setConsequenceScores } = useRiskWrites(risk.id);
  const reloadOnConflict = useReloadOnConflict();
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(dimensions.map((dimension) => [dimension.id, scoreOf(risk, dimension.id)?.toString() ?? ''])),
  );
  const highest = Math.max(0, ...Object.values(scores).map(Number));
  // An overall value differing from the highest was set on purpose (it carries a reason).
  const [overall, setOverall] = useState(() => (risk.consequenceReason ? String(risk.inherentConsequence) : ''));
  const [reason, setReason] = useState(risk.consequenceReason ?? '');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (setConsequenceScores.loading) return;
    setProblem(null);
    setSaved(false);
    const overallConsequence = overall ? Number(overall) : null;
    const found: Partial<Record<FormField, string>> = {};
    if (overallConsequence !== null && overallConsequence !== highest && !reason.trim()) found.consequenceReason = t('riskPage.dimensions.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid();
    const result = await setConsequenceScores.run({
      scores: Object.entries(scores)
        .filter(([, value]) => value !== '')
        .map(([dimensionId, value]) => ({ dimensionId, consequence: Number(value) })),
      overallConsequence,
      consequenceReason: overallConsequence !== null ? textOrNull(reason) : null,
      comment: textOrNull(comment),
      version: risk.version,
    });
    if (result.ok) {
      setComment('');
      return setSaved(true);
    }
    const atFields =
      result.error.serverCode === 'REASON_REQUIRED'
        ? { consequenceReason: t('riskPage.dimensions.reasonRequired') }
        : fieldErrorsOf(t, result.error, ['overallConsequence', 'consequenceReason', 'comment'] as const);
    if (Object.keys(atFields).length > 0) {
      setErrors(atFields);
      return focusFirstInvalid();
    }
    setProblem((await reloadOnConflict(result.error)) ? t('riskPage.conflictReloaded') : describeApiError(t, result.error));
    setAttempt((value) => value + 1);
  }

  return (
    <form ref={formRef} className="risk-page__dimensions" noValidate onSubmit={(event) => void submit(event)} aria-label={t('riskPage.dimensions.formLabel')}>
      <FormAlert message={problem} attempt={attempt} />
      <Table border>
        <caption>{t('riskPage.dimensions.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('riskPage.dimensions.dimension')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.consequence')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {dimensions.map((dimension) => (
            <Table.Row key={dimension.id}>
              <Table.HeaderCell scope="row" id={`dimension-${dimension.id}`}>
                {dimension.name}
              </Table.HeaderCell>
              <Table.Cell>
                <select
                  className="ds-input"
                  aria-labelledby={`dimension-${dimension.id}`}
                  value={scores[dimension.id] ?? ''}
                  onChange={(e) => setScores((current) => ({ ...current, [dimension.id]: e.target.value }))}
                >
                  <option value="">{t('riskPage.scores.notAssessed')}</option>
                  {[1, 2, 3, 4, 5].map((level) => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </select>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="form-stack">
        <Paragraph>{highest > 0 ? t('riskPage.dimensions.highest', { consequence: highest }) : t('riskPage.dimensions.noneScored')}</Paragraph>
        <SelectField
          id="dimensions-overall"
          label={t('riskPage.dimensions.overallLabel')}
          description={t('riskPage.dimensions.overallHelp')}
          value={overall}
          onChange={(e) => setOverall(e.target.value)}
          error={errors.overallConsequence}
        >
          <option value="">{t('riskPage.dimensions.useHighest')}</option>
          {[1, 2, 3, 4, 5].map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </SelectField>
        {overall !== '' && (
          <TextAreaField id="dimensions-reason" rows={2} label={t('riskPage.dimensions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.consequenceReason} />
        )}
        <TextAreaField id="dimensions-comment" rows={2} label={t('riskPage.comment')} value={comment} onChange={(e) => setComment(e.target.value)} error={errors.comment} />
        <div className="form-actions">
          <Button type="submit" data-size="sm" loading={setConsequenceScores.loading}>
            {t('riskPage.dimensions.save')}
          </Button>
          <Paragraph data-size="sm" role="status">
            {saved ? t('riskPage.saved') : ''}
          </Paragraph>
        </div>
      </div>
    </form>
  );
}
