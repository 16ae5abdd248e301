import type { Risk, RiskLevel, RiskStatus } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { criteriaOn, levelOf } from './criteria.service.ts';
import { checkCellLimit, matrixAt, matrixPoint, type MatrixPoint, positionsAt, type RiskMatrixView, type RiskPositionRow } from './matrix.service.ts';
import type { RiskBasis, RiskFilterInput } from './risk-filter.ts';
import { loadRisksInOrder } from './risk.service.ts';

// "What changed since the May 2024 analysis?": two matrices and the risks that moved between them.

export type RiskMoveKind = 'ADDED' | 'REMOVED' | 'HIGHER' | 'LOWER' | 'SAME_SCORE' | 'UNCHANGED';

export interface RiskPositionView {
  likelihood: number;
  consequence: number;
  level: RiskLevel | null;
  status: RiskStatus;
}

export interface RiskMoveView {
  risk: Risk;
  from: RiskPositionView | null;
  to: RiskPositionView | null;
  kind: RiskMoveKind;
}

export interface RiskMatrixPointInput {
  asOf?: string | null;
  baselineId?: string | null;
}

/** How a risk moved between two positions (null: not on that side). */
export function moveKind(from: RiskPositionRow | null, to: RiskPositionRow | null): RiskMoveKind {
  if (!from && !to) return 'UNCHANGED';
  if (!from) return 'ADDED';
  if (!to) return 'REMOVED';
  const before = from.likelihood * from.consequence;
  const after = to.likelihood * to.consequence;
  if (after > before) return 'HIGHER';
  if (after < before) return 'LOWER';
  return from.likelihood !== to.likelihood || from.consequence !== to.consequence || from.status !== to.status ? 'SAME_SCORE' : 'UNCHANGED';
}

async function pointOf(ctx: Context, side: 'from' | 'to', input: RiskMatrixPointInput): Promise<MatrixPoint> {
  const hasDate = input.asOf !== null && input.asOf !== undefined;
  const hasBaseline = input.baselineId !== null && input.baselineId !== undefined;
  if (!hasDate && !hasBaseline) throw new AppError('VALIDATION_FAILED', 'Velg en dato eller en baseline.', { path: [side] });
  return matrixPoint(ctx, input.asOf, input.baselineId, [side]);
}

export async function compareMatrices(
  ctx: Context,
  args: { from: RiskMatrixPointInput; to: RiskMatrixPointInput; basis?: RiskBasis | null; filter?: RiskFilterInput | null; cellLimit?: number | null },
): Promise<{ from: RiskMatrixView; to: RiskMatrixView; moves: RiskMoveView[] }> {
  const cellLimit = checkCellLimit(args.cellLimit);
  const basis = args.basis ?? 'RESIDUAL';
  const [fromPoint, toPoint] = [await pointOf(ctx, 'from', args.from), await pointOf(ctx, 'to', args.to)];
  const [from, to, fromRows, toRows, fromCriteria, toCriteria] = await Promise.all([
    matrixAt(ctx, fromPoint, basis, args.filter, cellLimit),
    matrixAt(ctx, toPoint, basis, args.filter, cellLimit),
    positionsAt(ctx, fromPoint, basis, args.filter),
    positionsAt(ctx, toPoint, basis, args.filter),
    criteriaOn(ctx, fromPoint.date),
    criteriaOn(ctx, toPoint.date),
  ]);
  const before = new Map(fromRows.map((row) => [row.id, row]));
  const after = new Map(toRows.map((row) => [row.id, row]));
  const moved = [...new Set([...before.keys(), ...after.keys()])]
    .map((id) => ({ id, from: before.get(id) ?? null, to: after.get(id) ?? null }))
    .map((move) => ({ ...move, kind: moveKind(move.from, move.to) }))
    .filter((move) => move.kind !== 'UNCHANGED');
  const risks = await loadRisksInOrder(ctx, moved.map((move) => move.id));
  const view = (row: RiskPositionRow | null, criteria: Awaited<ReturnType<typeof criteriaOn>>): RiskPositionView | null =>
    row && { likelihood: row.likelihood, consequence: row.consequence, status: row.status, level: levelOf(criteria, row.likelihood, row.consequence) };
  const moves = moved.map((move, i) => ({ risk: risks[i]!, from: view(move.from, fromCriteria), to: view(move.to, toCriteria), kind: move.kind }));
  // By reference, byte-wise like the matrix cells.
  moves.sort((a, b) => (a.risk.reference < b.risk.reference ? -1 : a.risk.reference > b.risk.reference ? 1 : a.risk.id - b.risk.id));
  return { from, to, moves };
}
