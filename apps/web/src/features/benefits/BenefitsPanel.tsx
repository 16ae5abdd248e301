import { gql, type TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { BenefitStatus } from '@samarkiv/shared';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate, osloToday } from '../../lib/format.ts';
import { BENEFIT_PLAN_FRAGMENT, type BenefitPlan_benefit } from './benefitQueries.ts';
import { BenefitStatusTag } from './BenefitStatusTag.tsx';
import { formatNumber, formatShare, progressOf, statusOf } from './benefitView.ts';
import './benefits.css';

// The benefits panel of the overview: realised against planned, per benefit and per
// municipality. It owns a fragment on the root type, so the overview's one query spreads it.

export type BenefitsPanel_query = { benefits: (BenefitPlan_benefit & { purpose: { __typename: 'Purpose'; id: string; ordinal: number } })[] };

export const BENEFITS_PANEL_FRAGMENT: TypedDocumentNode<BenefitsPanel_query> = gql`
  fragment BenefitsPanel_query on Query {
    benefits {
      id
      purpose {
        id
        ordinal
      }
      ...BenefitPlan_benefit @unmask
    }
  }
  ${BENEFIT_PLAN_FRAGMENT}
`;

const ORDER: BenefitStatus[] = ['ACHIEVED', 'ON_TRACK', 'BEHIND', 'NOT_MEASURED'];

export function BenefitsPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: BENEFITS_PANEL_FRAGMENT, fragmentName: 'BenefitsPanel_query', from: 'ROOT_QUERY' });
  if (!complete) return null;
  const today = osloToday();
  const rows = data.benefits.map((benefit) => ({ benefit, status: statusOf(benefit), progress: progressOf(benefit, today) }));
  const groups = new Map<string, { name: string; counts: Record<BenefitStatus, number> }>();
  for (const row of rows) {
    const key = row.benefit.municipality?.id ?? '';
    const group = groups.get(key) ?? { name: row.benefit.municipality?.name ?? t('benefits.wholeCentre'), counts: { ACHIEVED: 0, ON_TRACK: 0, BEHIND: 0, NOT_MEASURED: 0 } };
    group.counts[row.status]++;
    groups.set(key, group);
  }
  // The whole centre first, then the municipalities in the order the benefits came (by purpose).
  const byMunicipality = [...groups.entries()].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0)).map(([, group]) => group);

  return (
    <section className="benefits-panel" aria-labelledby="benefits-panel-heading">
      <Heading level={headingLevel} data-size="sm" id="benefits-panel-heading">
        {t('benefits.panel.title')}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('benefits.panel.empty')}</Paragraph>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-labelledby="benefits-panel-caption" tabIndex={0}>
            <Table border>
              <caption id="benefits-panel-caption">{t('benefits.panel.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('benefits.fields.title')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.fields.appliesTo')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.fields.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.fields.latest')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.fields.realised')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.fields.planned')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map(({ benefit, status, progress }) => {
                  const latest = benefit.measurements.at(-1);
                  return (
                    <Table.Row key={benefit.id} data-benefit={benefit.title}>
                      <Table.HeaderCell scope="row">
                        <Link asChild>
                          <RouterLink to={`/gevinster/${benefit.id}`}>{benefit.title}</RouterLink>
                        </Link>
                      </Table.HeaderCell>
                      <Table.Cell>{benefit.municipality?.name ?? t('benefits.wholeCentre')}</Table.Cell>
                      <Table.Cell>
                        <BenefitStatusTag status={status} />
                      </Table.Cell>
                      <Table.Cell>{latest ? t('benefits.valueOn', { value: formatNumber(latest.value), unit: benefit.unit, date: formatDate(latest.measuredOn) }) : '–'}</Table.Cell>
                      <Table.Cell>
                        <ShareBar realised={progress.realised} planned={progress.planned} />
                        {progress.realised === null ? '–' : formatShare(progress.realised)}
                      </Table.Cell>
                      <Table.Cell>{formatShare(progress.planned)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <div className="table-scroll" role="region" aria-labelledby="benefits-by-municipality-caption" tabIndex={0}>
            <Table border>
              <caption id="benefits-by-municipality-caption">{t('benefits.panel.byMunicipality')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('benefits.fields.appliesTo')}</Table.HeaderCell>
                  {ORDER.map((status) => (
                    <Table.HeaderCell key={status} scope="col" className="numeric">
                      {t(`benefits.status.${status}`)}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {byMunicipality.map((group) => (
                  <Table.Row key={group.name}>
                    <Table.HeaderCell scope="row">{group.name}</Table.HeaderCell>
                    {ORDER.map((status) => (
                      <Table.Cell key={status} className="numeric">
                        {group.counts[status]}
                      </Table.Cell>
                    ))}
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

/** Realised against planned as two bars (SVG attributes, no inline style: the CSP forbids it); decoration only. */
function ShareBar({ realised, planned }: { realised: number | null; planned: number }) {
  const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100);
  return (
    <svg className="share-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="share-bar__track" x={0} y={0} width={100} height={10} />
      <rect className="share-bar__planned" x={0} y={0} width={clamp(planned)} height={4} />
      {realised !== null && <rect className="share-bar__realised" x={0} y={5} width={clamp(realised)} height={5} />}
    </svg>
  );
}
