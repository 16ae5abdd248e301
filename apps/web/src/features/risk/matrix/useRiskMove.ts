import { useMutation } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../../lib/errors.ts';
import { outcomeOf } from '../../../lib/mutationOutcome.ts';
import type { MatrixCell, RiskBasis, RiskLevel } from '../shared/riskUrlState.ts';
import { cellKey, RESCORE_RISK_FROM_MATRIX, type MatrixCellData, type MatrixRisk, type RescoreRiskVariables } from './matrixQuery.ts';
import { cellWords, riskName } from './matrixWords.ts';
import type { MatrixMover } from './RiskMatrixGrid.tsx';

export type PendingMove = {
  risk: MatrixRisk;
  from: MatrixCell;
  to: MatrixCell;
  fromLevel: RiskLevel | null;
  toLevel: RiskLevel | null;
};

type Optimistic = { risk: MatrixRisk; from: MatrixCell; to: MatrixCell };

/**
 * The cells as the user should see them while moves are being saved: each moved risk out of its
 * old cell and first in its new one. A move whose risk is no longer in its old cell (the matrix
 * has been fetched again) is already in the data and is skipped.
 */
export function withMoves(cells: MatrixCellData[], moves: readonly Optimistic[]): MatrixCellData[] {
  if (moves.length === 0) return cells;
  const byKey = new Map(cells.map((cell) => [cellKey(cell.likelihood, cell.consequence), { ...cell, risks: [...cell.risks] }]));
  for (const move of moves) {
    const from = byKey.get(cellKey(move.from.likelihood, move.from.consequence));
    const to = byKey.get(cellKey(move.to.likelihood, move.to.consequence));
    if (!from || !to || !from.risks.some((risk) => risk.id === move.risk.id)) continue;
    from.risks = from.risks.filter((risk) => risk.id !== move.risk.id);
    from.count -= 1;
    to.risks = [move.risk, ...to.risks];
    to.count += 1;
  }
  return cells.map((cell) => byKey.get(cellKey(cell.likelihood, cell.consequence))!);
}

/** The new scores of a move: the basis shown changes, the other is sent back as it is. */
export function rescoreInput(risk: MatrixRisk, to: MatrixCell, basis: RiskBasis, comment: string): RescoreRiskVariables['input'] {
  const residual =
    basis === 'RESIDUAL'
      ? { residualLikelihood: to.likelihood, residualConsequence: to.consequence }
      : { residualLikelihood: risk.residualLikelihood, residualConsequence: risk.residualConsequence };
  return {
    inherentLikelihood: basis === 'INHERENT' ? to.likelihood : risk.inherentLikelihood,
    inherentConsequence: basis === 'INHERENT' ? to.consequence : risk.inherentConsequence,
    ...residual,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    version: risk.version,
  };
}

/**
 * Moving risks on the matrix: a move asks for confirmation, then shows at once (optimistic) while
 * rescoreRisk saves it and the matrix is fetched again; a refusal puts the risk back and says why.
 */
export function useRiskMove(basis: RiskBasis, levelAt: (cell: MatrixCell) => RiskLevel | null) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<PendingMove | null>(null);
  const [moves, setMoves] = useState<Optimistic[]>([]);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const [focusRiskId, setFocusRiskId] = useState<string | null>(null);
  const [rescore] = useMutation(RESCORE_RISK_FROM_MATRIX);

  const announce = useCallback((text: string) => setAnnouncement(text), []);
  const request = useCallback(
    (risk: MatrixRisk, from: MatrixCell, to: MatrixCell) => {
      setConfirming({ risk, from, to, fromLevel: levelAt(from), toLevel: levelAt(to) });
    },
    [levelAt],
  );
  const mover: MatrixMover = useMemo(() => ({ request, announce }), [request, announce]);

  const cancel = useCallback(() => {
    if (confirming) setAnnouncement(t('riskMatrix.move.cancelled', { risk: riskName(confirming.risk) }));
    setConfirming(null);
  }, [confirming, t]);

  const confirm = useCallback(
    async (comment: string) => {
      const move = confirming;
      if (!move) return;
      setConfirming(null);
      setFailure(null);
      const optimistic: Optimistic = { risk: move.risk, from: move.from, to: move.to };
      setMoves((current) => [...current, optimistic]);
      setFocusRiskId(move.risk.id);
      setAnnouncement(t('riskMatrix.move.saving', { risk: riskName(move.risk), cell: cellWords(t, move.to, move.toLevel) }));
      const outcome = await outcomeOf(() =>
        rescore({
          variables: { id: move.risk.id, input: rescoreInput(move.risk, move.to, basis, comment) },
          refetchQueries: ['RiskMatrix'],
          awaitRefetchQueries: true,
        }),
      );
      setMoves((current) => current.filter((item) => item !== optimistic));
      if (outcome.ok) {
        setAnnouncement(t('riskMatrix.move.saved', { risk: riskName(move.risk), cell: cellWords(t, move.to, move.toLevel) }));
      } else {
        const message = t('riskMatrix.move.failed', { risk: riskName(move.risk), reason: describeApiError(t, outcome.error) });
        setFailure((current) => ({ message, attempt: (current?.attempt ?? 0) + 1 }));
        setAnnouncement(message);
      }
    },
    [basis, confirming, rescore, t],
  );

  return { mover, announcement, confirming, cancel, confirm, moves, failure, focusRiskId };
}

