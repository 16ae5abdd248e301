import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CURSOR_PARAM } from '../../../components/table/useCursorPaging.ts';

// The risk workspace keeps its view in the URL so that a view can be bookmarked, shared and
// printed: the matrix, the register, the comparison and the report all read these parameters,
// so a filter set on one page still holds after moving to another.

export const RISK_STATUSES = ['OPEN', 'MONITORING', 'ACCEPTED', 'CLOSED'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export type RiskBasis = 'INHERENT' | 'RESIDUAL';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

export const RISK_ORDER_FIELDS = [
  'REFERENCE',
  'TITLE',
  'AREA',
  'STATUS',
  'INHERENT_SCORE',
  'RESIDUAL_SCORE',
  'NEXT_REVIEW_DATE',
  'OWNER',
  'OPEN_MEASURES',
] as const;
export type RiskOrderField = (typeof RISK_ORDER_FIELDS)[number];
export type SortDirection = 'ASC' | 'DESC';

export type MatrixCell = { likelihood: number; consequence: number };
/** A point in time the matrix can show: a day (its end, Oslo time) or a frozen baseline. */
export type MatrixPoint = { kind: 'date'; date: string } | { kind: 'baseline'; id: string };

export type RiskViewState = {
  areaIds: string[];
  municipalityIds: string[];
  statuses: RiskStatus[];
  search: string;
  basis: RiskBasis;
  /** The matrix as it stood on this date or at this baseline; null: now. */
  at: MatrixPoint | null;
  cell: MatrixCell | null;
  sort: { field: RiskOrderField; direction: SortDirection } | null;
  /** The other side of a comparison; null: no comparison. */
  compareTo: MatrixPoint | null;
};

/** The GraphQL RiskFilter the state stands for (without the cell unless asked). */
export type RiskFilterInput = {
  areaIds?: string[];
  municipalityIds?: string[];
  statuses?: RiskStatus[];
  search?: string;
  levelBasis?: RiskBasis;
  likelihood?: number;
  consequence?: number;
};

const PARAM = {
  areas: 'omrade',
  municipalities: 'kommune',
  statuses: 'status',
  search: 'sok',
  basis: 'grunnlag',
  date: 'dato',
  baseline: 'baseline',
  cell: 'celle',
  sort: 'sorter',
  compareTo: 'mot',
} as const;

const BASIS_PARAM: Record<RiskBasis, string> = { INHERENT: 'iboende', RESIDUAL: 'rest' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d{0,9}$/;

function list(value: string | null): string[] {
  return value ? value.split(',').filter((part) => part.length > 0) : [];
}

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function readPoint(value: string | null): MatrixPoint | null {
  if (!value) return null;
  const [kind, rest] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'dato' && isRealDate(rest)) return { kind: 'date', date: rest };
  if (kind === 'baseline' && ID.test(rest)) return { kind: 'baseline', id: rest };
  return null;
}

function writePoint(point: MatrixPoint): string {
  return point.kind === 'date' ? `dato:${point.date}` : `baseline:${point.id}`;
}

function level(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/**
 * Reads the view from the URL. Anything malformed (a hand-edited or old link) is dropped rather
 * than sent to the server, so a bad link shows the unfiltered view instead of an error.
 */
export function readRiskViewState(params: URLSearchParams): RiskViewState {
  const [likelihood, consequence] = (params.get(PARAM.cell) ?? '').split('-').map(level);
  const [sortField, sortDirection] = (params.get(PARAM.sort) ?? '').split('.');
  const date = params.get(PARAM.date);
  const baseline = params.get(PARAM.baseline);
  return {
    areaIds: list(params.get(PARAM.areas)).filter((id) => ID.test(id)),
    municipalityIds: list(params.get(PARAM.municipalities)).filter((id) => ID.test(id)),
    statuses: list(params.get(PARAM.statuses)).filter((status): status is RiskStatus => RISK_STATUSES.includes(status as RiskStatus)),
    search: (params.get(PARAM.search) ?? '').slice(0, 200),
    basis: params.get(PARAM.basis) === BASIS_PARAM.INHERENT ? 'INHERENT' : 'RESIDUAL',
    at:
      baseline && ID.test(baseline)
        ? { kind: 'baseline', id: baseline }
        : date && isRealDate(date)
          ? { kind: 'date', date }
          : null,
    cell: likelihood && consequence ? { likelihood, consequence } : null,
    sort: RISK_ORDER_FIELDS.includes(sortField as RiskOrderField)
      ? { field: sortField as RiskOrderField, direction: sortDirection === 'desc' ? 'DESC' : 'ASC' }
      : null,
    compareTo: readPoint(params.get(PARAM.compareTo)),
  };
}

/** Writes the state into search parameters, leaving out defaults so links stay short. */
export function writeRiskViewState(state: RiskViewState, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(PARAM)) params.delete(name);
  if (state.areaIds.length) params.set(PARAM.areas, state.areaIds.join(','));
  if (state.municipalityIds.length) params.set(PARAM.municipalities, state.municipalityIds.join(','));
  if (state.statuses.length) params.set(PARAM.statuses, state.statuses.join(','));
  if (state.search.trim()) params.set(PARAM.search, state.search.trim());
  if (state.basis === 'INHERENT') params.set(PARAM.basis, BASIS_PARAM.INHERENT);
  if (state.at?.kind === 'date') params.set(PARAM.date, state.at.date);
  if (state.at?.kind === 'baseline') params.set(PARAM.baseline, state.at.id);
  if (state.cell) params.set(PARAM.cell, `${state.cell.likelihood}-${state.cell.consequence}`);
  if (state.sort) params.set(PARAM.sort, `${state.sort.field}.${state.sort.direction === 'DESC' ? 'desc' : 'asc'}`);
  if (state.compareTo) params.set(PARAM.compareTo, writePoint(state.compareTo));
  return params;
}

/** The server-side filter of the state; the cell only when the caller shows one cell's risks. */
export function riskFilterOf(state: RiskViewState, { withCell = false } = {}): RiskFilterInput {
  const filter: RiskFilterInput = {};
  if (state.areaIds.length) filter.areaIds = state.areaIds;
  if (state.municipalityIds.length) filter.municipalityIds = state.municipalityIds;
  if (state.statuses.length) filter.statuses = state.statuses;
  if (state.search.trim()) filter.search = state.search.trim();
  if (withCell && state.cell) {
    filter.levelBasis = state.basis;
    filter.likelihood = state.cell.likelihood;
    filter.consequence = state.cell.consequence;
  }
  return filter;
}

/** The same view as a query string (with '?'), for links between the workspace's pages. */
export function riskViewSearch(state: RiskViewState): string {
  const search = writeRiskViewState(state).toString();
  return search ? `?${search}` : '';
}

/**
 * The view of the current URL and a function that changes part of it. A change pushes a history
 * entry, so the browser's back button steps back through filter changes. It also drops a paged
 * list's cursor: a cursor belongs to one filter and order, and the register would otherwise
 * ask for "the rows after X" of a list X is not in.
 */
export function useRiskViewState(): [RiskViewState, (change: Partial<RiskViewState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readRiskViewState(params), [params]);
  const update = useCallback(
    (change: Partial<RiskViewState>) =>
      setParams((current) => {
        const next = writeRiskViewState({ ...readRiskViewState(current), ...change }, current);
        next.delete(CURSOR_PARAM);
        return next;
      }),
    [setParams],
  );
  return [state, update];
}
