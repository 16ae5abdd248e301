import { readFile } from 'node:fs/promises';
import type { Municipality, Prisma } from '@samarkiv/db';
import { OPERATING_FIGURE_COLUMN, OPERATING_FIGURE_FIELDS, type OperatingFigureField, operatingFigureValueRule } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { osloDate } from '../../graphql/dates.ts';
import { AppError } from '../../graphql/errors.ts';
import { holdsRoleIn } from '../../graphql/writes.ts';
import { discardUpload, openUpload } from '../../http/uploads.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Problems } from '../series-import/problems.ts';
import { type FigureValues, monthDate } from './operating-figure.service.ts';

// Operating figures from a CSV file (semicolon, as Norwegian Excel writes it): a dry run
// reports what would change and every problem, with the Noark import's Problems and report
// shape; the import plans again inside its transaction and writes all rows or none. A small
// file is read inside the request (no background job).

export const MAX_IMPORT_BYTES = 1024 * 1024;

const HEADERS: Record<string, 'MUNICIPALITY' | 'MONTH' | OperatingFigureField> = {
  kommunenummer: 'MUNICIPALITY', kommunenr: 'MUNICIPALITY', kommune: 'MUNICIPALITY',
  måned: 'MONTH', maned: 'MONTH',
  'inngående post': 'INCOMING_POST', innkommende: 'INCOMING_POST', 'innkommende post': 'INCOMING_POST',
  journalposter: 'JOURNAL_ENTRIES',
  'mediantid (dager)': 'MEDIAN_REGISTRATION_DAYS', 'mediantid dager': 'MEDIAN_REGISTRATION_DAYS', mediantid: 'MEDIAN_REGISTRATION_DAYS',
  restanser: 'OVERDUE_ITEMS',
  'digital andel (%)': 'DIGITAL_OUTGOING_PERCENT', 'digital andel': 'DIGITAL_OUTGOING_PERCENT', 'andel digital utgående post (%)': 'DIGITAL_OUTGOING_PERCENT',
};

export interface ImportItem {
  line: number;
  municipality: Municipality;
  month: string;
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED';
  changedFields: string[];
  values: Partial<FigureValues>;
}

export interface FiguresImportReport {
  dryRun: boolean;
  items: ImportItem[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  problems: Problems['list'];
  errorCount: number;
  warningCount: number;
  noticeCount: number;
  omittedProblemCount: number;
  canImport: boolean;
  created: number | null;
  updated: number | null;
}

/** Splits one line at semicolons outside double quotes ("" is a quote inside them). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells.map((v) => v.trim());
}

/** A Norwegian number: decimal comma, spaces (also no-break) as thousands separators, an optional %. */
export function norwegianNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

/** YYYY-MM, or MM.YYYY as a Norwegian spreadsheet shows it. */
function monthText(text: string): string | null {
  const iso = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (iso) return text;
  const nb = /^(0?[1-9]|1[0-2])[./](\d{4})$/.exec(text);
  return nb ? `${nb[2]}-${nb[1]!.padStart(2, '0')}` : null;
}

interface Parsed { line: number; municipality: Municipality; month: string; values: Partial<FigureValues> }

async function parse(tx: Prisma.TransactionClient, ctx: Context, text: string, file: string, problems: Problems): Promise<Parsed[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => HEADERS[h.toLowerCase()] ?? null);
  const problem = (severity: 'ERROR' | 'WARNING', code: string, line: number | null, path: string, message: string) => problems.add({ severity, code, line, path, file, message });
  splitCsvLine(lines[0] ?? '').forEach((h, i) => { if (h && !header[i]) problem('WARNING', 'UNKNOWN_COLUMN', 1, `kolonne ${i + 1}`, `Kolonnen «${h}» er ukjent og blir ikke lest.`); });
  if (!header.includes('MUNICIPALITY') || !header.includes('MONTH')) {
    problem('ERROR', 'MISSING_COLUMN', 1, 'overskrift', 'Filen må ha kolonnene «kommunenummer» og «måned» i første linje.');
    return [];
  }
  const municipalities = await tx.municipality.findMany({ where: { deletedAt: null } });
  const byNumber = new Map(municipalities.map((m) => [m.number, m]));
  const thisMonth = osloDate().slice(0, 7);
  const seen = new Map<string, number>();
  const rows: Parsed[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = index + 1;
    if (!lines[index]!.trim()) continue;
    const cells = splitCsvLine(lines[index]!);
    const at = (kind: string) => cells[header.indexOf(kind as never)] ?? '';
    const number = at('MUNICIPALITY').padStart(4, '0');
    const municipality = byNumber.get(number);
    const month = monthText(at('MONTH'));
    let ok = true;
    if (!municipality) { problem('ERROR', 'UNKNOWN_MUNICIPALITY', line, `rad ${line}, kommunenummer`, `Fant ingen kommune med nummer «${at('MUNICIPALITY')}».`); ok = false; }
    else if (!holdsRoleIn(ctx, ['COORDINATOR'], municipality.id)) { problem('ERROR', 'MUNICIPALITY_NOT_ALLOWED', line, `rad ${line}, kommunenummer`, `Du kan ikke registrere driftstall for ${municipality.name}.`); ok = false; }
    if (!month) { problem('ERROR', 'INVALID_MONTH', line, `rad ${line}, måned`, `«${at('MONTH')}» er ikke en måned (ÅÅÅÅ-MM eller MM.ÅÅÅÅ).`); ok = false; }
    else if (month > thisMonth) { problem('ERROR', 'FUTURE_MONTH', line, `rad ${line}, måned`, `Måneden ${month} er ikke begynt ennå.`); ok = false; }
    const values: Partial<FigureValues> = {};
    for (const field of OPERATING_FIGURE_FIELDS) {
      const i = header.indexOf(field);
      const raw = i >= 0 ? (cells[i] ?? '') : '';
      if (!raw) continue;
      const value = norwegianNumber(raw);
      const checked = value === null ? null : operatingFigureValueRule(field).safeParse(value);
      if (!checked?.success) { problem('ERROR', 'INVALID_VALUE', line, `rad ${line}, kolonne ${i + 1}`, `«${raw}»: ${checked?.error.issues[0]?.message ?? 'Skriv et tall.'}`); ok = false; continue; }
      values[OPERATING_FIGURE_COLUMN[field]] = checked.data;
    }
    if (!ok || !municipality || !month) continue;
    const key = `${municipality.id}:${month}`;
    if (seen.has(key)) { problem('ERROR', 'DUPLICATE_ROW', line, `rad ${line}`, `${municipality.name} ${month} står også på rad ${seen.get(key)}.`); continue; }
    seen.set(key, line);
    if (Object.keys(values).length === 0) problem('WARNING', 'EMPTY_ROW', line, `rad ${line}`, 'Raden har ingen tall og endrer ingenting.');
    rows.push({ line, municipality, month, values });
  }
  if (lines.slice(1).every((l) => !l.trim())) problem('ERROR', 'NO_ROWS', null, 'fil', 'Filen har ingen rader under overskriften.');
  return rows;
}

async function plan(tx: Prisma.TransactionClient, rows: Parsed[]): Promise<ImportItem[]> {
  const existing = rows.length ? await tx.operatingFigure.findMany({ where: { OR: rows.map((r) => ({ municipalityId: r.municipality.id, month: monthDate(r.month) })) } }) : [];
  const byKey = new Map(existing.map((f) => [`${f.municipalityId}:${f.month.toISOString().slice(0, 7)}`, f]));
  return rows.map((row) => {
    const current = byKey.get(`${row.municipality.id}:${row.month}`);
    const changedFields = Object.entries(row.values).filter(([column, value]) => !current || current[column as keyof FigureValues] !== value).map(([column]) => column);
    const action = !current ? 'CREATE' : changedFields.length ? 'UPDATE' : 'UNCHANGED';
    return { line: row.line, municipality: row.municipality, month: row.month, action, changedFields, values: row.values };
  });
}

function report(dryRun: boolean, items: ImportItem[], problems: Problems, written: { created: number; updated: number } | null): FiguresImportReport {
  const count = (action: ImportItem['action']) => items.filter((i) => i.action === action).length;
  return {
    dryRun, items, toCreate: count('CREATE'), toUpdate: count('UPDATE'), unchanged: count('UNCHANGED'),
    problems: problems.list, errorCount: problems.counts.ERROR, warningCount: problems.counts.WARNING, noticeCount: problems.counts.NOTICE, omittedProblemCount: problems.omitted,
    canImport: !problems.hasErrors, created: written?.created ?? null, updated: written?.updated ?? null,
  };
}

async function readSmallUpload(ctx: Context, uploadId: string) {
  const uploads = ctx.config.uploads;
  let upload;
  try {
    upload = await openUpload(uploads.dir, uploadId, ctx.user!.id, uploads.retentionMs);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, undefined, { path: ['uploadId'] });
    throw error;
  }
  if (upload.size > MAX_IMPORT_BYTES) throw new AppError('VALIDATION_FAILED', 'Filen er for stor: driftstall kan importeres fra filer på høyst 1 MB.', { path: ['uploadId'] });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readFile(upload.path));
  return { upload, text };
}

export async function dryRunImport(ctx: Context, uploadId: string): Promise<FiguresImportReport> {
  const { upload, text } = await readSmallUpload(ctx, uploadId);
  const problems = new Problems();
  return ctx.prisma.$transaction(async (tx) => report(true, await plan(tx, await parse(tx, ctx, text, upload.filename, problems)), problems, null));
}

export async function runImport(ctx: Context, uploadId: string): Promise<FiguresImportReport> {
  const { upload, text } = await readSmallUpload(ctx, uploadId);
  const problems = new Problems();
  const result = await ctx.prisma.$transaction(async (tx) => {
    // Serialised with other imports and cell edits' conflicts: plan again here, write what was planned.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('samarkiv:operating-figure-import'))`;
    const items = await plan(tx, await parse(tx, ctx, text, upload.filename, problems));
    if (problems.hasErrors) return report(false, items, problems, null);
    for (const item of items.filter((i) => i.action !== 'UNCHANGED')) {
      await tx.operatingFigure.upsert({
        where: { municipalityId_month: { municipalityId: item.municipality.id, month: monthDate(item.month) } },
        create: { municipalityId: item.municipality.id, month: monthDate(item.month), ...item.values },
        update: { ...item.values, version: { increment: 1 } },
      });
    }
    const written = { created: items.filter((i) => i.action === 'CREATE').length, updated: items.filter((i) => i.action === 'UPDATE').length };
    await recordAudit(tx, ctx, {
      action: 'import',
      entityType: 'OperatingFigure',
      after: { file: upload.filename, sha256: upload.sha256, ...written, unchanged: items.length - written.created - written.updated, rows: items.filter((i) => i.action !== 'UNCHANGED').map((i) => ({ municipalityId: i.municipality.id, month: i.month, ...i.values })) },
    });
    return report(false, items, problems, written);
  });
  if (result.created !== null) await discardUpload(ctx.config.uploads.dir, uploadId);
  return result;
}
