import { useQuery } from '@apollo/client/react';
import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { HistoryPanel } from '../../audit/HistoryPanel.tsx';
import { SeriesEditForm } from './SeriesEditForm.tsx';
import { SeriesFacts } from './SeriesFacts.tsx';
import { seriesAuditWords } from './seriesAuditWords.ts';
import { SERIES_PAGE_QUERY, type SeriesPage_series } from './seriesPageQuery.ts';
import '../../../components/form/form.css';
import './series-page.css';

/** /arkivserier/:id: a series (arkivdel) with all its fields, its chain of periods and its history. */
export function SeriesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SERIES_PAGE_QUERY, {
    variables: { id },
    // A mapping from the comparison grid changes the series too: refresh what the cache shows.
    fetchPolicy: 'cache-and-network',
  });

  if (!data) {
    if (loading) return <PageLoading label={t('seriesPage.loading')} />;
    if (apiError(error).code !== 'NOT_FOUND') {
      return (
        <Page title={t('seriesPage.title')}>
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('seriesPage.failed', { reason: describeApiError(t, apiError(error)) })}</Paragraph>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
              {t('common.retry')}
            </Button>
          </Alert>
        </Page>
      );
    }
  }
  const series = data?.archiveSeriesById;
  if (!series) return <SeriesNotFound />;
  return <SeriesView series={series} onReload={() => refetch().then(() => undefined)} />;
}

function SeriesNotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('seriesPage.notFound.title')}>
      <Paragraph>{t('seriesPage.notFound.text')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/arkivserier">{t('seriesPage.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

function SeriesView({ series, onReload }: { series: SeriesPage_series; onReload(): Promise<void> }) {
  const { t } = useTranslation();
  const { can } = useCan();
  const mayEdit = series.canEdit && can('editSeries', [series.municipality.id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const historyWords = useMemo(() => seriesAuditWords(t), [t]);

  // Back from the form, focus returns to "Endre" so keyboard users keep their place.
  useEffect(() => {
    if (!editing && returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus]);

  const close = (wasSaved: boolean) => {
    setEditing(false);
    setSaved(wasSaved);
    setReturnFocus(true);
  };

  return (
    <Page title={series.title}>
      <nav aria-label={t('seriesPage.nav')} className="series-page__nav">
        <Link asChild>
          <RouterLink to="/arkivserier">{t('seriesPage.back')}</RouterLink>
        </Link>
        <Link asChild>
          <RouterLink to="/arkivserier/sammenligning">{t('seriesPage.compare')}</RouterLink>
        </Link>
      </nav>
      <Paragraph className="page-lead">{t('seriesPage.lead', { identifier: series.identifier, municipality: series.municipality.name })}</Paragraph>
      <div role="status">{saved && <Paragraph>{t('seriesPage.edit.saved')}</Paragraph>}</div>
      {editing ? (
        <SeriesEditForm
          series={series}
          onCancel={() => close(false)}
          onSaved={() => close(true)}
          onReload={() => void onReload().then(() => close(false))}
        />
      ) : (
        <>
          {mayEdit && (
            <Button type="button" ref={editButton} onClick={() => { setSaved(false); setEditing(true); }}>
              {t('seriesPage.edit.open')}
            </Button>
          )}
          <SeriesFacts series={series} />
        </>
      )}
      <HistoryPanel entityType="ArchiveSeries" entityId={series.id} words={historyWords} />
    </Page>
  );
}
