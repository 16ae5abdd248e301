import { Prisma, type Municipality, type PrismaClient } from '@samarkiv/db';
import type { OverviewSettingsView } from './settings.ts';

// Go-live readiness per municipality, computed from the series, never typed in, from two
// summaries kept by triggers in the writing transaction, so the cost does not grow with the
// number of series: retention, restriction basis and mapping are summed from
// archive_series_facet_count (some ten thousand rows at a million series); closed at the
// cut-over and succeeded from archive_series_readiness_count (the periodised series that began
// before the cut-over, by municipality, status and whether a live successor begins on or after
// it: a few rows per municipality). The readiness summary counts against the cut-over date the
// database reads from app_setting; should that ever differ from the settings read here, the two
// measures are counted from the series instead (the pass the summary replaced).

export const READINESS_KEYS = ['RETENTION_DECIDED', 'RESTRICTIONS_GROUNDED', 'CLOSED_AT_CUT_OVER', 'SUCCEEDED', 'MAPPED'] as const;
export type ReadinessKey = (typeof READINESS_KEYS)[number];

export interface ReadinessMeasureView {
  key: ReadinessKey;
  met: number;
  total: number;
  share: number | null;
}

export interface MunicipalityReadinessView {
  municipality: Municipality;
  seriesCount: number;
  measures: ReadinessMeasureView[];
  overall: number | null;
  weakest: ReadinessKey | null;
}

/**
 * The statuses a periodised series that began before the cut-over must have to count as closed:
 * Overlappingsperiode or Avsluttet periode until the overlap window has passed, then only
 * Avsluttet periode.
 */
export function closedStatuses(settings: OverviewSettingsView, today: string): string[] {
  return today < settings.overlapEndsOn ? ['OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE'] : ['AVSLUTTET_PERIODE'];
}

type SummaryRow = { municipality_id: number; total: number; decided: number; restricted: number; grounded: number; mapped: number };
/** Periodised series that began before the cut-over, of one status, succeeded or not. */
type PeriodRow = { municipality_id: number; status: string; succeeded: boolean; n: number };

export async function readiness(prisma: PrismaClient, municipalities: Municipality[], settings: OverviewSettingsView, today: string): Promise<MunicipalityReadinessView[]> {
  if (municipalities.length === 0) return [];
  const ids = municipalities.map((m) => m.id);
  const counted = Prisma.sql`f."status" <> 'UAKTUELLE_MAPPER'::"ArchiveSeriesStatus"`;
  const closed = closedStatuses(settings, today);
  const [summary, periods] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>`
      SELECT f."municipality_id",
        COALESCE(sum(f."count") FILTER (WHERE ${counted}), 0)::int AS "total",
        COALESCE(sum(f."count") FILTER (WHERE ${counted} AND f."retention_decision" IN ('BEVARES', 'KASSERES')), 0)::int AS "decided",
        COALESCE(sum(f."count") FILTER (WHERE ${counted} AND f."restricted"), 0)::int AS "restricted",
        COALESCE(sum(f."count") FILTER (WHERE ${counted} AND f."restricted" AND f."restriction_basis" <> ''), 0)::int AS "grounded",
        COALESCE(sum(f."count") FILTER (WHERE ${counted} AND f."target_series_id" <> 0), 0)::int AS "mapped"
      FROM "archive_series_facet_count" f
      WHERE f."municipality_id" = ANY(${ids}::int[])
      GROUP BY 1`,
    periodCounts(prisma, ids, settings),
  ]);
  return municipalities.map((municipality) => {
    const s = summary.find((row) => row.municipality_id === municipality.id);
    const rows = periods.filter((row) => row.municipality_id === municipality.id);
    const closedRows = rows.filter((row) => closed.includes(row.status));
    const p = {
      periodised: rows.reduce((sum, row) => sum + row.n, 0),
      closed: closedRows.reduce((sum, row) => sum + row.n, 0),
      succeeded: closedRows.reduce((sum, row) => sum + (row.succeeded ? row.n : 0), 0),
    };
    const measures: ReadinessMeasureView[] = [
      measure('RETENTION_DECIDED', s?.decided ?? 0, s?.total ?? 0),
      measure('RESTRICTIONS_GROUNDED', s?.grounded ?? 0, s?.restricted ?? 0),
      measure('CLOSED_AT_CUT_OVER', p.closed, p.periodised),
      measure('SUCCEEDED', p.succeeded, p.closed),
      measure('MAPPED', s?.mapped ?? 0, s?.total ?? 0),
    ];
    const shares = measures.filter((m): m is ReadinessMeasureView & { share: number } => m.share !== null);
    const overall = shares.length === 0 ? null : shares.reduce((sum, m) => sum + m.share, 0) / shares.length;
    const weakest = shares.reduce<(typeof shares)[number] | null>((low, m) => (low === null || m.share < low.share ? m : low), null);
    return { municipality, seriesCount: s?.total ?? 0, measures, overall, weakest: weakest?.key ?? null };
  });
}

function measure(key: ReadinessKey, met: number, total: number): ReadinessMeasureView {
  return { key, met, total, share: total === 0 ? null : met / total };
}

/**
 * The periodised series that began before the cut-over, by municipality, status and succeeded,
 * from the readiness summary when it counts against the same cut-over date, else from the series.
 */
async function periodCounts(prisma: PrismaClient, ids: number[], settings: OverviewSettingsView): Promise<PeriodRow[]> {
  const rows = await prisma.$queryRaw<(PeriodRow & { basis: string })[]>`
    SELECT b."basis", r."municipality_id", r."status"::text AS "status", r."succeeded", r."count" AS "n"
    FROM (SELECT to_char("archive_series_readiness_cut_over"(), 'YYYY-MM-DD') AS "basis") b
    LEFT JOIN "archive_series_readiness_count" r
      ON r."municipality_id" = ANY(${ids}::int[]) AND r."status" <> 'UAKTUELLE_MAPPER'::"ArchiveSeriesStatus"`;
  if (rows[0]?.basis === settings.cutOverDate) return rows.filter((row) => row.municipality_id !== null);
  return prisma.$queryRaw<PeriodRow[]>`
    SELECT s."municipality_id", s."status"::text AS "status",
      COALESCE(n."id" IS NOT NULL AND n."deleted_at" IS NULL AND n."period_start" >= ${settings.cutOverDate}::date, false) AS "succeeded", count(*)::int AS "n"
    FROM "archive_series" s LEFT JOIN "archive_series" n ON n."id" = s."successor_id"
    WHERE s."municipality_id" = ANY(${ids}::int[]) AND s."deleted_at" IS NULL AND NOT s."is_continuous"
      AND s."period_start" < ${settings.cutOverDate}::date AND s."status" <> 'UAKTUELLE_MAPPER'::"ArchiveSeriesStatus"
    GROUP BY 1, 2, 3`;
}
