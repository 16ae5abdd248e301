import { Button, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../components/dialog/ModalDialog.tsx';
import { RiskLevelBadge } from '../shared/RiskLevelBadge.tsx';
import type { RiskBasis } from '../shared/riskUrlState.ts';
import { riskName } from './matrixWords.ts';
import type { PendingMove } from './useRiskMove.ts';

type MoveRiskDialogProps = {
  move: PendingMove | null;
  basis: RiskBasis;
  onCancel(): void;
  onConfirm(comment: string): void;
};

/** "Move R-01 from 3×4 (High) to 2×4 (Medium)?" with an optional comment kept with the assessment. */
export function MoveRiskDialog({ move, basis, onCancel, onConfirm }: MoveRiskDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={move !== null} onClose={onCancel} title={t('riskMatrix.move.dialogTitle')}>
      {move && <MoveRiskForm move={move} basis={basis} onCancel={onCancel} onConfirm={onConfirm} />}
    </ModalDialog>
  );
}

function MoveRiskForm({ move, basis, onCancel, onConfirm }: Required<Pick<MoveRiskDialogProps, 'basis' | 'onCancel' | 'onConfirm'>> & { move: PendingMove }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const commentId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(comment);
  }

  const position = (cell: PendingMove['from']) => t('riskMatrix.move.position', { likelihood: cell.likelihood, consequence: cell.consequence });
  return (
    <form className="form-stack" onSubmit={submit}>
      <Paragraph>{t('riskMatrix.move.question', { risk: riskName(move.risk), basis: t(`risk.basis.${basis}`).toLowerCase() })}</Paragraph>
      <dl className="risk-move__summary">
        <dt>{t('riskMatrix.move.from')}</dt>
        <dd>
          {position(move.from)} <RiskLevelBadge level={move.fromLevel} />
        </dd>
        <dt>{t('riskMatrix.move.to')}</dt>
        <dd>
          {position(move.to)} <RiskLevelBadge level={move.toLevel} />
        </dd>
      </dl>
      <div className="ds-field">
        <Label htmlFor={commentId}>{t('riskMatrix.move.comment')}</Label>
        <Textarea id={commentId} name="comment" rows={3} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} data-autofocus />
      </div>
      <div className="form-actions">
        <Button type="submit">{t('riskMatrix.move.confirm')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
