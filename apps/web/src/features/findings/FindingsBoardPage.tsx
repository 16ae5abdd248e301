import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { FINDING_KINDS } from '@samarkiv/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/Page.tsx';
import { PageLoading } from '../../components/layout/PageLoading.tsx';
import { useCan } from '../../lib/auth/useCan.ts';
import { apiError, describeApiError } from '../../lib/errors.ts';
import { DeleteFindingDialog } from './DeleteFindingDialog.tsx';
import { FindingDialog, type FindingDialogTarget } from './FindingDialog.tsx';
import { FindingSection } from './FindingSection.tsx';
import type { BoardFinding, FindingKind } from './findingsQueries.ts';
import { RiskPickerDialog } from './RiskPickerDialog.tsx';
import { useAllFindings } from './useAllFindings.ts';
import '../../components/form/form.css';
import './findings.css';

/** A kind's findings in their own order (kept after an edit changes one's order), then by id as the API does. */
function ofKind(findings: BoardFinding[], kind: FindingKind): BoardFinding[] {
  return findings.filter((finding) => finding.kind === kind).sort((a, b) => a.sortOrder - b.sortOrder || Number(a.id) - Number(b.id));
}

/** The findings board (funn): one section per kind, each with its findings and their risks. */
export function FindingsBoardPage() {
  const { t } = useTranslation();
  const { can } = useCan();
  const editable = can('editFinding');
  const { findings, complete, loading, error, moreError, refetch } = useAllFindings();
  const [editing, setEditing] = useState<FindingDialogTarget | null>(null);
  const [deleting, setDeleting] = useState<BoardFinding | null>(null);
  const [linking, setLinking] = useState<BoardFinding | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () => void refetch().catch(() => {});

  let body;
  if (!complete && !error && !moreError) {
    body = <PageLoading label={t('findingsBoard.loading')} />;
  } else if (error || moreError) {
    body = (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          {t('findingsBoard.errorTitle')}
        </Heading>
        <Paragraph>{describeApiError(t, apiError(error ?? moreError))}</Paragraph>
        <Button type="button" variant="secondary" data-size="sm" onClick={reload} disabled={loading}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  } else {
    body = FINDING_KINDS.map((kind) => (
      <FindingSection
        key={kind}
        kind={kind}
        findings={ofKind(findings, kind)}
        editable={editable}
        onAdd={() => setEditing({ kind })}
        onEdit={(finding) => setEditing({ kind: finding.kind, finding })}
        onDelete={setDeleting}
        onLink={setLinking}
        onUnlinked={(finding, risk) => setNotice(t('findingsBoard.link.unlinked', { risk: risk.reference, finding: finding.title }))}
      />
    ));
  }

  return (
    <Page title={t('findingsBoard.title')}>
      <Paragraph className="page-lead">{t('findingsBoard.lead')}</Paragraph>
      {/* Always present, so a confirmation is announced when its text appears. */}
      <div role="status" className="findings-board__notice">
        {notice && (
          <Alert data-color="success" className="form-alert">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      <div className="findings-board">{body}</div>
      {editable && (
        <>
          <FindingDialog
            target={editing}
            onClose={() => setEditing(null)}
            onSaved={(message, created) => {
              setEditing(null);
              setNotice(message);
              if (created) reload();
            }}
          />
          <DeleteFindingDialog
            finding={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(finding) => {
              setDeleting(null);
              setNotice(t('findingsBoard.delete.done', { title: finding.title }));
              reload();
            }}
          />
          <RiskPickerDialog
            finding={linking}
            onClose={() => setLinking(null)}
            onLinked={(finding, risk) => {
              setLinking(null);
              setNotice(t('findingsBoard.link.linked', { risk: risk.reference, finding: finding.title }));
            }}
          />
        </>
      )}
    </Page>
  );
}
