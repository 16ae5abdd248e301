import { norwegianSortKey } from '@samarkiv/shared';
import type { Sql } from '../sql.ts';
import { ARCHIVES, PROFILES, archiveSeriesOf } from './archiveSeries/index.ts';
import { demoUuid } from './archiveSeries/random.ts';
import { insertRows } from './insert.ts';
import type { ArchiveSeriesSeed } from './types.ts';
import { type MunicipalityIds, idOf } from './writeOrganisation.ts';

interface ArchiveIds {
  archive: ReadonlyMap<number, number>;
  /** `${municipalityId}/${creatorId}` → archive_creator.id */
  creator: ReadonlyMap<string, number>;
}

export async function writeArchives(sql: Sql, now: string, municipalities: MunicipalityIds): Promise<ArchiveIds> {
  const archives = await insertRows<{ id: number; municipality_id: number }>(
    sql,
    'archive',
    ['municipality_id', 'system_id', 'title', 'description', 'document_medium', 'updated_at'],
    ARCHIVES.map((a) => [idOf(municipalities, a.municipality), demoUuid(`${a.municipality}/arkiv`), a.title, a.description, a.documentMedium, now]),
    'id, municipality_id',
  );
  const archive = new Map(archives.map((r) => [r.municipality_id, r.id]));
  const creators = await insertRows<{ id: number; municipality_id: number; creator_id: string }>(
    sql,
    'archive_creator',
    ['municipality_id', 'archive_id', 'creator_id', 'name', 'description', 'updated_at'],
    ARCHIVES.flatMap((a) => {
      const municipalityId = idOf(municipalities, a.municipality);
      return a.creators.map((c) => [municipalityId, idOf(archive, municipalityId), c.creatorId, c.name, c.description, now]);
    }),
    'id, municipality_id, creator_id',
  );
  return { archive, creator: new Map(creators.map((r) => [`${r.municipality_id}/${r.creator_id}`, r.id])) };
}

const SERIES_COLUMNS = [
  'municipality_id', 'archive_id', 'archive_creator_id', 'system_id', 'identifier', 'title', 'title_sort_key',
  'description', 'status', 'document_medium', 'period_start', 'period_end', 'is_continuous', 'classification_type',
  'retention_decision', 'retention_years', 'retention_basis', 'access_restriction', 'restriction_basis',
  'storage_location', 'extent_files', 'extent_records', 'extent_shelf_metres', 'system', 'deposit_status',
  'deposit_date', 'target_series_id', 'updated_at',
] as const;

/** Writes every municipality's catalogue, then links the periods (M202/M203) in one UPDATE. */
export async function writeArchiveSeries(
  sql: Sql,
  now: string,
  municipalities: MunicipalityIds,
  archives: ArchiveIds,
  targets: ReadonlyMap<string, number>,
): Promise<number> {
  const all = PROFILES.flatMap(archiveSeriesOf);
  const rows = all.map((s) => seriesRow(s, now, municipalities, archives, targets));
  const inserted = await insertRows<{ id: number; municipality_id: number; identifier: string }>(
    sql, 'archive_series', SERIES_COLUMNS, rows, 'id, municipality_id, identifier',
  );
  const ids = new Map(inserted.map((r) => [`${r.municipality_id}/${r.identifier}`, r.id]));
  const links: [number, number][] = [];
  for (const s of all) {
    if (!s.predecessor) continue;
    const municipalityId = idOf(municipalities, s.municipality);
    links.push([idOf(ids, `${municipalityId}/${s.identifier}`), idOf(ids, `${municipalityId}/${s.predecessor}`)]);
  }
  await linkPeriods(sql, links);
  return inserted.length;
}

function seriesRow(s: ArchiveSeriesSeed, now: string, municipalities: MunicipalityIds, archives: ArchiveIds, targets: ReadonlyMap<string, number>): unknown[] {
  const municipalityId = idOf(municipalities, s.municipality);
  return [
    municipalityId, idOf(archives.archive, municipalityId), idOf(archives.creator, `${municipalityId}/${s.creatorId}`),
    s.systemId, s.identifier, s.title, norwegianSortKey(s.title), s.description, s.status, s.documentMedium,
    s.periodStart, s.periodEnd, s.isContinuous, s.classificationType, s.retentionDecision, s.retentionYears,
    s.retentionBasis, s.accessRestriction, s.restrictionBasis, s.storageLocation, s.extentFiles, s.extentRecords,
    s.extentShelfMetres, s.system, s.depositStatus, s.depositDate, s.targetSeries ? idOf(targets, s.targetSeries) : null, now,
  ];
}

// Each link is written from both ends (M202 on the successor, M203 on the predecessor), in two
// statements: in one UPDATE ... FROM a middle period would match two links and keep only one.
async function linkPeriods(sql: Sql, links: readonly [successor: number, predecessor: number][]): Promise<void> {
  for (let start = 0; start < links.length; start += 5000) {
    const chunk = links.slice(start, start + 5000);
    const params = chunk.flat();
    const values = chunk.map((_, i) => `($${2 * i + 1}::int, $${2 * i + 2}::int)`).join(', ');
    await sql.query(
      `UPDATE archive_series s SET predecessor_id = l.predecessor FROM (VALUES ${values}) AS l(successor, predecessor) WHERE s.id = l.successor`,
      params,
    );
    await sql.query(
      `UPDATE archive_series s SET successor_id = l.successor FROM (VALUES ${values}) AS l(successor, predecessor) WHERE s.id = l.predecessor`,
      params,
    );
  }
}
