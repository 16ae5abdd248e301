import { Prisma, type ArchiveSeries, type Municipality, type PrismaClient, type TargetSeries } from '@samarkiv/db';
import { ARCHIVE_SERIES_STATUS, norwegianSortKey, RETENTION_DECISION } from '@samarkiv/shared';
import { isoDate, osloDate } from '../../graphql/dates.ts';
import { AppError } from '../../graphql/errors.ts';
import { toId } from '../../graphql/writes.ts';

/**
 * The document centre's cut-over (driftsstart): from this day the municipalities' older series
 * should be closed and new cases go into the common archive. Hard-coded here, the one place,
 * until there is a settings API; the grid reports it as `cutoverDate`.
 */
export const SERIES_CUTOVER_DATE = '2026-01-01';

/** Series shown per cell; the cell's count says how many there are. */
export const CELL_SERIES_LIMIT = 10;

export type ComparisonDifference = 'MISSING' | 'RETENTION_DECISION_DIFFERS' | 'CLASSIFICATION_TYPE_DIFFERS' | 'ACTIVE_AFTER_CUTOVER';
type Status = keyof typeof ARCHIVE_SERIES_STATUS;
type Decision = keyof typeof RETENTION_DECISION;

export interface ComparisonCellView {
  municipality: Municipality;
  series: ArchiveSeries[];
  seriesCount: number;
  statuses: Status[];
  retentionDecisions: Decision[];
  retentionDecisionMissing: boolean;
  classificationTypes: string[];
  periodStart: string | null;
  periodEnd: string | null;
  differences: ComparisonDifference[];
}

export interface ComparisonRowView {
  targetSeries: TargetSeries;
  commonRetentionDecision: Decision | null;
  commonClassificationType: string | null;
  cells: ComparisonCellView[];
}

export interface ComparisonColumnView {
  municipality: Municipality;
  unmappedSeriesCount: number;
}

export interface ComparisonView {
  cutoverDate: string;
  columns: ComparisonColumnView[];
  rows: ComparisonRowView[];
}

interface CellAggregate {
  targetId: number;
  municipalityId: number;
  n: number;
  statuses: string[];
  decisions: string[];
  decisionMissing: boolean;
  types: string[];
  periodStart: Date;
  periodEnd: Date | null;
  activeAfterCutover: number;
}

const STATUS_ORDER = Object.keys(ARCHIVE_SERIES_STATUS) as Status[];
const DECISION_ORDER = Object.keys(RETENTION_DECISION) as Decision[];

/**
 * The grid in six statements whatever its size: target series, municipalities, one grouped
 * aggregate over the mapped series, the ids of the first series of each cell (a window), those
 * series, and the unmapped counts. The differences are then worked out from the aggregates.
 */
export async function buildComparison(prisma: PrismaClient, today: string = osloDate()): Promise<ComparisonView> {
  const targets = await prisma.targetSeries.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: 'asc' }, { titleSortKey: 'asc' }, { id: 'asc' }] });
  const municipalities = (await prisma.municipality.findMany({ where: { deletedAt: null, participates: true } })).sort(
    (a, b) => byNorwegian(a.name, b.name) || a.id - b.id,
  );
  const municipalityIds = municipalities.map((m) => m.id);
  if (targets.length === 0 || municipalityIds.length === 0) {
    return { cutoverDate: SERIES_CUTOVER_DATE, columns: municipalities.map((municipality) => ({ municipality, unmappedSeriesCount: 0 })), rows: targets.map((targetSeries) => ({ targetSeries, commonRetentionDecision: null, commonClassificationType: null, cells: [] })) };
  }
  const inMunicipalities = Prisma.join(municipalityIds.map((id) => Prisma.sql`${id}::int`));
  // Only after the cut-over is an active older series a difference; before it, it is expected.
  const cutoverPassed = today >= SERIES_CUTOVER_DATE;
  const cutover = new Date(`${SERIES_CUTOVER_DATE}T00:00:00Z`);

  const aggregates = await prisma.$queryRaw<CellAggregate[]>`
    SELECT s."target_series_id" AS "targetId", s."municipality_id" AS "municipalityId", count(*)::int AS "n",
      array_agg(DISTINCT s."status"::text) AS "statuses",
      array_remove(array_agg(DISTINCT s."retention_decision"::text), NULL) AS "decisions",
      bool_or(s."retention_decision" IS NULL) AS "decisionMissing",
      array_remove(array_agg(DISTINCT s."classification_type"), NULL) AS "types",
      min(s."period_start") AS "periodStart",
      CASE WHEN bool_or(s."period_end" IS NULL) THEN NULL ELSE max(s."period_end") END AS "periodEnd",
      count(*) FILTER (WHERE s."status" = 'AKTIV_PERIODE' AND NOT s."is_continuous" AND s."period_start" < ${cutover}::date)::int AS "activeAfterCutover"
    FROM "archive_series" s
    JOIN "target_series" t ON t."id" = s."target_series_id" AND t."deleted_at" IS NULL
    WHERE s."deleted_at" IS NULL AND s."municipality_id" IN (${inMunicipalities})
    GROUP BY s."target_series_id", s."municipality_id"`;

  const firstIds = await prisma.$queryRaw<{ id: number }[]>`
    SELECT x."id" FROM (
      SELECT s."id", row_number() OVER (PARTITION BY s."target_series_id", s."municipality_id" ORDER BY s."period_start" DESC, s."id" DESC) AS "rank"
      FROM "archive_series" s
      WHERE s."deleted_at" IS NULL AND s."target_series_id" IS NOT NULL AND s."municipality_id" IN (${inMunicipalities})
    ) x WHERE x."rank" <= ${CELL_SERIES_LIMIT}`;
  const shown = firstIds.length === 0 ? [] : await prisma.archiveSeries.findMany({ where: { id: { in: firstIds.map((r) => r.id) } }, orderBy: [{ periodStart: 'desc' }, { id: 'desc' }] });

  const unmapped = await prisma.archiveSeries.groupBy({ by: ['municipalityId'], where: { deletedAt: null, targetSeriesId: null, municipalityId: { in: municipalityIds } }, _count: { _all: true } });

  const key = (targetId: number, municipalityId: number) => `${targetId}:${municipalityId}`;
  const aggregateOf = new Map(aggregates.map((a) => [key(a.targetId, a.municipalityId), a]));
  const seriesOf = new Map<string, ArchiveSeries[]>();
  for (const row of shown) {
    const k = key(row.targetSeriesId!, row.municipalityId);
    seriesOf.set(k, [...(seriesOf.get(k) ?? []), row]);
  }

  const rows = targets.map((targetSeries): ComparisonRowView => {
    const present = municipalities.map((m) => aggregateOf.get(key(targetSeries.id, m.id)));
    const commonRetentionDecision = mostCommon(present.map((a) => a?.decisions ?? []), DECISION_ORDER) as Decision | null;
    const commonClassificationType = mostCommon(present.map((a) => a?.types ?? []));
    const cells = municipalities.map((municipality, i): ComparisonCellView => {
      const a = present[i];
      if (!a) {
        return { municipality, series: [], seriesCount: 0, statuses: [], retentionDecisions: [], retentionDecisionMissing: false, classificationTypes: [], periodStart: null, periodEnd: null, differences: ['MISSING'] };
      }
      const differences: ComparisonDifference[] = [];
      if (commonRetentionDecision && a.decisions.some((d) => d !== commonRetentionDecision)) differences.push('RETENTION_DECISION_DIFFERS');
      if (commonClassificationType && a.types.some((t) => t !== commonClassificationType)) differences.push('CLASSIFICATION_TYPE_DIFFERS');
      if (cutoverPassed && a.activeAfterCutover > 0) differences.push('ACTIVE_AFTER_CUTOVER');
      return {
        municipality,
        series: seriesOf.get(key(targetSeries.id, municipality.id)) ?? [],
        seriesCount: a.n,
        statuses: ordered(a.statuses, STATUS_ORDER) as Status[],
        retentionDecisions: ordered(a.decisions, DECISION_ORDER) as Decision[],
        retentionDecisionMissing: a.decisionMissing,
        classificationTypes: [...a.types].sort(byNorwegian),
        periodStart: isoDate(a.periodStart),
        periodEnd: isoDate(a.periodEnd),
        differences,
      };
    });
    return { targetSeries, commonRetentionDecision, commonClassificationType, cells };
  });

  const columns = municipalities.map((municipality) => ({ municipality, unmappedSeriesCount: unmapped.find((u) => u.municipalityId === municipality.id)?._count._all ?? 0 }));
  return { cutoverDate: SERIES_CUTOVER_DATE, columns, rows };
}

/**
 * The value held by the most cells (each cell counts a value once); ties go to the earlier value
 * in `order` (code-list order), else the earlier in Norwegian order. Null when no cell has one.
 */
function mostCommon(perCell: string[][], order?: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const values of perCell) for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rank = (value: string) => (order ? order.indexOf(value) : 0);
  const sorted = [...counts].sort(([a, n], [b, m]) => m - n || rank(a) - rank(b) || byNorwegian(a, b));
  return sorted[0]?.[0] ?? null;
}

/** Norwegian order by plain comparison of the sort keys (localeCompare would reorder them). */
function byNorwegian(a: string, b: string): number {
  const x = norwegianSortKey(a);
  const y = norwegianSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function ordered(values: string[], order: readonly string[]): string[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export const UNMAPPED_PAGE_MAX = 100;

/** A municipality's live unmapped series in Norwegian title order (the picker of an empty cell). */
export async function listUnmappedSeries(prisma: PrismaClient, municipalityId: string, first: number | null | undefined): Promise<ArchiveSeries[]> {
  const take = first ?? UNMAPPED_PAGE_MAX;
  if (!Number.isInteger(take) || take < 1 || take > UNMAPPED_PAGE_MAX) throw new AppError('BAD_PAGE_SIZE', undefined, { path: ['first'] });
  return prisma.archiveSeries.findMany({
    where: { municipalityId: toId(municipalityId, ['municipalityId']), deletedAt: null, targetSeriesId: null },
    orderBy: [{ titleSortKey: 'asc' }, { id: 'asc' }],
    take,
  });
}
