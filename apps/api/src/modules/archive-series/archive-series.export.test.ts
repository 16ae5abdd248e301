import { norwegianSortKey } from '@samarkiv/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/testApi.ts';
import { useTestApi } from '../../testing/useTestApi.ts';
import { EXPORT_BATCH } from './export.ts';
import { makeSeries, municipalityIdOf } from './fixtures.ts';

// GET /exports/archive-series over HTTP: the browser's view parameters, every matching row
// (across keyset batches), and a CSV a Norwegian spreadsheet opens as is.

const t = useTestApi({ per: 'file' });
let leser: TestClient;
const MANY = EXPORT_BATCH + 5;

beforeAll(async () => {
  leser = await t.api.signIn('leser');
  const rollag = await municipalityIdOf(t.db.prisma, '3336');
  const creator = await t.db.prisma.archiveCreator.findFirstOrThrow({ where: { municipalityId: rollag } });
  await t.db.prisma.archiveSeries.createMany({
    data: Array.from({ length: MANY }, (_, i) => {
      const title = `Eksportserie ${String(i).padStart(4, '0')}`;
      return {
        municipalityId: rollag,
        identifier: `EXP-${String(i).padStart(4, '0')}`,
        title,
        titleSortKey: norwegianSortKey(title),
        status: i % 2 === 0 ? ('AKTIV_PERIODE' as const) : ('AVSLUTTET_PERIODE' as const),
        documentMedium: 'ELEKTRONISK' as const,
        periodStart: new Date('1999-03-05T00:00:00Z'),
        system: 'Eksporttest',
      };
    }),
  });
  await makeSeries(t.db.prisma, rollag, {
    identifier: 'EXP-SPESIAL',
    title: '=Møter; "styre" og råd',
    system: 'Spesialtest',
    archiveCreatorId: creator.id,
    retentionDecision: 'BEVARES',
    periodStart: new Date('2001-12-24T00:00:00Z'),
    periodEnd: new Date('2010-01-31T00:00:00Z'),
    extentShelfMetres: 2.5,
  });
});

const download = (query: string, cookie = leser.cookie) => fetch(`${t.api.url}/exports/archive-series?${query}`, { headers: cookie ? { cookie } : {} });

/** Data lines of a CSV body (BOM, header and the final CRLF taken off). */
async function parse(response: Response): Promise<{ header: string; lines: string[] }> {
  // Read as bytes: Response.text() would drop the BOM this checks for.
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...lines] = text.slice(1, -2).split('\r\n');
  return { header: header!, lines };
}

describe('GET /exports/archive-series', () => {
  it('streams every matching series, past one batch, in the order asked for, with Norwegian headers', async () => {
    const response = await download('format=csv&system=Eksporttest&sorter=IDENTIFIER.desc');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Arkivserier \d{4}-\d{2}-\d{2}\.csv"/);
    const { header, lines } = await parse(response);
    expect(header.split(';').slice(0, 6)).toEqual(['Kommune', 'Arkivskaper', 'Arkiv', 'SystemID', 'Identifikator', 'Tittel']);
    expect(header).toContain('Arkivperiode startdato;Arkivperiode sluttdato');
    expect(lines).toHaveLength(MANY);
    const identifiers = lines.map((l) => l.split(';')[4]);
    const expected = Array.from({ length: MANY }, (_, i) => `EXP-${String(MANY - 1 - i).padStart(4, '0')}`);
    expect(identifiers).toEqual(expected);
    expect(lines[0]).toMatch(/^Rollag;;;;EXP-1004;Eksportserie 1004;;Aktiv periode;Elektronisk arkiv;05\.03\.1999;;Nei;/);
  });

  it('applies the same filters as the browser URL', async () => {
    const { lines } = await parse(await download('system=Eksporttest&status=AVSLUTTET_PERIODE&sok=Eksportserie+100'));
    expect(lines.map((l) => l.split(';')[4]).sort()).toEqual(['EXP-1001', 'EXP-1003']);
    const none = await parse(await download('system=Eksporttest&kommune=999999'));
    expect(none.lines).toEqual([]);
  });

  it('writes names, code-list words, dd.mm.yyyy dates and quotes fields that need it', async () => {
    const { header, lines } = await parse(await download('system=Spesialtest'));
    expect(lines).toHaveLength(1);
    const cells = Object.fromEntries(header.split(';').map((name, i) => [name, i]));
    const line = lines[0]!;
    expect(line).toContain(`;"'=Møter; ""styre"" og råd";`);
    const plain = line.replace(`"'=Møter; ""styre"" og råd"`, 'TITTEL').split(';');
    expect(plain[cells['Arkivperiode startdato']!]).toBe('24.12.2001');
    expect(plain[cells['Arkivperiode sluttdato']!]).toBe('31.01.2010');
    expect(plain[cells['Kassasjonsvedtak']!]).toBe('Bevares');
    expect(plain[cells['Hyllemeter']!]).toBe('2,5');
    expect(plain[cells['Arkivskaper']!]).not.toBe('');
    expect(plain[cells['Sist endret']!]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  });

  it('refuses another format with 400 and a coded error, and a caller without a session with 401', async () => {
    const bad = await download('format=xlsx');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { extensions: { code: string; path: string[] } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'VALIDATION_FAILED', path: ['format'] });
    expect((await download('format=csv', null)).status).toBe(401);
  });
});
