import { Prisma, type Milestone, type Municipality, type RiskLevel } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { isoDate, osloDate, osloStartOfDay } from '../../graphql/dates.ts';
import { toId } from '../../graphql/writes.ts';
import { levelOf } from '../risk/criteria.service.ts';
import { readiness, type MunicipalityReadinessView } from './readiness.ts';
import { addMonths, readOverviewSettings, type OverviewSettingsView } from './settings.ts';

// The overview's own figures. Each is computed on demand by its field, in a fixed number of
// statements; what two fields share (the settings, the municipalities) is read once per request.

export interface OverviewView {
  asOf: string;
  municipalityId: number | null;
  settings: () => Promise<OverviewSettingsView>;
  municipalities: () => Promise<Municipality[]>;
}

export function overview(ctx: Context, municipalityId: string | null | undefined): OverviewView {
  const id = municipalityId === null || municipalityId === undefined ? null : toId(municipalityId, ['municipalityId']);
  return { asOf: osloDate(), municipalityId: id, settings: once(() => readOverviewSettings(ctx.prisma)), municipalities: once(() => overviewMunicipalities(ctx, id)) };
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= load());
}

/** The participating live municipalities (or the one asked for), in Norwegian name order. */
async function overviewMunicipalities(ctx: Context, id: number | null): Promise<Municipality[]> {
  const rows = await ctx.prisma.municipality.findMany({ where: { deletedAt: null, ...(id === null ? { participates: true } : { id }) } });
  return rows.sort((a, b) => norwegianSortKey(a.name).localeCompare(norwegianSortKey(b.name)));
}

export async function dataUpdatedAt(ctx: Context): Promise<string | null> {
  // Each max() is one descent of an index on the column (or a scan of a small table).
  const [row] = await ctx.prisma.$queryRaw<{ at: Date | null }[]>`
    SELECT GREATEST(
      (SELECT max("updated_at") FROM "archive_series"), (SELECT max("updated_at") FROM "risk"),
      (SELECT max("assessed_at") FROM "risk_assessment"), (SELECT max("updated_at") FROM "measure"),
      (SELECT max("updated_at") FROM "finding"), (SELECT max("updated_at") FROM "milestone")) AS "at"`;
  return row?.at ? new Date(row.at).toISOString() : null;
}

export interface NextMilestoneView {
  milestone: Milestone;
  daysUntil: number;
  approximate: boolean;
}

export async function nextMilestone(ctx: Context, today: string): Promise<NextMilestoneView | null> {
  const milestone = await ctx.prisma.milestone.findFirst({
    where: { deletedAt: null, status: 'PLANNED', dateEnd: { gte: new Date(`${today}T00:00:00Z`) } },
    orderBy: [{ dateStart: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
  });
  if (!milestone) return null;
  const days = Math.round((Date.parse(`${isoDate(milestone.dateStart)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { milestone, daysUntil: Math.max(0, days), approximate: milestone.datePrecision !== 'DAY' };
}

type LevelCounts = Record<'low' | 'medium' | 'high', number>;
export interface RiskProfileMonthView {
  month: string;
  inherent: LevelCounts;
  residual: LevelCounts;
}

const PROFILE_MONTHS = 24;

/**
 * Live risks by level at the end of each month: for every month, each risk's latest assessment
 * up to then (one statement over the assessment history), classified under the criteria in
 * force on the month's last day (or today for the current month).
 */
export async function riskProfile(ctx: Context, view: OverviewView): Promise<RiskProfileMonthView[]> {
  const [first] = await ctx.prisma.$queryRaw<{ at: Date | null }[]>`SELECT min("assessed_at") AS "at" FROM "risk_assessment"`;
  if (!first?.at) return [];
  const thisMonth = `${view.asOf.slice(0, 7)}-01`;
  const firstMonth = `${osloDate(new Date(first.at)).slice(0, 7)}-01`;
  let start = addMonths(thisMonth, -(PROFILE_MONTHS - 1));
  if (start < firstMonth) start = firstMonth;
  const months: string[] = [];
  for (let m = start; m <= thisMonth; m = addMonths(m, 1)) months.push(m);
  const ends = months.map((m) => osloStartOfDay(addMonths(m, 1)).toISOString());
  const scope = view.municipalityId === null
    ? Prisma.empty
    : Prisma.sql`AND (r."applies_to_all" OR EXISTS (SELECT 1 FROM "risk_municipality" rm WHERE rm."risk_id" = r."id" AND rm."municipality_id" = ${view.municipalityId}::int))`;
  const rows = await ctx.prisma.$queryRaw<{ month: string; il: number; ic: number; rl: number | null; rc: number | null }[]>`
    SELECT to_char(m."month", 'YYYY-MM-DD') AS "month", a."il", a."ic", a."rl", a."rc"
    FROM unnest(${months}::date[], ${ends}::timestamptz[]) AS m("month", "end")
    CROSS JOIN LATERAL (
      SELECT DISTINCT ON (ra."risk_id") ra."inherent_likelihood" AS "il", ra."inherent_consequence" AS "ic",
        ra."residual_likelihood" AS "rl", ra."residual_consequence" AS "rc"
      FROM "risk_assessment" ra JOIN "risk" r ON r."id" = ra."risk_id"
      WHERE ra."assessed_at" < m."end" AND (r."deleted_at" IS NULL OR r."deleted_at" >= m."end") ${scope}
      ORDER BY ra."risk_id", ra."assessed_at" DESC, ra."id" DESC
    ) a`;
  const versions = await ctx.loaders.criteriaVersions.load('all');
  return months.map((month, i) => {
    const current = i === months.length - 1;
    const next = addMonths(month, 1);
    const criteria = versions.filter((v) => (current ? v.validFrom <= view.asOf : v.validFrom < next)).at(-1) ?? null;
    const out: RiskProfileMonthView = { month, inherent: zero(), residual: zero() };
    for (const row of rows.filter((r) => r.month === month)) {
      count(out.inherent, levelOf(criteria, row.il, row.ic));
      count(out.residual, levelOf(criteria, row.rl ?? row.il, row.rc ?? row.ic));
    }
    return out;
  });
}

const zero = (): LevelCounts => ({ low: 0, medium: 0, high: 0 });
function count(counts: LevelCounts, level: RiskLevel | null): void {
  if (level === 'LOW') counts.low++;
  else if (level === 'MEDIUM') counts.medium++;
  else if (level === 'HIGH') counts.high++;
}

export async function overviewReadiness(ctx: Context, view: OverviewView): Promise<MunicipalityReadinessView[]> {
  const [municipalities, settings] = await Promise.all([view.municipalities(), view.settings()]);
  return readiness(ctx.prisma, municipalities, settings, view.asOf);
}

const STATUSES = ['AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE', 'UAKTUELLE_MAPPER'] as const;
const MEDIA = ['FYSISK', 'ELEKTRONISK', 'BLANDET'] as const;

export interface MunicipalitySeriesCountsView {
  municipality: Municipality;
  total: number;
  byStatus: { status: (typeof STATUSES)[number]; count: number }[];
  byMedium: { medium: (typeof MEDIA)[number]; count: number }[];
}

/** Both breakdowns in one GROUPING SETS pass over the facet summary. */
export async function seriesCounts(ctx: Context, view: OverviewView): Promise<MunicipalitySeriesCountsView[]> {
  const municipalities = await view.municipalities();
  if (municipalities.length === 0) return [];
  const rows = await ctx.prisma.$queryRaw<{ municipality_id: number; status: string | null; medium: string | null; n: number }[]>`
    SELECT f."municipality_id", f."status"::text AS "status", f."document_medium"::text AS "medium", sum(f."count")::int AS "n"
    FROM "archive_series_facet_count" f
    WHERE f."municipality_id" = ANY(${municipalities.map((m) => m.id)}::int[])
    GROUP BY GROUPING SETS ((f."municipality_id", f."status"), (f."municipality_id", f."document_medium"))`;
  return municipalities.map((municipality) => {
    const own = rows.filter((r) => r.municipality_id === municipality.id);
    const byStatus = STATUSES.map((status) => ({ status, count: own.find((r) => r.status === status)?.n ?? 0 }));
    const byMedium = MEDIA.map((medium) => ({ medium, count: own.find((r) => r.medium === medium)?.n ?? 0 }));
    return { municipality, total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus, byMedium };
  });
}
