export type RiskLevelName = 'LOW' | 'MEDIUM' | 'HIGH';
export type MatrixCellCount = { likelihood: number; consequence: number; level: RiskLevelName | null; count: number };

/** Risks per level from the matrix's 25 cells (a cell without a level counts nowhere). */
export function levelTotals(cells: MatrixCellCount[]): Record<RiskLevelName, number> {
  const out: Record<RiskLevelName, number> = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  for (const cell of cells) if (cell.level) out[cell.level] += cell.count;
  return out;
}
