import type { Municipality, OperatingFigure } from '@samarkiv/db';
import { monthRule, norwegianSortKey, OPERATING_FIGURE_COLUMN, operatingFigureValueRule, setOperatingFigureRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { osloDate } from '../../graphql/dates.ts';
import { AppError } from '../../graphql/errors.ts';
import { parseInput } from '../../graphql/validation.ts';
import { holdsRoleIn } from '../../graphql/writes.ts';
import { deny, recordAudit } from '../audit/audit.service.ts';

// driftstall: monthly figures per municipality. Coordinators report for their own
// municipalities, ADMIN for any; everyone reads them. A month is stored as its first day.

export type FigureValues = Pick<OperatingFigure, 'incomingPost' | 'journalEntries' | 'medianRegistrationDays' | 'overdueItems' | 'digitalOutgoingPercent'>;
export const FIGURE_COLUMNS = Object.values(OPERATING_FIGURE_COLUMN) as (keyof FigureValues)[];

export interface FigureRowView extends FigureValues {
  id: string;
  municipality: Municipality;
  month: string;
}

const EMPTY: FigureValues = { incomingPost: null, journalEntries: null, medianRegistrationDays: null, overdueItems: null, digitalOutgoingPercent: null };
export const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);
export const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const byName = (a: Municipality, b: Municipality) => norwegianSortKey(a.name).localeCompare(norwegianSortKey(b.name)) || a.id - b.id;

export function rowView(municipality: Municipality, month: string, figure: FigureValues | null): FigureRowView {
  const values = figure ? Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, figure[c]])) as FigureValues : EMPTY;
  return { id: `${municipality.id}:${month}`, municipality, month, ...values };
}

export function parseMonth(value: string, path: (string | number)[] = ['month']): string {
  const parsed = monthRule.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues[0]!.message, { path });
  return parsed.data;
}

export async function monthGrid(ctx: Context, monthInput: string): Promise<FigureRowView[]> {
  const month = parseMonth(monthInput);
  const [municipalities, figures] = await Promise.all([
    ctx.prisma.municipality.findMany({ where: { deletedAt: null, participates: true } }),
    ctx.prisma.operatingFigure.findMany({ where: { month: monthDate(month) } }),
  ]);
  const byMunicipality = new Map(figures.map((f) => [f.municipalityId, f]));
  return municipalities.sort(byName).map((m) => rowView(m, month, byMunicipality.get(m.id) ?? null));
}

/** The last `count` months up to this Oslo month, oldest first, summed over the municipalities. */
export async function trend(ctx: Context, count: number) {
  if (!Number.isInteger(count) || count < 1 || count > 36) throw new AppError('VALIDATION_FAILED', 'Velg mellom 1 og 36 måneder.', { path: ['months'] });
  const [year, month] = osloDate().slice(0, 7).split('-').map(Number) as [number, number];
  const months = Array.from({ length: count }, (_, i) => monthOf(new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1))));
  const figures = await ctx.prisma.operatingFigure.findMany({ where: { month: { gte: monthDate(months[0]!), lte: monthDate(months.at(-1)!) }, municipality: { deletedAt: null } } });
  return months.map((m) => summarise(m, figures.filter((f) => monthOf(f.month) === m)));
}

function summarise(month: string, rows: FigureValues[]) {
  const sum = (column: 'incomingPost' | 'journalEntries' | 'overdueItems') => {
    const values = rows.map((r) => r[column]).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  const weighted = rows.filter((r) => r.medianRegistrationDays !== null && r.incomingPost !== null && r.incomingPost > 0);
  const weight = weighted.reduce((a, r) => a + r.incomingPost!, 0);
  const shares = rows.map((r) => r.digitalOutgoingPercent).filter((v): v is number => v !== null);
  return {
    month,
    incomingPost: sum('incomingPost'),
    journalEntries: sum('journalEntries'),
    overdueItems: sum('overdueItems'),
    medianRegistrationDays: weight ? round(weighted.reduce((a, r) => a + r.medianRegistrationDays! * r.incomingPost!, 0) / weight) : null,
    digitalOutgoingPercent: shares.length ? round(shares.reduce((a, b) => a + b, 0) / shares.length) : null,
    municipalitiesReporting: rows.filter((r) => FIGURE_COLUMNS.some((c) => r[c] !== null)).length,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Refuses (and audits the refusal) unless the caller is ADMIN or a coordinator of the municipality. */
export async function assertMayReport(ctx: Context, municipalityId: number, what: string): Promise<void> {
  if (!holdsRoleIn(ctx, ['COORDINATOR'], municipalityId)) await deny(ctx, what, { municipalityId, required: ['COORDINATOR'] });
}

export async function setFigure(ctx: Context, input: unknown): Promise<FigureRowView> {
  const data = parseInput(setOperatingFigureRules, input);
  const column = OPERATING_FIGURE_COLUMN[data.field];
  if (data.value !== null) {
    const checked = operatingFigureValueRule(data.field).safeParse(data.value);
    if (!checked.success) throw new AppError('VALIDATION_FAILED', checked.error.issues[0]!.message, { path: ['input', 'value'] });
  }
  if (data.month > osloDate().slice(0, 7)) throw new AppError('VALIDATION_FAILED', 'Måneden er ikke begynt ennå.', { path: ['input', 'month'] });
  await assertMayReport(ctx, data.municipalityId, 'setOperatingFigure');
  return ctx.prisma.$transaction(async (tx) => {
    const municipality = await tx.municipality.findFirst({ where: { id: data.municipalityId, deletedAt: null } });
    if (!municipality) throw new AppError('VALIDATION_FAILED', 'Velg en kommune som finnes.', { path: ['input', 'municipalityId'] });
    const key = { municipalityId_month: { municipalityId: data.municipalityId, month: monthDate(data.month) } };
    const before = await tx.operatingFigure.findUnique({ where: key });
    // Only the one column: an upsert is one statement, so two people on the same row lose nothing.
    const after = await tx.operatingFigure.upsert({
      where: key,
      create: { municipalityId: data.municipalityId, month: monthDate(data.month), [column]: data.value },
      update: { [column]: data.value, version: { increment: 1 } },
    });
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entityType: 'OperatingFigure', entityId: after.id, before, after });
    return rowView(municipality, data.month, after);
  });
}
