import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './benefitView.ts';
import './benefits.css';

// The operating figures of the last twelve months as trends, for the overview. It owns a
// fragment on the root type; the small charts are decoration beside the table that says it all.

export type TrendMonth = {
  __typename: 'OperatingFigureMonth';
  month: string;
  incomingPost: number | null;
  journalEntries: number | null;
  medianRegistrationDays: number | null;
  overdueItems: number | null;
  digitalOutgoingPercent: number | null;
  municipalitiesReporting: number;
};

export type OperatingFiguresPanel_query = { operatingFigureTrend: TrendMonth[] };

export const OPERATING_FIGURES_PANEL_FRAGMENT: TypedDocumentNode<OperatingFiguresPanel_query> = gql`
  fragment OperatingFiguresPanel_query on Query {
    operatingFigureTrend(months: 12) {
      month
      incomingPost
      journalEntries
      medianRegistrationDays
      overdueItems
      digitalOutgoingPercent
      municipalitiesReporting
    }
  }
`;

export const FIGURES = ['incomingPost', 'journalEntries', 'medianRegistrationDays', 'overdueItems', 'digitalOutgoingPercent'] as const;
export type FigureKey = (typeof FIGURES)[number];

/** "2026-03" as "03.2026", as the grid and exports write a month. */
export const formatMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

export function OperatingFiguresPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: OPERATING_FIGURES_PANEL_FRAGMENT, from: 'ROOT_QUERY' });
  if (!complete) return null;
  const months = data.operatingFigureTrend;
  const reported = months.filter((m) => m.municipalitiesReporting > 0);
  return (
    <section className="figures-panel" aria-labelledby="figures-panel-heading">
      <Heading level={headingLevel} data-size="sm" id="figures-panel-heading">
        {t('benefits.figures.panelTitle')}
      </Heading>
      {reported.length === 0 ? (
        <Paragraph>{t('benefits.figures.noData')}</Paragraph>
      ) : (
        <>
          <ul className="figure-sparklines">
            {FIGURES.map((figure) => {
              const last = [...reported].reverse().find((m) => m[figure] !== null);
              return (
                <li key={figure}>
                  <span className="figure-sparklines__label">{t(`benefits.figures.fields.${figure}`)}</span>
                  <Sparkline values={months.map((m) => m[figure])} />
                  <span className="figure-sparklines__value">
                    {last ? t('benefits.figures.latest', { value: formatNumber(last[figure]!), month: formatMonth(last.month) }) : '–'}
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="table-scroll" role="region" aria-labelledby="figures-panel-caption" tabIndex={0}>
            <Table border data-size="sm">
              <caption id="figures-panel-caption">{t('benefits.figures.trendCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('benefits.figures.month')}</Table.HeaderCell>
                  {FIGURES.map((figure) => (
                    <Table.HeaderCell key={figure} scope="col" className="numeric">
                      {t(`benefits.figures.fields.${figure}`)}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col" className="numeric">{t('benefits.figures.reporting')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {months.map((m) => (
                  <Table.Row key={m.month}>
                    <Table.HeaderCell scope="row">{formatMonth(m.month)}</Table.HeaderCell>
                    {FIGURES.map((figure) => (
                      <Table.Cell key={figure} className="numeric">
                        {m[figure] === null ? '–' : formatNumber(m[figure]!)}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="numeric">{m.municipalitiesReporting}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** A line over the months; gaps where a month has no figure. */
function Sparkline({ values }: { values: (number | null)[] }) {
  const present = values.filter((v): v is number => v !== null);
  const [min, max] = [Math.min(...present), Math.max(...present)];
  const x = (i: number) => (i / Math.max(1, values.length - 1)) * 100;
  const y = (v: number) => 28 - ((v - min) / (max - min || 1)) * 24;
  const segments: string[][] = [[]];
  values.forEach((v, i) => (v === null ? segments.push([]) : segments.at(-1)!.push(`${x(i)},${y(v)}`)));
  return (
    <svg className="sparkline" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {segments.filter((s) => s.length > 1).map((s, i) => (
        <polyline key={i} points={s.join(' ')} />
      ))}
    </svg>
  );
}
