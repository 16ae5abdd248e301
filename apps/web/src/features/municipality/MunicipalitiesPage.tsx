import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { MunicipalitiesTable } from './MunicipalitiesTable.tsx';
import { MUNICIPALITY_ROW_FRAGMENT, type MunicipalityRowRef } from './MunicipalityRow.tsx';

// Written by hand until codegen; masked, so the page sees only what it selects itself.
type MunicipalitiesPageQuery = { municipalities: MunicipalityRowRef[] };

export const MUNICIPALITIES_PAGE_QUERY: TypedDocumentNode<MunicipalitiesPageQuery> = gql`
  query MunicipalitiesPage {
    municipalities {
      id
      ...MunicipalityRow_municipality
    }
  }
  ${MUNICIPALITY_ROW_FRAGMENT}
`;

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.municipalities')}>
      <Paragraph className="page-lead">{t('municipalities.lead')}</Paragraph>
      <MunicipalitiesContent />
    </Page>
  );
}

function MunicipalitiesContent() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MUNICIPALITIES_PAGE_QUERY);

  if (loading) return <PageLoading label={t('municipalities.loading')} />;
  if (error || !data) {
    // The error's own text is for developers (and may leak internals); users get words.
    return (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('municipalities.errorTitle')}
        </Heading>
        <Paragraph>{t('municipalities.errorText')}</Paragraph>
        {/* A failed retry rejects; the hook's error state already shows it, so swallow it here. */}
        <Button type="button" variant="secondary" data-size="sm" onClick={() => void refetch().catch(() => {})}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (data.municipalities.length === 0) return <Paragraph>{t('municipalities.empty')}</Paragraph>;
  return <MunicipalitiesTable municipalities={data.municipalities} />;
}
