import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { describeApiError, type ApiError } from '../../lib/errors.ts';
import type { BoardFinding } from './findingsQueries.ts';
import { useDeleteFinding } from './useFindingMutations.ts';

type DeleteFindingDialogProps = {
  finding: BoardFinding | null;
  onClose(): void;
  onDeleted(finding: BoardFinding): void;
};

/** Asks before deleting: a finding and its links to risks go together. */
export function DeleteFindingDialog({ finding, onClose, onDeleted }: DeleteFindingDialogProps) {
  const { t } = useTranslation();
  const { deleteFinding, loading } = useDeleteFinding();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function confirm() {
    if (!finding || loading) return;
    setProblem(null);
    const result = await deleteFinding(finding.id);
    if (result.ok) return onDeleted(finding);
    setProblem(result.error);
    setAttempt((value) => value + 1);
  }

  function close() {
    setProblem(null);
    onClose();
  }

  return (
    <ModalDialog open={finding !== null} onClose={close} title={t('findingsBoard.delete.title')}>
      {finding && (
        <div className="form-stack">
          <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
          <Paragraph>{t('findingsBoard.delete.question', { title: finding.title })}</Paragraph>
          <div className="form-actions">
            <Button type="button" data-color="danger" loading={loading} onClick={() => void confirm()} data-autofocus>
              {t('findingsBoard.delete.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
