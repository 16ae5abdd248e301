import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ForbiddenPage } from '../../../components/layout/ForbiddenPage.tsx';
import { Page } from '../../../components/layout/Page.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';
import { CsvImportFlow } from './CsvImportFlow.tsx';
import { NoarkImportFlow } from './NoarkImportFlow.tsx';
import '../../../components/form/form.css';
import './import.css';

export const FORMAT_PARAM = 'format';

/** /arkivserier/import: archive series into a municipality from a Noark 5 extraction or a CSV file. */
export function SeriesImportPage() {
  const { t } = useTranslation();
  const { can } = useCan();
  const [params] = useSearchParams();
  // Importing writes series: an archivist (into their own municipalities) or an administrator.
  if (!can('editSeries')) return <ForbiddenPage />;
  const format = params.get(FORMAT_PARAM) === 'csv' ? 'CSV' : 'NOARK5';
  return (
    <Page title={t('seriesImport.title')}>
      <Paragraph className="page-lead">{t('seriesImport.lead')}</Paragraph>
      <nav aria-label={t('seriesImport.formatNav')} className="import-formats">
        <ul>
          <li>
            <Link asChild>
              <RouterLink to="/arkivserier/import" aria-current={format === 'NOARK5' ? 'page' : undefined}>
                {t('seriesImport.format.NOARK5')}
              </RouterLink>
            </Link>
          </li>
          <li>
            <Link asChild>
              <RouterLink to={`/arkivserier/import?${FORMAT_PARAM}=csv`} aria-current={format === 'CSV' ? 'page' : undefined}>
                {t('seriesImport.format.CSV')}
              </RouterLink>
            </Link>
          </li>
        </ul>
      </nav>
      {/* Keyed on the format: switching starts that format's flow afresh. */}
      {format === 'CSV' ? <CsvImportFlow key="csv" /> : <NoarkImportFlow key="noark" />}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/arkivserier">{t('seriesImport.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
