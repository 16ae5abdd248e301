import { PassThrough, type Writable } from 'node:stream';
import { ARCHIVE_SERIES_STATUS, RETENTION_DECISION } from '@samarkiv/shared';
import ExcelJS from 'exceljs';
import { osloDate } from '../../graphql/dates.ts';
import type { ExportDefinition } from '../../http/exports.ts';
import { buildComparison, type ComparisonCellView, type ComparisonDifference, type ComparisonView } from './comparison.ts';

// The comparison grid as XLSX: sheet "Sammenligning" is the grid as the page shows it (target
// series by municipality, differing cells filled), sheet "Celler" one row per cell for filtering
// and pivoting. Registered in http/exports.ts as `archive-series-comparison`.

export const DIFFERENCE_WORDS: Record<ComparisonDifference, string> = {
  MISSING: 'Mangler arkivdel',
  RETENTION_DECISION_DIFFERS: 'Annet kassasjonsvedtak',
  CLASSIFICATION_TYPE_DIFFERS: 'Annen klassifikasjonstype',
  ACTIVE_AFTER_CUTOVER: 'Aktiv etter driftsstart',
};

// Light fills (text stays black): red for a missing series, yellow for any other difference.
const MISSING_FILL = 'FFF8D7DA';
const DIFFERS_FILL = 'FFFFF3CD';

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function periodText(cell: Pick<ComparisonCellView, 'periodStart' | 'periodEnd'>): string {
  if (!cell.periodStart) return '';
  return `${day(cell.periodStart)}–${cell.periodEnd ? day(cell.periodEnd) : ''}`;
}

function cellParts(cell: ComparisonCellView) {
  return {
    series: cell.series.map((s) => `${s.identifier} ${s.title}`).join('\n') + (cell.seriesCount > cell.series.length ? `\n… og ${cell.seriesCount - cell.series.length} til` : ''),
    status: cell.statuses.map((s) => ARCHIVE_SERIES_STATUS[s]).join(', '),
    period: periodText(cell),
    retention: [...cell.retentionDecisions.map((d) => RETENTION_DECISION[d]), ...(cell.retentionDecisionMissing ? ['Mangler kassasjonsvedtak'] : [])].join(', '),
    classification: cell.classificationTypes.join(', '),
    differences: cell.differences.map((d) => DIFFERENCE_WORDS[d]).join(', '),
  };
}

function gridText(cell: ComparisonCellView): string {
  if (cell.seriesCount === 0) return DIFFERENCE_WORDS.MISSING;
  const p = cellParts(cell);
  const lines = [p.series, [p.status, p.period].filter(Boolean).join(' · '), p.retention];
  if (cell.differences.length > 0) lines.push(`Avvik: ${p.differences}`);
  return lines.filter(Boolean).join('\n');
}

/** Writes the workbook into `out` row by row (committed rows leave memory). */
export async function writeComparisonWorkbook(view: ComparisonView, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Samarkiv';
  workbook.created = new Date();

  const grid = workbook.addWorksheet('Sammenligning', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  grid.columns = [{ header: 'Målarkivdel', width: 36 }, ...view.columns.map((c) => ({ header: c.municipality.name, width: 34 }))];
  grid.getRow(1).font = { bold: true };
  grid.getRow(1).commit();
  for (const row of view.rows) {
    const line = grid.addRow([`${row.targetSeries.code} ${row.targetSeries.title}`, ...row.cells.map(gridText)]);
    line.alignment = { wrapText: true, vertical: 'top' };
    row.cells.forEach((cell, i) => {
      if (cell.differences.length === 0) return;
      line.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: cell.differences.includes('MISSING') ? MISSING_FILL : DIFFERS_FILL } };
    });
    line.commit();
  }
  grid.addRow([]).commit();
  grid.addRow([`Driftsstart: ${day(view.cutoverDate)}. Avvik: ${Object.values(DIFFERENCE_WORDS).join(', ')}.`]).commit();
  grid.commit();

  const cells = workbook.addWorksheet('Celler', { views: [{ state: 'frozen', ySplit: 1 }] });
  cells.columns = [
    { header: 'Kode', width: 14 },
    { header: 'Målarkivdel', width: 32 },
    { header: 'Kommunenummer', width: 14 },
    { header: 'Kommune', width: 18 },
    { header: 'Antall arkivdeler', width: 10 },
    { header: 'Arkivdeler', width: 40 },
    { header: 'Arkivdelstatus', width: 22 },
    { header: 'Periode', width: 24 },
    { header: 'Kassasjonsvedtak', width: 22 },
    { header: 'Klassifikasjonstype', width: 28 },
    { header: 'Avvik', width: 40 },
  ];
  cells.getRow(1).font = { bold: true };
  cells.getRow(1).commit();
  for (const row of view.rows) {
    for (const cell of row.cells) {
      const p = cellParts(cell);
      cells.addRow([row.targetSeries.code, row.targetSeries.title, cell.municipality.number, cell.municipality.name, cell.seriesCount, p.series, p.status, p.period, p.retention, p.classification, p.differences]).commit();
    }
  }
  cells.commit();
  await workbook.commit();
}

export const archiveSeriesComparisonExport: ExportDefinition = {
  // Anyone signed in reads the grid in the app; the export is the same information.
  async run({ db, logger }) {
    const view = await buildComparison(db.prisma);
    const body = new PassThrough();
    writeComparisonWorkbook(view, body).catch((error: unknown) => {
      logger.error({ err: error }, 'archive series comparison workbook failed');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return {
      filename: `Sammenligning av arkivserier ${day(osloDate())}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body,
    };
  },
};
