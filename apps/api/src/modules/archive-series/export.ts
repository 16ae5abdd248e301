import type { ArchiveSeries, Database } from '@samarkiv/db';
import { ARCHIVE_SERIES_STATUS, DEPOSIT_STATUS, DOCUMENT_MEDIUM, readSeriesView, RETENTION_DECISION } from '@samarkiv/shared';
import { AppError } from '../../graphql/errors.ts';
import { isoDate, osloDate } from '../../graphql/dates.ts';
import { registerExport } from '../../http/exports.ts';
import { normaliseFilter } from './filter.ts';
import { ordering } from './list.ts';
import { keyParts, keysOf, pageSql, seriesOf, type PageRow } from './page.ts';

// GET /exports/archive-series?format=csv&<the browser's view parameters>: every series of the
// view, in the view's order, streamed in keyset batches through the browser's own page SQL.

/** Rows per statement: large enough that round trips do not dominate, small enough to stream. */
export const EXPORT_BATCH = 1000;

type Names = { municipality: Map<number, string>; creator: Map<number, string>; archive: Map<number, string>; target: Map<number, string> };

const norwegian = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
const date = (value: Date | null) => norwegian(isoDate(value));
const code = <T extends Record<string, string>>(list: T, value: string | null) => (value === null ? '' : (list[value as keyof T] ?? value));
const number = (value: unknown) => (value === null || value === undefined ? '' : String(Number(value)).replace('.', ','));

/** The columns: Norwegian headers (Noark 5 names) and each cell as text. */
const COLUMNS: [string, (s: ArchiveSeries, n: Names) => string][] = [
  ['Kommune', (s, n) => n.municipality.get(s.municipalityId) ?? ''],
  ['Arkivskaper', (s, n) => (s.archiveCreatorId === null ? '' : (n.creator.get(s.archiveCreatorId) ?? ''))],
  ['Arkiv', (s, n) => (s.archiveId === null ? '' : (n.archive.get(s.archiveId) ?? ''))],
  ['SystemID', (s) => s.systemId ?? ''],
  ['Identifikator', (s) => s.identifier],
  ['Tittel', (s) => s.title],
  ['Beskrivelse', (s) => s.description ?? ''],
  ['Arkivdelstatus', (s) => code(ARCHIVE_SERIES_STATUS, s.status)],
  ['Dokumentmedium', (s) => code(DOCUMENT_MEDIUM, s.documentMedium)],
  ['Arkivperiode startdato', (s) => date(s.periodStart)],
  ['Arkivperiode sluttdato', (s) => date(s.periodEnd)],
  ['Løpende', (s) => (s.isContinuous ? 'Ja' : 'Nei')],
  ['Klassifikasjonstype', (s) => s.classificationType ?? ''],
  ['Kassasjonsvedtak', (s) => code(RETENTION_DECISION, s.retentionDecision)],
  ['Bevaringstid (år)', (s) => number(s.retentionYears)],
  ['Kassasjonshjemmel', (s) => s.retentionBasis ?? ''],
  ['Tilgangsrestriksjon', (s) => s.accessRestriction ?? ''],
  ['Skjermingshjemmel', (s) => s.restrictionBasis ?? ''],
  ['Oppbevaringssted', (s) => s.storageLocation ?? ''],
  ['Antall mapper', (s) => number(s.extentFiles)],
  ['Antall registreringer', (s) => number(s.extentRecords)],
  ['Hyllemeter', (s) => number(s.extentShelfMetres)],
  ['System', (s) => s.system ?? ''],
  ['Målserie', (s, n) => (s.targetSeriesId === null ? '' : (n.target.get(s.targetSeriesId) ?? ''))],
  ['Avleveringsstatus', (s) => code(DEPOSIT_STATUS, s.depositStatus)],
  ['Avleveringsdato', (s) => date(s.depositDate)],
  ['Sist endret', (s) => norwegian(osloDate(s.updatedAt))],
];

/**
 * A CSV field: quoted when it holds the separator, a quote or a line break. A leading =, +, -
 * or @ gets an apostrophe so a spreadsheet does not run a title as a formula.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: string[]) => `${cells.map(csvField).join(';')}\r\n`;

async function namesFor(db: Database, rows: ArchiveSeries[], municipality: Map<number, string>, target: Map<number, string>): Promise<Names> {
  const ids = (pick: (s: ArchiveSeries) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
  const [creators, archives] = await Promise.all([
    db.prisma.archiveCreator.findMany({ where: { id: { in: ids((s) => s.archiveCreatorId) } }, select: { id: true, name: true } }),
    db.prisma.archive.findMany({ where: { id: { in: ids((s) => s.archiveId) } }, select: { id: true, title: true } }),
  ]);
  return { municipality, target, creator: new Map(creators.map((c) => [c.id, c.name])), archive: new Map(archives.map((a) => [a.id, a.title])) };
}

registerExport('archive-series', {
  async run({ params, db, signal }) {
    const format = params.get('format') ?? 'csv';
    if (format !== 'csv') throw new AppError('VALIDATION_FAILED', 'Arkivseriene kan eksporteres som CSV (format=csv).', { path: ['format'] });
    const view = readSeriesView(params);
    const filter = normaliseFilter(view.filter);
    const { field, direction } = ordering(view.sort, filter);
    const parts = keyParts(field, filter).length;
    const [municipalities, targets] = await Promise.all([
      db.prisma.municipality.findMany({ select: { id: true, name: true } }),
      db.prisma.targetSeries.findMany({ select: { id: true, code: true, title: true } }),
    ]);
    const municipality = new Map(municipalities.map((m) => [m.id, m.name]));
    const target = new Map(targets.map((t) => [t.id, `${t.code} ${t.title}`]));

    async function* csv(): AsyncGenerator<string> {
      // The BOM makes Excel read UTF-8 (æ, ø, å) instead of the machine's code page.
      yield `\uFEFF${line(COLUMNS.map(([header]) => header))}`;
      let cursor: { keys: string[]; id: number } | null = null;
      while (!signal.aborted) {
        const found: PageRow[] = await db.prisma.$queryRaw<PageRow[]>(pageSql({ filter, field, direction, size: EXPORT_BATCH, backward: false, cursor }));
        const batch = found.slice(0, EXPORT_BATCH);
        const rows = batch.map(seriesOf);
        const names = await namesFor(db, rows, municipality, target);
        yield rows.map((s) => line(COLUMNS.map(([, cell]) => cell(s, names)))).join('');
        const last = batch.at(-1);
        if (found.length <= EXPORT_BATCH || !last) return;
        cursor = { keys: keysOf(last, parts), id: last.id };
      }
    }
    return { filename: `Arkivserier ${osloDate()}.csv`, contentType: 'text/csv; charset=utf-8', body: csv() };
  },
});
