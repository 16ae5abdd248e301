import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { BenefitActions, DeleteMeasurementDialog } from './BenefitActions.tsx';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { formatDate, osloToday } from '../../lib/format.ts';
import { AddMeasurementForm } from './AddMeasurementForm.tsx';
import { BENEFIT_PAGE_QUERY, type BenefitMeasurement, type BenefitPageData } from './benefitQueries.ts';
import { BenefitStatusTag } from './BenefitStatusTag.tsx';
import { BenefitTrendChart } from './BenefitTrendChart.tsx';
import { formatNumber, formatShare, plannedAt, progressOf, statusOf } from './benefitView.ts';
import './benefits.css';

/** /gevinster/:id: a benefit, its status and trend, its measurements; coordinators add one. */
export function BenefitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(BENEFIT_PAGE_QUERY, { variables: { id } });
  if (loading) return <Page title={t('benefits.title')}><PageLoading label={t('benefits.loading')} /></Page>;
  if (error || !data) return <Page title={t('benefits.title')}><Alert data-color="danger" role="alert">{t('benefits.failed')}</Alert></Page>;
  if (!data.benefit) return <Page title={t('benefits.notFound')}><Paragraph>{t('benefits.notFoundText')}</Paragraph></Page>;
  return (
    <Page title={data.benefit.title}>
      <BenefitContent benefit={data.benefit} onReload={() => void refetch()} />
    </Page>
  );
}

function BenefitContent({ benefit, onReload }: { benefit: BenefitPageData; onReload(): void }) {
  const { t } = useTranslation();
  const { can } = useCan();
  // A courtesy: the server decides every change.
  const mayEdit = can('editBenefit', benefit.municipality ? [benefit.municipality.id] : []);
  const [deletingMeasurement, setDeletingMeasurement] = useState<BenefitMeasurement | null>(null);
  const [measurementDeleted, setMeasurementDeleted] = useState<string | null>(null);
  const trendHeading = useRef<HTMLHeadingElement>(null);
  // Runs after the dialog has closed (and tried its opener, the row now gone).
  useEffect(() => {
    if (measurementDeleted) trendHeading.current?.focus();
  }, [measurementDeleted]);
  const status = statusOf(benefit);
  const progress = progressOf(benefit, osloToday());
  const facts: [string, string][] = [
    [t('benefits.fields.purpose'), `${benefit.purpose.ordinal}. ${benefit.purpose.title}`],
    [t('benefits.fields.appliesTo'), benefit.municipality?.name ?? t('benefits.wholeCentre')],
    [t('benefits.fields.type'), t(`benefits.type.${benefit.type}`)],
    [t('benefits.fields.owner'), benefit.ownerName],
    [t('benefits.fields.indicator'), `${benefit.indicator} (${benefit.unit}), ${t(`benefits.direction.${benefit.direction}`)}`],
    [t('benefits.fields.baseline'), t('benefits.valueOn', { value: formatNumber(benefit.baselineValue), unit: benefit.unit, date: formatDate(benefit.baselineDate) })],
    [t('benefits.fields.target'), t('benefits.valueOn', { value: formatNumber(benefit.targetValue), unit: benefit.unit, date: formatDate(benefit.targetDate) })],
    [t('benefits.fields.realised'), progress.realised === null ? '–' : formatShare(progress.realised)],
    [t('benefits.fields.planned'), formatShare(progress.planned)],
  ];
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/gevinster">{t('benefits.back')}</RouterLink>
        </Link>
      </Paragraph>
      {mayEdit && <BenefitActions benefit={benefit} onReload={onReload} />}
      <p className="benefit-status" data-testid="benefit-status">
        {t('benefits.fields.status')}: <BenefitStatusTag status={status} />
      </p>
      {benefit.description && <Paragraph>{benefit.description}</Paragraph>}
      <dl className="benefit-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="benefit-trend-heading">
        <Heading level={2} data-size="xs" id="benefit-trend-heading" ref={trendHeading} tabIndex={-1}>
          {t('benefits.trendTitle')}
        </Heading>
        <div role="status">{measurementDeleted && <Paragraph>{measurementDeleted}</Paragraph>}</div>
        <BenefitTrendChart benefit={benefit} />
        {benefit.measurements.length === 0 ? (
          <Paragraph>{t('benefits.noMeasurements')}</Paragraph>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="measurements-caption" tabIndex={0}>
            <Table border>
              <caption id="measurements-caption">{t('benefits.measurements.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.date')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t('benefits.measurements.value', { unit: benefit.unit })}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t('benefits.measurements.planned', { unit: benefit.unit })}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.comment')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.recordedBy')}</Table.HeaderCell>
                  {mayEdit && <Table.HeaderCell scope="col">{t('benefits.measurements.actions')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {benefit.measurements.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.HeaderCell scope="row">{formatDate(m.measuredOn)}</Table.HeaderCell>
                    <Table.Cell className="numeric">{formatNumber(m.value)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(plannedAt(benefit, m.measuredOn))}</Table.Cell>
                    <Table.Cell>{m.comment ?? '–'}</Table.Cell>
                    <Table.Cell>{m.recordedByName ?? '–'}</Table.Cell>
                    {mayEdit && (
                      <Table.Cell>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                          aria-label={t('benefits.measurements.deleteLabel', { date: formatDate(m.measuredOn) })}
                          onClick={() => {
                            setMeasurementDeleted(null);
                            setDeletingMeasurement(m);
                          }}
                        >
                          {t('benefits.measurements.delete')}
                        </Button>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
      {mayEdit && <AddMeasurementForm benefit={benefit} />}
      {mayEdit && (
        <DeleteMeasurementDialog
          measurement={deletingMeasurement}
          onClose={() => setDeletingMeasurement(null)}
          onDeleted={(message) => {
            setDeletingMeasurement(null);
            setMeasurementDeleted(message);
          }}
        />
      )}
    </>
  );
}
