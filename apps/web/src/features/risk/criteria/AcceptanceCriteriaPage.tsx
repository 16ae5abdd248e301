import { useQuery } from '@apollo/client/react';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/layout/Page.tsx';
import { PageLoading } from '../../../components/layout/PageLoading.tsx';
import { useCan } from '../../../lib/auth/useCan.ts';
import { apiError, describeApiError } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { RiskWorkspaceNav } from '../shared/RiskWorkspaceNav.tsx';
import { ConsequenceDimensions } from './ConsequenceDimensions.tsx';
import { CRITERIA_PAGE_QUERY, type CriteriaInForce, type CriteriaVersion } from './criteriaQueries.ts';
import { CriteriaGrid, ScaleTables } from './CriteriaView.tsx';
import { NewCriteriaVersionDialog } from './NewCriteriaVersionDialog.tsx';
import '../../../components/form/form.css';
import '../../../components/table/table.css';
import './criteria.css';

/** akseptkriterier: the version in force, every version, and the consequence dimensions. */
export function AcceptanceCriteriaPage() {
  const { t } = useTranslation();
  const { can } = useCan();
  const manage = can('manageAcceptanceCriteria');
  const { data, error, loading, refetch } = useQuery(CRITERIA_PAGE_QUERY);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void refetch().catch(() => {});

  const newVersionDialog = (current: CriteriaInForce | null) =>
    manage && (
      <NewCriteriaVersionDialog
        open={creating}
        current={current}
        onClose={() => setCreating(false)}
        onCreated={(version) => {
          setCreating(false);
          setNotice(t('criteria.create.done', { name: version.name, date: formatDate(version.validFrom) }));
          reload();
        }}
      />
    );

  let body;
  if (!data && loading) body = <PageLoading label={t('criteria.loading')} />;
  else if (!data && apiError(error).code === 'NOT_FOUND') {
    // No version is in force today (none yet, or only future ones): the first can be made here.
    body = (
      <>
        <Alert data-color="info">
          <Paragraph>{t('criteria.noneInForce')}</Paragraph>
        </Alert>
        {manage && (
          <div className="criteria-section__head">
            <Button type="button" onClick={() => setCreating(true)}>
              {t('criteria.create.open')}
            </Button>
          </div>
        )}
        {newVersionDialog(null)}
      </>
    );
  } else if (!data) {
    body = (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('criteria.errorTitle')}
        </Heading>
        <Paragraph>{describeApiError(t, apiError(error))}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={reload}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else {
    const current = data.acceptanceCriteria;
    body = (
      <>
        <InForce criteria={current} />
        <Versions versions={data.acceptanceCriteriaVersions} current={current} onCreate={manage ? () => setCreating(true) : undefined} />
        <ConsequenceDimensions
          dimensions={data.consequenceDimensions}
          editable={manage}
          onReload={reload}
          onChanged={(message) => {
            setNotice(message);
            reload();
          }}
        />
        {newVersionDialog(current)}
      </>
    );
  }

  return (
    <Page title={t('criteria.title')}>
      <RiskWorkspaceNav />
      <Paragraph className="page-lead">{t('criteria.lead')}</Paragraph>
      {/* Always present, so a confirmation is announced when its text appears. */}
      <div role="status">
        {notice && (
          <Alert data-color="success" className="form-alert">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {body}
    </Page>
  );
}

function InForce({ criteria }: { criteria: CriteriaInForce }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="criteria-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('criteria.inForce.heading')}
      </Heading>
      <Paragraph>
        {t('criteria.inForce.summary', { name: criteria.name, date: formatDate(criteria.validFrom) })}
      </Paragraph>
      {criteria.description && <Paragraph className="criteria-description">{criteria.description}</Paragraph>}
      <CriteriaGrid criteria={criteria} />
      <Heading level={3} data-size="xs">
        {t('criteria.scale.heading')}
      </Heading>
      <ScaleTables scale={criteria.scale} />
    </section>
  );
}

function Versions({ versions, current, onCreate }: { versions: CriteriaVersion[]; current: CriteriaInForce; onCreate?: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const stateOf = (version: CriteriaVersion) =>
    version.id === current.id ? 'current' : version.validFrom > current.validFrom ? 'coming' : 'earlier';
  return (
    <section aria-labelledby={headingId} className="criteria-section">
      <div className="criteria-section__head">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('criteria.versions.heading')}
        </Heading>
        {onCreate && (
          <Button type="button" onClick={onCreate}>
            {t('criteria.create.open')}
          </Button>
        )}
      </div>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border>
          <caption id={captionId}>{t('criteria.versions.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('criteria.versions.validFrom')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('criteria.versions.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('criteria.versions.description')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('criteria.versions.state')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...versions].reverse().map((version) => (
              <Table.Row key={version.id}>
                <Table.HeaderCell scope="row">{formatDate(version.validFrom)}</Table.HeaderCell>
                <Table.Cell>{version.name}</Table.Cell>
                <Table.Cell>{version.description ?? ''}</Table.Cell>
                <Table.Cell>{t(`criteria.versions.states.${stateOf(version)}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
