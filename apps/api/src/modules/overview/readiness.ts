import { Prisma, type Municipality, type PrismaClient } from '@samarkiv/db';
import type { OverviewSettingsView } from './settings.ts';

// Go-live readiness per municipality, computed from the series, never typed in. Two statements
// whatever the number of series: the three measures the facet summary holds the answer to
// (retention, restriction basis, mapping) are summed from archive_series_facet_count (some ten
// thousand rows at a million series); the two that need the period, the continuity flag and the
// successor (closed at the cut-over, succeeded) read the periodised series that began before the
// cut-over, grouped by municipality in one pass.

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
type PeriodRow = { municipality_id: number; periodised: number; closed: number; succeeded: number };

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
    prisma.$queryRaw<PeriodRow[]>`
      SELECT s."municipality_id",
        count(*)::int AS "periodised",
        count(*) FILTER (WHERE s."status"::text = ANY(${closed}::text[]))::int AS "closed",
        count(n."id") FILTER (WHERE s."status"::text = ANY(${closed}::text[]))::int AS "succeeded"
      FROM "archive_series" s
      LEFT JOIN "archive_series" n ON n."id" = s."successor_id" AND n."deleted_at" IS NULL AND n."period_start" >= ${settings.cutOverDate}::date
      WHERE s."municipality_id" = ANY(${ids}::int[]) AND s."deleted_at" IS NULL AND s."status" <> 'UAKTUELLE_MAPPER'::"ArchiveSeriesStatus"
        AND NOT s."is_continuous" AND s."period_start" < ${settings.cutOverDate}::date
      GROUP BY 1`,
  ]);
  return municipalities.map((municipality) => {
    const s = summary.find((row) => row.municipality_id === municipality.id);
    const p = periods.find((row) => row.municipality_id === municipality.id);
    const measures: ReadinessMeasureView[] = [
      measure('RETENTION_DECIDED', s?.decided ?? 0, s?.total ?? 0),
      measure('RESTRICTIONS_GROUNDED', s?.grounded ?? 0, s?.restricted ?? 0),
      measure('CLOSED_AT_CUT_OVER', p?.closed ?? 0, p?.periodised ?? 0),
      measure('SUCCEEDED', p?.succeeded ?? 0, p?.closed ?? 0),
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
