import { gql, type TypedDocumentNode } from '@apollo/client';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { readinessShortfallFilter, writeSeriesView, type ArchiveSeriesStatusCode, type ReadinessMeasureKeyName } from '@samarkiv/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../../../lib/format.ts';
import { useRootFragment } from '../useRootFragment.ts';

type Measure = { key: ReadinessMeasureKeyName; met: number; total: number; share: number | null };
type Row = {
  municipality: { __typename: 'Municipality'; id: string; name: string };
  seriesCount: number;
  overall: number | null;
  weakest: ReadinessMeasureKeyName | null;
  measures: Measure[];
};
export type ReadinessPanel_query = {
  overview: { asOf: string; settings: { cutOverDate: string; overlapMonths: number; overlapEndsOn: string }; readiness: Row[] };
};

export const READINESS_PANEL_FRAGMENT: TypedDocumentNode<ReadinessPanel_query> = gql`
  fragment ReadinessPanel_query on Query {
    overview(municipalityId: $municipalityId) {
      asOf
      settings { cutOverDate overlapMonths overlapEndsOn }
      readiness {
        municipality { id name }
        seriesCount
        overall
        weakest
        measures { key met total share }
      }
    }
  }
`;

export const READINESS_KEYS: ReadinessMeasureKeyName[] = ['RETENTION_DECIDED', 'RESTRICTIONS_GROUNDED', 'CLOSED_AT_CUT_OVER', 'SUCCEEDED', 'MAPPED'];

/** "80 %" (Norwegian: a space before the sign); rounded down so 99.6 % never reads as done. */
export function formatShare(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}\u00a0%`;
}

/** The statuses that count as closed today: as the API decides (Overlapping allowed within the window). */
function closedStatuses(asOf: string, overlapEndsOn: string): ArchiveSeriesStatusCode[] {
  return asOf < overlapEndsOn ? ['OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE'] : ['AVSLUTTET_PERIODE'];
}

/**
 * Readiness per municipality: one row each, a cell per measure with its percentage and a bar (the
 * bar is decoration; the text carries the value), the weakest marked in words, and each share
 * that falls short links to the series browser filtered to the series that fall short.
 */
export function ReadinessPanel() {
  const { t } = useTranslation();
  const data = useRootFragment(READINESS_PANEL_FRAGMENT);
  if (!data) return null;
  const { settings, readiness, asOf } = data.overview;
  const closed = closedStatuses(asOf, settings.overlapEndsOn);
  const link = (key: ReadinessMeasureKeyName, municipalityId: string) =>
    `/arkivserier?${writeSeriesView({ filter: readinessShortfallFilter(key, municipalityId, settings, closed), sort: null }).toString()}`;
  return (
    <section className="overview-panel overview-panel--wide" aria-labelledby="overview-readiness">
      <Heading level={2} data-size="sm" id="overview-readiness">
        {t('overview.readiness.title', { date: formatDate(settings.cutOverDate) })}
      </Heading>
      <Paragraph data-size="sm">{t('overview.readiness.lead', { date: formatDate(settings.cutOverDate), months: settings.overlapMonths, end: formatDate(settings.overlapEndsOn) })}</Paragraph>
      <div className="overview-scroll">
        <table className="overview-table overview-readiness">
          <caption className="overview-caption">{t('overview.readiness.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.readiness.municipality')}</th>
              <th scope="col">{t('overview.readiness.overall')}</th>
              {READINESS_KEYS.map((key) => (
                <th key={key} scope="col">
                  {t(`overview.readiness.measure.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {readiness.map((row) => (
              <tr key={row.municipality.id}>
                <th scope="row">
                  {row.municipality.name}
                  <span className="overview-figure__detail">{t('overview.readiness.series', { count: row.seriesCount, n: formatCount(row.seriesCount) })}</span>
                </th>
                <td>
                  <ShareBar share={row.overall} />
                </td>
                {READINESS_KEYS.map((key) => {
                  const measure = row.measures.find((m) => m.key === key);
                  const weakest = row.weakest === key;
                  return (
                    <td key={key} className={weakest ? 'overview-weakest' : undefined}>
                      <ShareBar share={measure?.share ?? null} />
                      {measure && measure.total > 0 && measure.met < measure.total ? (
                        <Link to={link(key, row.municipality.id)} className="overview-shortfall">
                          {t('overview.readiness.shortfall', { count: measure.total - measure.met, n: formatCount(measure.total - measure.met) })}
                          <span className="overview-sr-only">
                            {' '}
                            {t('overview.readiness.shortfallOf', { measure: t(`overview.readiness.measure.${key}`), municipality: row.municipality.name })}
                          </span>
                        </Link>
                      ) : null}
                      {weakest && <strong className="overview-weakest__label">{t('overview.readiness.weakest')}</strong>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="overview-alt">
        <summary>{t('overview.readiness.howTitle')}</summary>
        <ol className="overview-how">
          {READINESS_KEYS.map((key) => (
            <li key={key}>
              <strong>{t(`overview.readiness.measure.${key}`)}:</strong> {t(`overview.readiness.how.${key}`)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function ShareBar({ share }: { share: number | null }) {
  const { t } = useTranslation();
  if (share === null) return <span className="overview-share overview-share--none">{t('overview.readiness.notApplicable')}</span>;
  const percent = Math.floor(share * 100 + 1e-9);
  return (
    <span className="overview-share">
      <span className="overview-share__text">{formatShare(share)}</span>
      {/* An SVG bar: a width attribute, not a style attribute the CSP (style-src 'self') would refuse. */}
      <svg className="overview-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="overview-bar__track" width="100" height="4" />
        <rect className="overview-bar__fill" width={percent} height="4" />
      </svg>
    </span>
  );
}
