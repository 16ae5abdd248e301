import { useFragment, useQuery } from '@apollo/client/react';
import { Alert, Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { SERVICE_CATALOGUE_PAGE_QUERY, SERVICE_EXPORT_HREF, SERVICE_ROW_FRAGMENT, type ServiceCataloguePageQuery, type ServiceRow_service } from './serviceQueries.ts';
import { ServiceDialog } from './ServiceDialog.tsx';
import './services.css';

/** tjenestekatalogen: what the centre delivers to whom; printable as it is (the print stylesheet hides the app around it). */
export function ServiceCataloguePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('services.title')}>
      <div className="service-catalogue">
        <Paragraph className="page-lead">{t('services.lead')}</Paragraph>
        <CatalogueContent />
      </div>
    </Page>
  );
}

function CatalogueContent() {
  const { t } = useTranslation();
  const { can } = useCan();
  const { data, loading, error } = useQuery(SERVICE_CATALOGUE_PAGE_QUERY);
  const [editing, setEditing] = useState<{ service?: ServiceRow_service } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (loading) return <PageLoading label={t('services.loading')} />;
  if (error || !data) return <Alert data-color="danger" role="alert">{t('services.failed')}</Alert>;
  const editable = can('editServices');
  return (
    <>
      <div className="service-actions">
        {editable && (
          <Button type="button" onClick={() => setEditing({})}>
            {t('services.new')}
          </Button>
        )}
        <Link href={SERVICE_EXPORT_HREF} download>
          {t('services.exportXlsx')}
        </Link>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t('services.print')}
        </Button>
      </div>
      <div role="status">{saved && <Paragraph>{saved}</Paragraph>}</div>
      {data.services.length === 0 ? (
        <Paragraph>{t('services.empty')}</Paragraph>
      ) : (
        <CatalogueTable services={data.services} editable={editable} onEdit={(service) => setEditing({ service })} />
      )}
      <ServiceDialog
        target={editing}
        municipalities={data.municipalities.filter((m) => m.participates)}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null);
          setSaved(message);
        }}
      />
    </>
  );
}

type CatalogueTableProps = { services: ServiceCataloguePageQuery['services']; editable: boolean; onEdit(service: ServiceRow_service): void };

function CatalogueTable({ services, editable, onEdit }: CatalogueTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="service-caption" tabIndex={0}>
      <Table zebra border>
        <caption id="service-caption">{t('services.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('services.fields.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('services.fields.serviceLevel')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('services.fields.municipalities')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('services.fields.costSharingKey')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('services.fields.contact')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('services.fields.status')}</Table.HeaderCell>
            {editable && <Table.HeaderCell scope="col" className="service-print-hidden">{t('services.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {services.map((service) => (
            <ServiceRow key={service.id} service={service} editable={editable} onEdit={onEdit} />
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ServiceRow({ service, editable, onEdit }: { service: { __typename: 'Service'; id: string }; editable: boolean; onEdit(service: ServiceRow_service): void }) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: SERVICE_ROW_FRAGMENT, from: service });
  if (!complete) return null;
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">
        <span className="service-name">{data.name}</span>
        {data.description && <span className="service-description">{data.description}</span>}
      </Table.HeaderCell>
      <Table.Cell>{data.serviceLevel ?? '–'}</Table.Cell>
      <Table.Cell>{data.municipalities.length ? data.municipalities.map((m) => m.name).join(', ') : t('services.noMunicipalities')}</Table.Cell>
      <Table.Cell>{t(`services.costSharingKey.${data.costSharingKey}`)}</Table.Cell>
      <Table.Cell>{data.contact ?? '–'}</Table.Cell>
      <Table.Cell>{t(`services.status.${data.status}`)}</Table.Cell>
      {editable && (
        <Table.Cell className="service-print-hidden">
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => onEdit(data)} aria-label={t('services.editNamed', { name: data.name })}>
            {t('services.edit')}
          </Button>
        </Table.Cell>
      )}
    </Table.Row>
  );
}
