import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { makeRisk, municipalityId, osloDay } from './risk.fixtures.ts';

// GET /exports/risk-register and /exports/risk-measures, read back as a spreadsheet would.

const t = useTestApi({ per: 'file' });
let viewer: TestClient;
let area: string;
const MARKING = 'Unntatt offentlighet, offl. § 24 tredje ledd';

beforeAll(async () => {
  viewer = await t.api.signIn('leser');
  const kongsberg = await municipalityId(t.db, '3303');
  const sigdal = await municipalityId(t.db, '3332');
  const a = await t.db.prisma.riskArea.create({ data: { code: 'EKSPORT', name: 'Eksport; «test»' } });
  area = String(a.id);
  const first = await makeRisk(t.db, { reference: 'E-01', title: 'Tittel med "anførselstegn"; og semikolon', areaId: a.id, municipalityIds: [sigdal, kongsberg], scores: [4, 4], residual: [2, 2], status: 'MONITORING', nextReviewDate: '2027-03-05' });
  await t.db.prisma.risk.update({ where: { id: first.id }, data: { ownerName: 'Åse Ødegård', acceptanceApproverName: 'Daglig leder', acceptedOn: new Date('2026-01-01T00:00:00Z'), acceptanceExpiresOn: new Date('2027-01-31T00:00:00Z') } });
  await makeRisk(t.db, { reference: 'E-02', title: '=HYPERLINK("http://x")', areaId: a.id, appliesToAll: true, scores: [1, 2] });
  await t.db.prisma.measure.createMany({
    data: [
      { riskId: first.id, title: 'Forfalt tiltak', deadline: new Date(`${osloDay(-2)}T00:00:00Z`), status: 'IN_PROGRESS' },
      { riskId: first.id, title: 'Fullført tiltak', deadline: new Date('2026-02-01T00:00:00Z'), status: 'DONE', completedAt: new Date('2026-01-20T23:30:00Z') },
      { riskId: first.id, title: 'Tiltak uten frist' },
      { riskId: first.id, title: 'Slettet tiltak', deletedAt: new Date() },
    ],
  });
});

function download(name: string, query: Record<string, string>, client: TestClient | null = viewer) {
  return fetch(`${t.api.url}/exports/${name}?${new URLSearchParams(query)}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
}

/** The body's bytes as text, the BOM kept (Response.text() would drop it). */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** CSV as a Norwegian spreadsheet reads it: BOM, CRLF lines, `;` fields, "" inside quotes. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else {
      expect(ch, 'a bare line feed outside quotes').not.toBe('\n');
      field += ch;
    }
  }
  expect(field).toBe('');
  return rows;
}

const REGISTER_HEADERS = ['Referanse', 'Tittel', 'Risikoområde', 'Kommuner', 'Eier', 'Status', 'Sannsynlighet (iboende)', 'Konsekvens (iboende)', 'Iboende nivå', 'Sannsynlighet (rest)', 'Konsekvens (rest)', 'Restrisikonivå', 'Akseptert til', 'Neste gjennomgang', 'Åpne tiltak', 'Forfalte tiltak'];
const MEASURE_HEADERS = ['Risiko (referanse)', 'Risikotittel', 'Tiltak', 'Eier', 'Frist', 'Status', 'Fullført', 'Forfalt'];

describe('risk register as CSV', () => {
  it('has the marking line, an empty line, Norwegian headers and one row per matching risk with Norwegian dates, levels and statuses', async () => {
    const response = await download('risk-register', { format: 'csv', marking: MARKING, omrade: area });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename="risikoregister-${osloDay(0)}.csv"`);
    const rows = parseCsv(await csvText(response));
    expect(rows[0]).toEqual([MARKING]);
    expect(rows[1]).toEqual(['']);
    expect(rows[2]).toEqual(REGISTER_HEADERS);
    expect(rows.slice(3)).toEqual([
      ['E-01', 'Tittel med "anførselstegn"; og semikolon', 'Eksport; «test»', 'Kongsberg, Sigdal', 'Åse Ødegård', 'Overvåkes', '4', '4', 'Høy', '2', '2', 'Lav', '31.01.2027', '05.03.2027', '2', '1'],
      // A title a spreadsheet would run as a formula is defused.
      ['E-02', `'=HYPERLINK("http://x")`, 'Eksport; «test»', 'Alle', '', 'Åpen', '1', '2', 'Lav', '', '', '', '', '', '0', '0'],
    ]);
  });

  it('filters by municipality, status and search, and starts with the header without a marking', async () => {
    const kongsberg = String(await municipalityId(t.db, '3303'));
    const tinn = String(await municipalityId(t.db, '4026'));
    const rowsOf = async (query: Record<string, string>) => parseCsv(await csvText(await download('risk-register', { format: 'csv', omrade: area, ...query })));
    const all = await rowsOf({ kommune: kongsberg });
    expect(all[0]).toEqual(REGISTER_HEADERS);
    expect(all.slice(1).map((r) => r[0])).toEqual(['E-01', 'E-02']);
    expect((await rowsOf({ kommune: tinn })).slice(1).map((r) => r[0])).toEqual(['E-02']);
    expect((await rowsOf({ status: 'OPEN,CLOSED' })).slice(1).map((r) => r[0])).toEqual(['E-02']);
    expect((await rowsOf({ sok: 'e-01' })).slice(1).map((r) => r[0])).toEqual(['E-01']);
  });

  it('records each download in the audit trail', async () => {
    const before = await t.db.prisma.auditEvent.count({ where: { action: 'export' } });
    await (await download('risk-register', { format: 'csv', omrade: area, marking: MARKING })).text();
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: 'export' }, orderBy: { id: 'desc' } });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ entityType: 'Risk', actorId: expect.any(Number), after: { export: 'risk-register', format: 'csv', marking: MARKING, rows: 2 } });
  });

  it('answers bad parameters with 400 and a coded JSON error naming the parameter, and no session with 401', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ format: 'pdf' }, 'format'],
      [{}, 'format'],
      [{ format: 'csv', marking: 'x'.repeat(201) }, 'marking'],
      [{ format: 'csv', marking: 'a\nb' }, 'marking'],
      [{ format: 'csv', omrade: '1,abc' }, 'omrade'],
      [{ format: 'csv', kommune: '0' }, 'kommune'],
      [{ format: 'csv', status: 'OPEN,Åpen' }, 'status'],
    ];
    for (const [query, path] of cases) {
      const response = await download('risk-register', query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string; path: string[] } }[] };
      expect(body.errors[0]!.extensions).toEqual({ code: 'VALIDATION_FAILED', path: [path] });
      expect(body.errors[0]!.message).toMatch(/[a-zæøå]/);
    }
    expect((await download('risk-register', { format: 'csv' }, null)).status).toBe(401);
  });
});

describe('measures as CSV', () => {
  it('lists the live measures of the matching risks with deadline, status, completion day (Oslo) and overdue', async () => {
    const response = await download('risk-measures', { format: 'csv', omrade: area });
    expect(response.headers.get('content-disposition')).toContain(`filename="tiltak-${osloDay(0)}.csv"`);
    const rows = parseCsv(await csvText(response));
    expect(rows[0]).toEqual(MEASURE_HEADERS);
    const title = 'Tittel med "anførselstegn"; og semikolon';
    const [y, m, d] = osloDay(-2).split('-');
    expect(rows.slice(1)).toEqual([
      ['E-01', title, 'Fullført tiltak', '', '01.02.2026', 'Fullført', '21.01.2026', 'Nei'],
      ['E-01', title, 'Forfalt tiltak', '', `${d}.${m}.${y}`, 'Pågår', '', 'Ja'],
      ['E-01', title, 'Tiltak uten frist', '', '', 'Planlagt', '', 'Nei'],
    ]);
  });
});

describe('XLSX', () => {
  async function workbook(name: string, query: Record<string, string>) {
    const response = await download(name, query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book;
  }

  it('has the marking merged and bold in row 1 and on every printed page, a bold frozen header with autofilter, and real dates', async () => {
    const book = await workbook('risk-register', { format: 'xlsx', marking: MARKING, omrade: area });
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(MARKING);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('P1').isMerged).toBe(true);
    expect(sheet.getCell('P1').master.address).toBe('A1');
    expect(sheet.headerFooter.oddHeader).toContain(MARKING);
    expect(sheet.headerFooter.oddFooter).toContain(MARKING);
    const header = sheet.getRow(2);
    expect(REGISTER_HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(REGISTER_HEADERS);
    expect(REGISTER_HEADERS.every((_, i) => header.getCell(i + 1).font?.bold === true)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe('E-01');
    expect(row.getCell(7).value).toBe(4);
    const review = row.getCell(14);
    expect(review.value).toBeInstanceOf(Date);
    expect((review.value as Date).toISOString()).toBe('2027-03-05T00:00:00.000Z');
    expect(review.numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getRow(4).getCell(2).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(4).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('starts with the header when there is no marking, and exports measures with their dates', async () => {
    const book = await workbook('risk-measures', { format: 'xlsx', omrade: area });
    const sheet = book.worksheets[0]!;
    expect(MEASURE_HEADERS.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual(MEASURE_HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(3).value).toBe('Fullført tiltak');
    expect((sheet.getRow(2).getCell(7).value as Date).toISOString()).toBe('2026-01-21T00:00:00.000Z');
  });
});
