import type { TFunction } from 'i18next';
import { gql } from '@apollo/client';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatCount } from '../../../lib/format.ts';
import type { ImportCounts, ImportItem } from './ImportReport.tsx';

// Written by hand until codegen generates web types; keep in step with the fragment below.
export type ImportResult_report = {
  __typename: 'NoarkImportReport';
  municipality: { __typename: 'Municipality'; id: string; name: string } | null;
  items: ImportItem[];
  created: ImportCounts | null;
  updated: ImportCounts | null;
  failure: { __typename: 'NoarkImportFailure'; code: string; message: string } | null;
};

export const IMPORT_RESULT_FRAGMENT = gql`
  fragment ImportResult_report on NoarkImportReport {
    municipality {
      id
      name
    }
    items {
      kind
      action
      key
      title
      existingId
    }
    created {
      archives
      archiveCreators
      series
    }
    updated {
      archives
      archiveCreators
      series
    }
    failure {
      code
      message
    }
  }
`;

/** Where the browser shows a series of the import: its own page, or a search for its title. */
function seriesHref(item: ImportItem, municipalityId: string | undefined): string {
  if (item.existingId) return `/arkivserier/${encodeURIComponent(item.existingId)}`;
  const params = new URLSearchParams();
  if (municipalityId) params.set('kommune', municipalityId);
  params.set('sok', item.title);
  return `/arkivserier?${params.toString()}`;
}

function countsText(t: TFunction, counts: ImportCounts): string {
  return t('seriesImport.result.counts', {
    archives: formatCount(counts.archives),
    creators: formatCount(counts.archiveCreators),
    series: formatCount(counts.series),
  });
}

/** The end of a real import: what was written, with the way to it, or why nothing was. */
export function ImportResult({ report }: { report: ImportResult_report }) {
  const { t } = useTranslation();
  if (report.failure || !report.created) {
    return (
      <Alert data-color="danger" role="alert">
        <Heading level={3} data-size="xs">
          {t('seriesImport.result.failedTitle')}
        </Heading>
        <Paragraph>{t('seriesImport.result.nothingWritten')}</Paragraph>
        {report.failure && <Paragraph>{report.failure.message}</Paragraph>}
        <Paragraph>{t('seriesImport.result.failedNext')}</Paragraph>
      </Alert>
    );
  }
  const written = report.items.filter((item) => item.kind === 'ARCHIVE_SERIES' && item.action !== 'UNCHANGED');
  const municipalityId = report.municipality?.id;
  return (
    <Alert data-color="success" role="status">
      <Heading level={3} data-size="xs">
        {t('seriesImport.result.doneTitle', { municipality: report.municipality?.name ?? '' })}
      </Heading>
      <Paragraph>{t('seriesImport.result.created', { counts: countsText(t, report.created) })}</Paragraph>
      {report.updated && <Paragraph>{t('seriesImport.result.updated', { counts: countsText(t, report.updated) })}</Paragraph>}
      {written.length > 0 && (
        <ul className="import-result-list">
          {written.map((item) => (
            <li key={item.key}>
              <Link asChild>
                <RouterLink to={seriesHref(item, municipalityId)}>{item.title}</RouterLink>
              </Link>{' '}
              ({t(`seriesImport.action.${item.action}`)})
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={municipalityId ? `/arkivserier?kommune=${encodeURIComponent(municipalityId)}` : '/arkivserier'}>
            {t('seriesImport.result.browse', { municipality: report.municipality?.name ?? '' })}
          </RouterLink>
        </Link>
      </Paragraph>
    </Alert>
  );
}
