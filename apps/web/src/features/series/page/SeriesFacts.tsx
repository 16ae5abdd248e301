import { Heading, Link } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatCount, formatDate, formatDateTime } from '../../../lib/format.ts';
import { DEPOSIT_WORDS, MEDIUM_WORDS, periodText, RETENTION_WORDS, STATUS_WORDS } from './codes.ts';
import { Fact } from './FactList.tsx';
import type { FieldLabel } from './seriesFields.ts';
import { SeriesChain } from './SeriesChain.tsx';
import { SeriesLink } from './SeriesLink.tsx';
import type { SeriesPage_series } from './seriesPageQuery.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="series-section">
      <Heading level={2} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <dl className="series-facts">{children}</dl>
    </section>
  );
}

const shelfMetres = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** Every Noark 5 field of the series, grouped as an archivist reads an arkivdel. */
export function SeriesFacts({ series }: { series: SeriesPage_series }) {
  const { t } = useTranslation();
  const f = (name: FieldLabel) => t(`seriesPage.fields.${name}`);
  const count = (value: number | null) => (value === null ? null : formatCount(value));
  return (
    <div className="series-sections">
      <Section title={t('seriesPage.sections.description')}>
        <Fact name="identifier" label={f('identifier')}>{series.identifier}</Fact>
        <Fact name="title" label={f('title')}>{series.title}</Fact>
        <Fact name="description" label={f('description')}>{series.description}</Fact>
        <Fact name="systemId" label={f('systemId')}>{series.systemId && <code>{series.systemId}</code>}</Fact>
        <Fact name="status" label={f('status')}>{STATUS_WORDS[series.status]}</Fact>
        <Fact name="documentMedium" label={f('documentMedium')}>{MEDIUM_WORDS[series.documentMedium]}</Fact>
        <Fact name="classificationType" label={f('classificationType')}>{series.classificationType}</Fact>
      </Section>

      <section aria-labelledby="series-period-heading" className="series-section">
        <Heading level={2} data-size="xs" id="series-period-heading">
          {t('seriesPage.sections.period')}
        </Heading>
        <dl className="series-facts">
          <Fact name="periodStart" label={f('periodStart')}>{formatDate(series.periodStart)}</Fact>
          <Fact name="periodEnd" label={f('periodEnd')}>
            {series.periodEnd ? formatDate(series.periodEnd) : series.isContinuous ? t('seriesPage.values.continuous') : t('seriesPage.values.running')}
          </Fact>
          <Fact name="isContinuous" label={f('isContinuous')}>{series.isContinuous ? t('common.yes') : t('common.no')}</Fact>
          <Fact name="predecessor" label={f('predecessor')}>{series.predecessor && <SeriesLink series={series.predecessor} />}</Fact>
          <Fact name="successor" label={f('successor')}>{series.successor && <SeriesLink series={series.successor} />}</Fact>
        </dl>
        <SeriesChain series={series} />
      </section>

      <Section title={t('seriesPage.sections.archive')}>
        <Fact name="municipality" label={f('municipality')}>{series.municipality.name}</Fact>
        <Fact name="archive" label={f('archive')}>{series.archive?.title}</Fact>
        <Fact name="archiveCreator" label={f('archiveCreator')}>
          {series.archiveCreator && `${series.archiveCreator.name} (${series.archiveCreator.creatorId})`}
        </Fact>
        <Fact name="system" label={f('system')}>{series.system}</Fact>
      </Section>

      <Section title={t('seriesPage.sections.retention')}>
        <Fact name="retentionDecision" label={f('retentionDecision')}>{series.retentionDecision && RETENTION_WORDS[series.retentionDecision]}</Fact>
        <Fact name="retentionYears" label={f('retentionYears')}>{series.retentionYears !== null && t('seriesPage.values.years', { count: series.retentionYears })}</Fact>
        <Fact name="retentionBasis" label={f('retentionBasis')}>{series.retentionBasis}</Fact>
        <Fact name="accessRestriction" label={f('accessRestriction')}>{series.accessRestriction ?? t('seriesPage.values.open')}</Fact>
        <Fact name="restrictionBasis" label={f('restrictionBasis')}>{series.restrictionBasis}</Fact>
      </Section>

      <Section title={t('seriesPage.sections.extent')}>
        <Fact name="extentFiles" label={f('extentFiles')}>{count(series.extentFiles)}</Fact>
        <Fact name="extentRecords" label={f('extentRecords')}>{count(series.extentRecords)}</Fact>
        <Fact name="extentShelfMetres" label={f('extentShelfMetres')}>{series.extentShelfMetres !== null && shelfMetres.format(series.extentShelfMetres)}</Fact>
        <Fact name="storageLocation" label={f('storageLocation')}>{series.storageLocation}</Fact>
      </Section>

      <Section title={t('seriesPage.sections.deposit')}>
        <Fact name="depositStatus" label={f('depositStatus')}>{DEPOSIT_WORDS[series.depositStatus]}</Fact>
        <Fact name="depositDate" label={f('depositDate')}>{series.depositDate && formatDate(series.depositDate)}</Fact>
        <Fact name="targetSeries" label={f('targetSeries')}>
          {series.targetSeries && (
            <>
              {`${series.targetSeries.code} ${series.targetSeries.title} `}
              <Link asChild>
                <RouterLink to="/arkivserier/sammenligning">{t('seriesPage.compareLink')}</RouterLink>
              </Link>
            </>
          )}
        </Fact>
        <Fact name="updatedAt" label={f('updatedAt')}>{formatDateTime(series.updatedAt)}</Fact>
      </Section>
    </div>
  );
}
