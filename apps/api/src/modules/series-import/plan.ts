import type { Archive, ArchiveCreator, ArchiveSeries, Prisma, PrismaClient } from '@samarkiv/db';
import { isoDate } from '../../graphql/dates.ts';
import { STRUKTUR } from './arkivstruktur.ts';
import type { Problems } from './problems.ts';
import type { Extraction, SeriesData } from './validate.ts';

// What an import would do in one municipality: each arkiv, arkivskaper and arkivdel of the file
// matched on its key (systemID; arkivskaperID for a creator) to what the municipality has, and
// the fields that would change. The same plan is computed again inside the import's transaction.

type Db = PrismaClient | Prisma.TransactionClient;
export type Action = 'CREATE' | 'UPDATE' | 'UNCHANGED';

export interface PlanItem<Row, Data> {
  action: Action;
  kind: 'ARCHIVE' | 'ARCHIVE_CREATOR' | 'ARCHIVE_SERIES';
  key: string;
  title: string;
  path: string;
  line: number;
  existing: Row | null;
  /** Column values the import writes (links of series are resolved when written). */
  data: Data;
  changedFields: string[];
}

export interface ArchiveFields {
  systemId: string;
  title: string;
  description: string | null;
  documentMedium?: Archive['documentMedium'];
}
export interface CreatorFields {
  creatorId: string;
  name: string;
  description: string | null;
  /** The file's archive index; the row id is known once archives are written. */
  archiveIndex: number;
}
export interface SeriesFields {
  systemId: string;
  title: string;
  description: string | null;
  status: ArchiveSeries['status'];
  documentMedium: ArchiveSeries['documentMedium'];
  storageLocation: string | null;
  periodStart: string;
  periodEnd: string | null;
  classificationType: string | null;
  retentionDecision: ArchiveSeries['retentionDecision'];
  retentionYears: number | null;
  retentionBasis: string | null;
  accessRestriction: string | null;
  restrictionBasis: string | null;
  extentFiles: number;
  extentRecords: number;
  system?: string | null;
  archiveIndex: number;
  creatorKey: string | null;
  predecessorKey: string | null;
  successorKey: string | null;
}

export interface Plan {
  municipalityId: number | null;
  archives: (PlanItem<Archive, ArchiveFields> & { index: number })[];
  creators: PlanItem<ArchiveCreator, CreatorFields>[];
  series: PlanItem<ArchiveSeries, SeriesFields>[];
  /** systemID of series (in the file or already stored) → stored row id, for links. */
  storedSeriesIds: Map<string, number>;
}

/** Builds the plan; problems found against the database (deleted rows, taken identifiers, dangling links) go to `problems`. */
export async function planImport(db: Db, extraction: Extraction, municipalityId: number | null, problems: Problems, systemName: string | null): Promise<Plan> {
  const add = (severity: 'ERROR' | 'WARNING' | 'NOTICE', code: string, path: string, line: number | null, message: string) => problems.add({ severity, code, path, line, file: STRUKTUR, message });
  const inMunicipality = municipalityId ?? -1;
  const archiveKeys = extraction.archives.map((a) => a.systemId).filter((k): k is string => k !== null);
  const creatorKeys = extraction.creators.map((c) => c.creatorId).filter((k): k is string => k !== null);
  const seriesKeys = extraction.series.map((s) => s.systemId).filter((k): k is string => k !== null);
  const referenced = extraction.series.flatMap((s) => [s.predecessor?.value, s.successor?.value]).filter((k): k is string => Boolean(k));
  const [archiveRows, creatorRows, seriesRows] = await Promise.all([
    db.archive.findMany({ where: { municipalityId: inMunicipality, systemId: { in: archiveKeys } } }),
    db.archiveCreator.findMany({ where: { municipalityId: inMunicipality, creatorId: { in: creatorKeys } } }),
    db.archiveSeries.findMany({ where: { municipalityId: inMunicipality, systemId: { in: [...new Set([...seriesKeys, ...referenced])] } } }),
  ]);
  const archiveBy = new Map(archiveRows.map((r) => [r.systemId!, r]));
  const creatorBy = new Map(creatorRows.map((r) => [r.creatorId, r]));
  const seriesBy = new Map(seriesRows.map((r) => [r.systemId!, r]));
  // The systemIDs the stored series' links point at, to compare links by key.
  const linkIds = seriesRows.flatMap((r) => [r.predecessorId, r.successorId]).filter((id): id is number => id !== null);
  const linked = linkIds.length ? await db.archiveSeries.findMany({ where: { id: { in: linkIds } }, select: { id: true, systemId: true } }) : [];
  const keyOfId = new Map(linked.map((r) => [r.id, r.systemId]));

  const archives: Plan['archives'] = [];
  for (const a of extraction.archives) {
    if (!a.systemId || !a.title) continue;
    const existing = archiveBy.get(a.systemId) ?? null;
    if (existing?.deletedAt) {
      add('ERROR', 'ARCHIVE_DELETED', `${a.path}/systemID`, a.line, `Kommunen har et slettet arkiv med systemID «${a.systemId}». En administrator må gjenopprette det før uttrekket kan importeres.`);
      continue;
    }
    const data: ArchiveFields = { systemId: a.systemId, title: a.title, description: a.description, ...(a.documentMedium ? { documentMedium: a.documentMedium } : {}) };
    archives.push({ ...item('ARCHIVE', a.systemId, a.title, a.path, a.line, existing, data, compare(existing, data, ['title', 'description', 'documentMedium'])), index: a.index });
  }

  const creators: Plan['creators'] = [];
  const creatorSeen = new Set<string>();
  for (const c of extraction.creators) {
    if (!c.creatorId || !c.name || creatorSeen.has(c.creatorId)) continue;
    creatorSeen.add(c.creatorId);
    const existing = creatorBy.get(c.creatorId) ?? null;
    if (existing?.deletedAt) {
      add('ERROR', 'ARCHIVE_CREATOR_DELETED', `${c.path}/arkivskaperID`, c.line, `Kommunen har en slettet arkivskaper med arkivskaperID «${c.creatorId}». En administrator må gjenopprette den før uttrekket kan importeres.`);
      continue;
    }
    const data: CreatorFields = { creatorId: c.creatorId, name: c.name, description: c.description, archiveIndex: c.archiveIndex };
    const archiveKey = extraction.archives[c.archiveIndex]?.systemId ?? null;
    const changed = compare(existing, data, ['name', 'description']);
    if (existing && archiveKey !== (archiveRows.find((r) => r.id === existing.archiveId)?.systemId ?? null)) changed.push('archiveId');
    creators.push(item('ARCHIVE_CREATOR', c.creatorId, c.name, c.path, c.line, existing, data, changed));
  }

  const fileKeys = new Set(seriesKeys);
  const series: Plan['series'] = [];
  const identifiersToCheck: { s: SeriesData; key: string }[] = [];
  for (const s of extraction.series) {
    if (!s.systemId || !s.title || !s.status || !s.periodStart) continue;
    const existing = seriesBy.get(s.systemId) ?? null;
    if (existing?.deletedAt) {
      add('ERROR', 'SERIES_DELETED', `${s.path}/systemID`, s.line, `Kommunen har en slettet arkivdel med systemID «${s.systemId}». En administrator må gjenopprette den før uttrekket kan importeres.`);
      continue;
    }
    const link = (ref: SeriesData['predecessor'], label: string): string | null => {
      if (!ref) return null;
      if (fileKeys.has(ref.value)) return ref.value;
      const stored = seriesBy.get(ref.value);
      if (stored && !stored.deletedAt) return ref.value;
      add('WARNING', 'REFERENCE_NOT_FOUND', ref.path, ref.line, `${label} «${ref.value}» finnes verken i uttrekket eller blant kommunens arkivdeler. Koblingen utelates.`);
      return null;
    };
    const creatorKey = s.creatorIndex === null ? null : (extraction.creators[s.creatorIndex]?.creatorId ?? null);
    const data: SeriesFields = {
      systemId: s.systemId, title: s.title, description: s.description, status: s.status, documentMedium: s.documentMedium, storageLocation: s.storageLocation,
      periodStart: s.periodStart, periodEnd: s.periodEnd, classificationType: s.classificationType, retentionDecision: s.retentionDecision, retentionYears: s.retentionYears,
      retentionBasis: s.retentionBasis, accessRestriction: s.accessRestriction, restrictionBasis: s.restrictionBasis, extentFiles: s.extentFiles, extentRecords: s.extentRecords,
      ...(systemName ? { system: systemName } : {}),
      archiveIndex: s.archiveIndex, creatorKey,
      predecessorKey: link(s.predecessor, 'referanseForloeper (M202)'),
      successorKey: link(s.successor, 'referanseArvtaker (M203)'),
    };
    const changed = existing ? compareSeries(existing, data, keyOfId, archiveRows, creatorRows, extraction.archives[s.archiveIndex]?.systemId ?? null) : [];
    series.push(item('ARCHIVE_SERIES', s.systemId, s.title, s.path, s.line, existing, data, changed));
    if (!existing) identifiersToCheck.push({ s, key: s.systemId });
  }
  // A new series takes its systemID as identifier, which must be free among the live series.
  if (identifiersToCheck.length && municipalityId !== null) {
    const taken = await db.archiveSeries.findMany({ where: { municipalityId, deletedAt: null, identifier: { in: identifiersToCheck.map((i) => i.key) } }, select: { id: true, identifier: true } });
    for (const t of taken) {
      const { s } = identifiersToCheck.find((i) => i.key === t.identifier)!;
      add('ERROR', 'IDENTIFIER_TAKEN', `${s.path}/systemID`, s.line, `En annen arkivdel i kommunen (id ${t.id}) har identifikatoren «${t.identifier}», som den nye arkivdelen skulle få. Endre identifikatoren på den andre arkivdelen først.`);
    }
  }
  const storedSeriesIds = new Map(seriesRows.filter((r) => !r.deletedAt).map((r) => [r.systemId!, r.id]));
  return { municipalityId, archives, creators, series, storedSeriesIds };
}

function item<Row, Data>(kind: PlanItem<Row, Data>['kind'], key: string, title: string, path: string, line: number, existing: Row | null, data: Data, changedFields: string[]): PlanItem<Row, Data> {
  return { action: !existing ? 'CREATE' : changedFields.length ? 'UPDATE' : 'UNCHANGED', kind, key, title, path, line, existing, data, changedFields };
}

function compare<Row extends object, Data extends object>(existing: Row | null, data: Data, fields: (keyof Data & keyof Row & string)[]): string[] {
  if (!existing) return [];
  return fields.filter((f) => f in data && (existing[f] ?? null) !== ((data[f] as unknown) ?? null));
}

const SERIES_COMPARED = ['title', 'description', 'status', 'documentMedium', 'storageLocation', 'classificationType', 'retentionDecision', 'retentionYears', 'retentionBasis', 'accessRestriction', 'restrictionBasis', 'extentFiles', 'extentRecords', 'system'] as const;

function compareSeries(existing: ArchiveSeries, data: SeriesFields, keyOfId: Map<number, string | null>, archives: Archive[], creators: ArchiveCreator[], archiveKey: string | null): string[] {
  const changed: string[] = SERIES_COMPARED.filter((f) => f in data && (existing[f] ?? null) !== (data[f] ?? null));
  if (isoDate(existing.periodStart) !== data.periodStart) changed.push('periodStart');
  if (isoDate(existing.periodEnd) !== data.periodEnd) changed.push('periodEnd');
  const keyOf = (id: number | null) => (id === null ? null : (keyOfId.get(id) ?? `#${id}`));
  if (keyOf(existing.predecessorId) !== data.predecessorKey) changed.push('predecessorId');
  if (keyOf(existing.successorId) !== data.successorKey) changed.push('successorId');
  if ((archives.find((a) => a.id === existing.archiveId)?.systemId ?? null) !== archiveKey) changed.push('archiveId');
  if ((creators.find((c) => c.id === existing.archiveCreatorId)?.creatorId ?? null) !== data.creatorKey) changed.push('archiveCreatorId');
  return changed;
}
