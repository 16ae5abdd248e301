import type { CriteriaCell, CriteriaInForce, ScaleAxis, ScaleLevel } from './criteriaQueries.ts';
import type { RiskLevel } from '../shared/riskUrlState.ts';

// The new-version form keeps the 25 cells and the ten scale levels in the API's own order
// (likelihood 1..5, then consequence 1..5; the likelihood axis first), so an issue's index,
// from the shared rules or from the server, points straight at the control it is about.

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const AXES: readonly ScaleAxis[] = ['LIKELIHOOD', 'CONSEQUENCE'];

export function cellIndex(likelihood: number, consequence: number): number {
  return (likelihood - 1) * 5 + (consequence - 1);
}

export function scaleIndex(axis: ScaleAxis, level: number): number {
  return (axis === 'LIKELIHOOD' ? 0 : 5) + (level - 1);
}

export type CriteriaDraft = {
  validFrom: string;
  name: string;
  description: string;
  /** Indexed by cellIndex; '' until chosen (only when no version is in force to start from). */
  levels: (RiskLevel | '')[];
  /** Indexed by scaleIndex. */
  scale: { label: string; description: string }[];
};

/** A draft prefilled from the version in force, or empty when there is none. */
export function draftFrom(current: CriteriaInForce | null): CriteriaDraft {
  const levels: (RiskLevel | '')[] = Array.from({ length: 25 }, () => '');
  const scale = Array.from({ length: 10 }, () => ({ label: '', description: '' }));
  for (const cell of current?.cells ?? []) levels[cellIndex(cell.likelihood, cell.consequence)] = cell.level;
  for (const level of current?.scale ?? []) scale[scaleIndex(level.axis, level.level)] = { label: level.label, description: level.description };
  return { validFrom: '', name: '', description: '', levels, scale };
}

/** The draft as the API input; a cell not chosen stays empty for the rules to name. */
export function inputOf(draft: CriteriaDraft) {
  const cells: CriteriaCell[] = [];
  for (const likelihood of LEVELS) {
    for (const consequence of LEVELS) cells.push({ likelihood, consequence, level: draft.levels[cellIndex(likelihood, consequence)] as RiskLevel });
  }
  const scale: ScaleLevel[] = [];
  for (const axis of AXES) {
    for (const level of LEVELS) scale.push({ axis, level, ...draft.scale[scaleIndex(axis, level)]! });
  }
  return { validFrom: draft.validFrom, name: draft.name, description: draft.description, cells, scale };
}

export type CriteriaErrors = {
  validFrom?: string;
  name?: string;
  description?: string;
  /** By cellIndex. */
  cells: Record<number, string>;
  /** By `${scaleIndex}.label` / `${scaleIndex}.description`. */
  scale: Record<string, string>;
  /** Issues about the grid or scale as a whole (a missing cell). */
  general: string[];
};

/** Sorts issues (paths without the argument name) onto the form's controls; the first per control wins. */
export function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): CriteriaErrors {
  const errors: CriteriaErrors = { cells: {}, scale: {}, general: [] };
  for (const { path: fullPath, message } of issues) {
    const path = fullPath[0] === 'input' ? fullPath.slice(1) : fullPath;
    const [field, index, sub] = path;
    if (field === 'validFrom' || field === 'name' || field === 'description') errors[field] ??= message;
    else if (field === 'cells' && typeof index === 'number') errors.cells[index] ??= message;
    else if (field === 'scale' && typeof index === 'number' && (sub === 'label' || sub === 'description')) errors.scale[`${index}.${sub}`] ??= message;
    else if (!errors.general.includes(message)) errors.general.push(message);
  }
  return errors;
}

export function hasErrors(errors: CriteriaErrors): boolean {
  return Boolean(errors.validFrom || errors.name || errors.description || errors.general.length || Object.keys(errors.cells).length || Object.keys(errors.scale).length);
}
