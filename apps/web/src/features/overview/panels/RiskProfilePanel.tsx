import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';
import { ChartTable } from './ChartTable.tsx';

type Counts = { low: number; medium: number; high: number };
type Month = { month: string; inherent: Counts; residual: Counts };
export type RiskProfilePanel_query = { overview: { riskProfile: Month[] } };

export const RISK_PROFILE_PANEL_FRAGMENT: TypedDocumentNode<RiskProfilePanel_query> = gql`
  fragment RiskProfilePanel_query on Query {
    overview(municipalityId: $municipalityId) {
      riskProfile {
        month
        inherent { low medium high }
        residual { low medium high }
      }
    }
  }
`;

const LEVELS = ['high', 'medium', 'low'] as const;
const LEVEL_WORD = { high: 'risk.level.HIGH', medium: 'risk.level.MEDIUM', low: 'risk.level.LOW' } as const;
const WIDTH = 560;
const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 28, left: 28 };

/** "03.2026" for a month's first day. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}.${month.slice(0, 4)}`;
}

/** Residual risks by level at each month's end, stacked (high at the bottom), with the numbers as a table. */
export function RiskProfilePanel() {
  const { t } = useTranslation();
  const data = useRootFragment(RISK_PROFILE_PANEL_FRAGMENT);
  if (!data) return null;
  const months = data.overview.riskProfile;
  const last = months.at(-1);
  const first = months[0];
  const x = scaleBand({ domain: months.map((m) => m.month), range: [MARGIN.left, WIDTH - MARGIN.right], padding: 0.2 });
  const max = Math.max(1, ...months.map((m) => m.residual.low + m.residual.medium + m.residual.high));
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - MARGIN.bottom, MARGIN.top], nice: true });
  const summary =
    first && last
      ? t('overview.profile.summary', {
          from: monthLabel(first.month),
          to: monthLabel(last.month),
          highFrom: formatCount(first.residual.high),
          highTo: formatCount(last.residual.high),
        })
      : t('overview.profile.none');
  const every = Math.max(1, Math.ceil(months.length / 8));
  return (
    <section className="overview-panel overview-panel--wide" aria-labelledby="overview-profile">
      <Heading level={2} data-size="sm" id="overview-profile">
        {t('overview.profile.title')}
      </Heading>
      <Paragraph data-size="sm">{summary}</Paragraph>
      {months.length > 0 && (
        <>
          <ul className="overview-legend" aria-hidden="true">
            {LEVELS.map((level) => (
              <li key={level}>
                <span className={`overview-swatch overview-fill--${level}`} /> {t(LEVEL_WORD[level])}
              </li>
            ))}
          </ul>
          {/* The paragraph above and the table below carry the chart's content for screen readers. */}
          <svg className="overview-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
            <Group>
              {y.ticks(4).map((tick) => (
                <g key={tick}>
                  <line className="overview-gridline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
                  <text className="overview-axis" x={MARGIN.left - 4} y={y(tick)} textAnchor="end" dominantBaseline="middle">
                    {tick}
                  </text>
                </g>
              ))}
              {months.map((m, i) => {
                let base = 0;
                return (
                  <g key={m.month}>
                    {LEVELS.map((level) => {
                      const value = m.residual[level];
                      const top = y(base + value);
                      const bar = <Bar key={level} className={`overview-fill--${level}`} x={x(m.month)} y={top} width={x.bandwidth()} height={y(base) - top} />;
                      base += value;
                      return bar;
                    })}
                    {i % every === 0 && (
                      <text className="overview-axis" x={(x(m.month) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 8} textAnchor="middle">
                        {monthLabel(m.month)}
                      </text>
                    )}
                  </g>
                );
              })}
            </Group>
          </svg>
          <ChartTable print={<PrintTable months={months.slice(-12)} />}>
            <table className="overview-table">
              <caption className="overview-caption">{t('overview.profile.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.profile.month')}</th>
                  {LEVELS.map((level) => (
                    <th key={level} scope="col">
                      {t(LEVEL_WORD[level])}
                    </th>
                  ))}
                  <th scope="col">{t('overview.profile.inherentHigh')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    {LEVELS.map((level) => (
                      <td key={level}>{formatCount(m.residual[level])}</td>
                    ))}
                    <td>{formatCount(m.inherent.high)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartTable>
        </>
      )}
    </section>
  );
}

/** Paper: the last twelve months across, one row per level, so the table takes four lines. */
function PrintTable({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  return (
    <table className="overview-table overview-table--across">
      <caption className="overview-caption">{t('overview.profile.captionPrint')}</caption>
      <thead>
        <tr>
          <td />
          {months.map((m) => (
            <th key={m.month} scope="col">
              {`${m.month.slice(5, 7)}.${m.month.slice(2, 4)}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{t(LEVEL_WORD[level])}</th>
            {months.map((m) => (
              <td key={m.month}>{formatCount(m.residual[level])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
