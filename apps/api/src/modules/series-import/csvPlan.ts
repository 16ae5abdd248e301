import type { ArchiveSeries, Prisma, PrismaClient } from '@samarkiv/db';
import { createArchiveSeriesRules, seriesConsistency, type SeriesConsistencyInput } from '@samarkiv/shared';
import { isoDate } from '../../graphql/dates.ts';
import { CSV_FIELDS, type CsvField } from './csvFields.ts';
import { headerOf, rowPath, type CsvMapping, type CsvRow } from './csvRows.ts';
import type { PlanItem } from './plan.ts';
import type { Problems, Severity } from './problems.ts';

// What a CSV import would do in one municipality: each row's series found by SYSTEM_ID, else by
// IDENTIFIER among the live series, else created; names of archives, archive creators and
// target series resolved; the whole series as it would be stored checked with the shared
// series rules (what the series form refuses, a row cannot store); the fields that change.
// The same plan is made again inside the import's transaction.

type Db = PrismaClient | Prisma.TransactionClient;

/** A series as the shared rules take it (and as the columns are written, dates aside). */
export type SeriesInput = Record<string, string | number | boolean | null>;

export interface CsvPlan {
  municipalityId: number;
  archives: never[];
  creators: never[];
  series: PlanItem<ArchiveSeries, SeriesInput>[];
}

export interface CsvPlanArgs {
  rows: CsvRow[];
  headers: string[];
  mapping: CsvMapping[];
  municipalityId: number;
  file: string;
}

/** The stored series in the rules' input shape (dates as YYYY-MM-DD, shelf metres as a number). */
export function inputOf(s: ArchiveSeries): SeriesInput {
  return {
    archiveId: s.archiveId, archiveCreatorId: s.archiveCreatorId, systemId: s.systemId, identifier: s.identifier, title: s.title, description: s.description,
    status: s.status, documentMedium: s.documentMedium, periodStart: isoDate(s.periodStart), periodEnd: isoDate(s.periodEnd), isContinuous: s.isContinuous,
    predecessorId: s.predecessorId, successorId: s.successorId, classificationType: s.classificationType, retentionDecision: s.retentionDecision,
    retentionYears: s.retentionYears, retentionBasis: s.retentionBasis, accessRestriction: s.accessRestriction, restrictionBasis: s.restrictionBasis,
    storageLocation: s.storageLocation, extentFiles: s.extentFiles, extentRecords: s.extentRecords, extentShelfMetres: s.extentShelfMetres === null ? null : Number(s.extentShelfMetres),
    system: s.system, depositStatus: s.depositStatus, depositDate: isoDate(s.depositDate), targetSeriesId: s.targetSeriesId,
  };
}

/** The input as the cross-field rules take it, whatever state its fields are in. */
function consistencyInput(v: SeriesInput): SeriesConsistencyInput {
  const text = (x: unknown) => (typeof x === 'string' ? x : null);
  const id = (x: unknown) => (typeof x === 'number' ? x : null);
  return { periodStart: text(v.periodStart) ?? '', periodEnd: text(v.periodEnd), isContinuous: v.isContinuous === true, depositStatus: text(v.depositStatus) ?? 'IKKE_AVLEVERT', depositDate: text(v.depositDate), predecessorId: id(v.predecessorId), successorId: id(v.successorId) };
}

const LINKS = { ARCHIVE: 'arkivet', ARCHIVE_CREATOR: 'arkivskaperen', TARGET_SERIES: 'målserien' } as const;
type LinkField = keyof typeof LINKS;
const lower = (text: string) => text.trim().toLocaleLowerCase('nb');

export async function planCsvImport(db: Db, args: CsvPlanArgs, problems: Problems): Promise<CsvPlan> {
  const { rows, headers, mapping, municipalityId, file } = args;
  const columnOf = new Map(mapping.map((m) => [m.field, m.column]));
  const fieldOfColumnName = new Map(mapping.map((m) => [CSV_FIELDS[m.field].column, m.field]));
  const pathOf = (row: CsvRow, field?: CsvField) => rowPath(row.row, field !== undefined && columnOf.has(field) ? headerOf(headers, columnOf.get(field)!) : undefined);
  const add = (severity: Severity, code: string, row: CsvRow, field: CsvField | undefined, message: string) => problems.add({ severity, code, path: pathOf(row, field), line: row.line, file, message });

  const text = (row: CsvRow, field: CsvField) => (typeof row.values[field] === 'string' ? (row.values[field] as string) : null);
  const systemIds = [...new Set(rows.map((r) => text(r, 'SYSTEM_ID')).filter((v): v is string => v !== null))];
  const identifiers = [...new Set(rows.map((r) => text(r, 'IDENTIFIER')).filter((v): v is string => v !== null))];
  const [municipality, stored, names] = await Promise.all([
    db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { name: true, number: true } }),
    storedSeries(db, municipalityId, systemIds, identifiers),
    linkNames(db, municipalityId, columnOf),
  ]);
  const bySystemId = new Map(stored.filter((s) => s.systemId !== null).map((s) => [s.systemId!, s]));
  const byIdentifier = new Map(stored.filter((s) => s.deletedAt === null).map((s) => [s.identifier, s]));

  const series: CsvPlan['series'] = [];
  const seenSystemIds = new Map<string, number>();
  const seenIdentifiers = new Map<string, number>();
  for (const row of rows) {
    const errorsBefore = problems.counts.ERROR;
    const systemId = text(row, 'SYSTEM_ID');
    const identifierCell = text(row, 'IDENTIFIER');

    const named = text(row, 'MUNICIPALITY');
    if (named !== null && lower(named) !== lower(municipality.name) && named.trim() !== municipality.number) {
      add('ERROR', 'MUNICIPALITY_MISMATCH', row, 'MUNICIPALITY', `Raden hører til kommunen «${named}», men importen gjelder ${municipality.name}. Fjern raden, eller importer den i riktig kommune.`);
    }
    if (systemId === null && identifierCell === null) {
      if (!row.bad.has('SYSTEM_ID') && !row.bad.has('IDENTIFIER')) add('ERROR', 'KEY_MISSING', row, columnOf.has('IDENTIFIER') ? 'IDENTIFIER' : 'SYSTEM_ID', 'Raden har verken system-ID eller identifikator, så arkivdelen kan verken finnes eller opprettes. Fyll inn identifikatoren.');
      continue;
    }
    if (!duplicate(row, systemId, seenSystemIds, 'SYSTEM_ID', 'system-ID-en') || !duplicate(row, identifierCell, seenIdentifiers, 'IDENTIFIER', 'identifikatoren')) continue;

    // The row's series: by system ID (deleted ones too: they keep it), else by identifier among the live ones.
    let existing: ArchiveSeries | null = systemId === null ? null : (bySystemId.get(systemId) ?? null);
    if (existing?.deletedAt) {
      add('ERROR', 'SERIES_DELETED', row, 'SYSTEM_ID', `Kommunen har en slettet arkivdel med system-ID «${systemId}». En administrator må gjenopprette den før raden kan importeres.`);
      continue;
    }
    if (!existing && identifierCell !== null) {
      existing = byIdentifier.get(identifierCell) ?? null;
      if (existing?.systemId && systemId !== null) {
        add('ERROR', 'SYSTEM_ID_MISMATCH', row, 'SYSTEM_ID', `Arkivdelen med identifikator «${identifierCell}» har system-ID «${existing.systemId}», ikke «${systemId}». Rett system-ID-en, eller la feltet stå tomt.`);
        continue;
      }
    }
    const identifier = identifierCell ?? existing?.identifier ?? systemId!;
    const holder = byIdentifier.get(identifier);
    if (holder && holder.id !== existing?.id) {
      add('ERROR', 'IDENTIFIER_TAKEN', row, columnOf.has('IDENTIFIER') ? 'IDENTIFIER' : 'SYSTEM_ID', `En annen arkivdel i kommunen (id ${holder.id}, «${holder.title}») har identifikatoren «${identifier}». Velg en annen identifikator.`);
      continue;
    }

    // The stored series with the row's mapped cells laid over it; a new series from the row alone.
    const input: SeriesInput = existing ? inputOf(existing) : {};
    for (const { field } of mapping) {
      if (row.bad.has(field) || field === 'MUNICIPALITY' || field in LINKS) continue;
      const value = row.values[field] as SeriesInput[string];
      // An empty key cell names no new key: the series keeps the one it has.
      if ((field === 'SYSTEM_ID' || field === 'IDENTIFIER') && value === null) continue;
      input[CSV_FIELDS[field].column] = value;
    }
    input.identifier = identifier;
    for (const field of Object.keys(LINKS) as LinkField[]) {
      if (!columnOf.has(field) || row.bad.has(field)) continue;
      const name = text(row, field);
      const id = name === null ? null : resolve(names[field], name, field === 'TARGET_SERIES');
      if (typeof id === 'number' || id === null) input[CSV_FIELDS[field].column] = id;
      else {
        add('WARNING', id === 'AMBIGUOUS' ? 'LINK_AMBIGUOUS' : 'LINK_NOT_FOUND', row, field, `${id === 'AMBIGUOUS' ? 'Flere enn ett' : 'Fant ikke'} ${LINKS[field]} «${name}» ${field === 'TARGET_SERIES' ? 'i målstrukturen' : `i ${municipality.name}`}${id === 'AMBIGUOUS' ? ' har dette navnet' : ''}. Koblingen settes ikke${existing ? '; arkivdelen beholder den den har' : ''}.`);
      }
    }

    // The field rules, and the rules across fields also when a field failed (zod skips them then).
    const checked = createArchiveSeriesRules.safeParse({ municipalityId, ...input });
    const issues = checked.success ? [] : checked.error.issues.filter((i) => i.code !== 'custom').map((i) => ({ path: i.path.map(String), message: i.message }));
    if (!checked.success) issues.push(...seriesConsistency(consistencyInput(input)));
    for (const issue of issues) {
      const column = issue.path[0] ?? '';
      const field = fieldOfColumnName.get(column);
      if (field && row.bad.has(field)) continue;
      add('ERROR', 'SERIES_RULE', row, field, `${issue.message}${field ? '' : ` (feltet ${column} er ikke koblet til noen kolonne${existing ? '; verdien er den lagrede' : ''})`}`);
    }
    if (problems.counts.ERROR > errorsBefore || row.bad.size > 0 || !checked.success) continue;
    const { municipalityId: _m, ...data } = checked.data as SeriesInput;
    const before = existing ? inputOf(existing) : null;
    const changedFields = before ? Object.keys(data).filter((k) => (before[k] ?? null) !== (data[k] ?? null)) : [];
    series.push({ action: !existing ? 'CREATE' : changedFields.length ? 'UPDATE' : 'UNCHANGED', kind: 'ARCHIVE_SERIES', key: (data.systemId as string | null) ?? identifier, title: data.title as string, path: rowPath(row.row), line: row.line, existing, data, changedFields });
  }
  return { municipalityId, archives: [], creators: [], series };

  /** False (and an error) when an earlier row had the same key. */
  function duplicate(row: CsvRow, key: string | null, seen: Map<string, number>, field: CsvField, what: string): boolean {
    if (key === null) return true;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.row);
      return true;
    }
    add('ERROR', 'DUPLICATE_ROW', row, field, `Rad ${first} har samme ${what} («${key}»). Hver arkivdel kan stå bare én gang i filen.`);
    return false;
  }
}

/** The stored series the rows may name, in batches (a statement takes a bounded number of parameters). */
async function storedSeries(db: Db, municipalityId: number, systemIds: string[], identifiers: string[]): Promise<ArchiveSeries[]> {
  const found: ArchiveSeries[] = [];
  for (let i = 0; i < Math.max(systemIds.length, identifiers.length); i += 5000) {
    found.push(...(await db.archiveSeries.findMany({ where: { municipalityId, OR: [{ systemId: { in: systemIds.slice(i, i + 5000) } }, { identifier: { in: identifiers.slice(i, i + 5000) }, deletedAt: null }] } })));
  }
  return [...new Map(found.map((s) => [s.id, s])).values()];
}

type Named = { id: number; names: string[] }[];

/** The municipality's live archives and archive creators, and the live target series, for the mapped link columns. */
async function linkNames(db: Db, municipalityId: number, columnOf: Map<CsvField, number>): Promise<Record<LinkField, Named>> {
  const [archives, creators, targets] = await Promise.all([
    columnOf.has('ARCHIVE') ? db.archive.findMany({ where: { municipalityId, deletedAt: null }, select: { id: true, title: true } }) : [],
    columnOf.has('ARCHIVE_CREATOR') ? db.archiveCreator.findMany({ where: { municipalityId, deletedAt: null }, select: { id: true, name: true } }) : [],
    columnOf.has('TARGET_SERIES') ? db.targetSeries.findMany({ where: { deletedAt: null }, select: { id: true, code: true, title: true } }) : [],
  ]);
  return {
    ARCHIVE: archives.map((a) => ({ id: a.id, names: [a.title] })),
    ARCHIVE_CREATOR: creators.map((c) => ({ id: c.id, names: [c.name] })),
    // A target series by its code, its title, or «code title» as the export writes it.
    TARGET_SERIES: targets.map((t) => ({ id: t.id, names: [t.code, t.title, `${t.code} ${t.title}`] })),
  };
}

/** The one row of that name (letter case aside), or why not; a code match wins over a title match. */
function resolve(rows: Named, name: string, byCodeFirst: boolean): number | 'AMBIGUOUS' | 'NOT_FOUND' {
  const wanted = lower(name);
  if (byCodeFirst) {
    const byCode = rows.filter((r) => lower(r.names[0]!) === wanted || lower(r.names[2]!) === wanted);
    if (byCode.length === 1) return byCode[0]!.id;
  }
  const matches = rows.filter((r) => r.names.some((n) => lower(n) === wanted));
  return matches.length === 1 ? matches[0]!.id : matches.length > 1 ? 'AMBIGUOUS' : 'NOT_FOUND';
}
