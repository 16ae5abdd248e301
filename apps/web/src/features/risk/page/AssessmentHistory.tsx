import { useFragment } from '@apollo/client/react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, osloToday } from '../../../lib/format.ts';
import type { RiskLevel } from '../shared/riskUrlState.ts';
import { ASSESSMENT_HISTORY_FRAGMENT, type CriteriaVersion, type RiskAssessment, type RiskRef } from './riskPageFragments.ts';

type LevelOf = (likelihood: number, consequence: number) => RiskLevel | null;

/** The level of a cell under the criteria in force today (the history is read with today's eyes). */
function levelLookup(versions: CriteriaVersion[]): LevelOf {
  const today = osloToday();
  const inForce = versions.filter((version) => version.validFrom.slice(0, 10) <= today).at(-1);
  const cells = new Map(inForce?.cells.map((cell) => [`${cell.likelihood}:${cell.consequence}`, cell.level]));
  return (likelihood, consequence) => cells.get(`${likelihood}:${consequence}`) ?? null;
}

/** "08.05.2024 kl. 14:30" (Oslo time). */
function when(t: TFunction, iso: string): string {
  const [date, time] = formatDateTime(iso).split(' ');
  return t('riskPage.history.when', { date, time });
}

function position(t: TFunction, levelOf: LevelOf, likelihood: number | null, consequence: number | null): string {
  if (likelihood == null || consequence == null) return t('riskPage.history.notAssessed');
  const level = levelOf(likelihood, consequence);
  return t('riskPage.history.position', {
    likelihood,
    consequence,
    score: likelihood * consequence,
    level: level ? t(`risk.level.${level}`) : t('risk.level.none'),
  });
}

type AssessmentHistoryProps = { risk: RiskRef; criteriaVersions: CriteriaVersion[] };

/** Every (re)assessment: a small chart of the scores over time, the same as a table, and a list. */
export function AssessmentHistory({ risk, criteriaVersions }: AssessmentHistoryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, complete } = useFragment({ fragment: ASSESSMENT_HISTORY_FRAGMENT, fragmentName: 'AssessmentHistory_risk', from: risk });
  const levelOf = useMemo(() => levelLookup(criteriaVersions), [criteriaVersions]);
  if (!complete) return null;
  // The API sends newest first; the chart and the table read left to right, oldest first.
  const oldestFirst = [...data.assessments].reverse();

  return (
    <section aria-labelledby={headingId} className="risk-page__section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('riskPage.history.heading')}
      </Heading>
      {data.assessments.length === 0 ? (
        <Paragraph>{t('riskPage.history.none')}</Paragraph>
      ) : (
        <>
          <ScoreChart assessments={oldestFirst} />
          <ScoreTable assessments={oldestFirst} levelOf={levelOf} />
          <AssessmentList assessments={data.assessments} levelOf={levelOf} />
        </>
      )}
    </section>
  );
}

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
const MAX_SCORE = 25;

/**
 * Score (likelihood x consequence) over time, inherent as a solid line with round points and
 * residual as a dashed line with square points, so the two differ in more than colour. The
 * table after it carries the same numbers for screen readers and for reading exact values.
 */
function ScoreChart({ assessments }: { assessments: RiskAssessment[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const times = assessments.map((assessment) => Date.parse(assessment.assessedAt));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const x = (index: number) =>
    PAD.left + (span > 0 ? ((times[index]! - first) / span) * (WIDTH - PAD.left - PAD.right) : (WIDTH - PAD.left - PAD.right) / 2);
  const y = (score: number) => PAD.top + (1 - score / MAX_SCORE) * (HEIGHT - PAD.top - PAD.bottom);
  const inherent = assessments.map((a, i) => ({ x: x(i), y: y(a.inherentLikelihood * a.inherentConsequence) }));
  const residual = assessments.flatMap((a, i) =>
    a.residualLikelihood != null && a.residualConsequence != null ? [{ x: x(i), y: y(a.residualLikelihood * a.residualConsequence) }] : [],
  );
  const points = (list: { x: number; y: number }[]) => list.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const firstDate = formatDateTime(assessments[0]!.assessedAt).split(' ')[0];
  const lastDate = formatDateTime(assessments.at(-1)!.assessedAt).split(' ')[0];

  return (
    <figure className="risk-page__chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="risk-page__chart-svg">
        <title id={titleId}>{t('riskPage.history.chartTitle', { count: assessments.length, from: firstDate, to: lastDate })}</title>
        {[0, 5, 10, 15, 20, 25].map((score) => (
          <g key={score} aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(score)} y2={y(score)} className="risk-page__chart-grid" />
            <text x={PAD.left - 6} y={y(score) + 4} textAnchor="end" className="risk-page__chart-label">
              {score}
            </text>
          </g>
        ))}
        <g aria-hidden="true">
          <text x={PAD.left} y={HEIGHT - 8} className="risk-page__chart-label">
            {firstDate}
          </text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="risk-page__chart-label">
            {lastDate}
          </text>
          <polyline points={points(inherent)} className="risk-page__chart-line risk-page__chart-line--inherent" />
          {inherent.map((p, i) => (
            <circle key={i} cx={p.x} cy={p.y} r={4} className="risk-page__chart-point risk-page__chart-point--inherent" />
          ))}
          {residual.length > 0 && <polyline points={points(residual)} className="risk-page__chart-line risk-page__chart-line--residual" />}
          {residual.map((p, i) => (
            <rect key={i} x={p.x - 4} y={p.y - 4} width={8} height={8} className="risk-page__chart-point risk-page__chart-point--residual" />
          ))}
        </g>
      </svg>
      <figcaption className="risk-page__chart-legend">
        <span className="risk-page__legend-item risk-page__legend-item--inherent">{t('riskPage.history.legendInherent')}</span>
        <span className="risk-page__legend-item risk-page__legend-item--residual">{t('riskPage.history.legendResidual')}</span>
      </figcaption>
    </figure>
  );
}

function ScoreTable({ assessments, levelOf }: { assessments: RiskAssessment[]; levelOf: LevelOf }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table border zebra data-size="sm">
        <caption>{t('riskPage.history.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('riskPage.history.time')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.basis.INHERENT')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.basis.RESIDUAL')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {assessments.map((a) => (
            <Table.Row key={a.id}>
              <Table.HeaderCell scope="row">{when(t, a.assessedAt)}</Table.HeaderCell>
              <Table.Cell>{position(t, levelOf, a.inherentLikelihood, a.inherentConsequence)}</Table.Cell>
              <Table.Cell>{position(t, levelOf, a.residualLikelihood, a.residualConsequence)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function movement(t: TFunction, basis: string, from: string, to: string): string {
  return from === to ? t('riskPage.history.unchanged', { basis, at: to }) : t('riskPage.history.moved', { basis, from, to });
}

/** Newest first: who, when, from where to where (against the assessment before it), comment. */
function AssessmentList({ assessments, levelOf }: { assessments: RiskAssessment[]; levelOf: LevelOf }) {
  const { t } = useTranslation();
  return (
    <ol className="risk-page__assessments" aria-label={t('riskPage.history.listLabel')}>
      {assessments.map((a, index) => {
        const before = assessments[index + 1];
        const inherentNow = position(t, levelOf, a.inherentLikelihood, a.inherentConsequence);
        const residualNow = position(t, levelOf, a.residualLikelihood, a.residualConsequence);
        return (
          <li key={a.id} className="risk-page__assessment">
            <Paragraph className="risk-page__assessment-head">
              <time dateTime={a.assessedAt}>{when(t, a.assessedAt)}</time>
              {' · '}
              {a.assessedBy?.displayName ?? t('riskPage.history.unknownAssessor')}
              {a.isDemoAssessment ? ` · ${t('riskPage.history.demo')}` : ''}
            </Paragraph>
            <ul>
              {before ? (
                <>
                  <li>{movement(t, t('risk.basis.INHERENT'), position(t, levelOf, before.inherentLikelihood, before.inherentConsequence), inherentNow)}</li>
                  <li>{movement(t, t('risk.basis.RESIDUAL'), position(t, levelOf, before.residualLikelihood, before.residualConsequence), residualNow)}</li>
                  {before.status !== a.status && (
                    <li>{t('riskPage.history.statusMoved', { from: t(`risk.status.${before.status}`), to: t(`risk.status.${a.status}`) })}</li>
                  )}
                </>
              ) : (
                <>
                  <li>{t('riskPage.history.firstAt', { basis: t('risk.basis.INHERENT'), at: inherentNow })}</li>
                  <li>{t('riskPage.history.firstAt', { basis: t('risk.basis.RESIDUAL'), at: residualNow })}</li>
                </>
              )}
              {a.comment && <li className="risk-page__text">{t('riskPage.history.comment', { comment: a.comment })}</li>}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
