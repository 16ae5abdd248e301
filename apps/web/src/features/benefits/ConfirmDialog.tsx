import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/dialog/ModalDialog.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { describeApiError, type ApiError } from '../../lib/errors.ts';
import type { MutationOutcome } from '../../lib/mutationOutcome.ts';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  question: string;
  confirmLabel: string;
  /** Runs the deletion; on success the caller closes the dialog (or leaves the page). */
  onConfirm(): Promise<MutationOutcome<unknown>>;
  onClose(): void;
};

/** Asks before a deletion; a refusal from the server stays in the dialog, in words. */
export function ConfirmDialog({ open, title, question, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) return;
    setProblem(result.error);
    setAttempt((n) => n + 1);
  }

  function close() {
    setProblem(null);
    onClose();
  }

  return (
    <ModalDialog open={open} onClose={close} title={title}>
      <div className="form-stack">
        <FormAlert message={problem ? describeApiError(t, problem) : null} attempt={attempt} />
        <Paragraph>{question}</Paragraph>
        <div className="form-actions">
          <Button type="button" data-color="danger" loading={busy} onClick={() => void confirm()} data-autofocus>
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
