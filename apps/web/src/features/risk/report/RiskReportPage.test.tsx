import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInAs, VIEWER } from '../../../test/auth.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { server } from '../../../test/server.ts';
import type { ReportData, ReportFinding, ReportRisk } from './reportQuery.ts';

const area = { __typename: 'RiskArea', id: '1', name: 'Informasjonssikkerhet' };
const kongsberg = { __typename: 'Municipality', id: '3303', name: 'Kongsberg' };
const flesberg = { __typename: 'Municipality', id: '3334', name: 'Flesberg' };

function risk(id: string, reference: string, fields: Partial<ReportRisk> = {}): ReportRisk {
  return {
    __typename: 'Risk',
    id,
    reference,
    title: `Tittel ${reference}`,
    area,
    municipalities: [],
    appliesToAll: true,
    owner: null,
    ownerName: 'Daglig leder',
    status: 'OPEN',
    inherentScore: 20,
    inherentLevel: 'HIGH',
    residualScore: null,
    residualLevel: null,
    nextReviewDate: null,
    isReviewOverdue: false,
    acceptance: null,
    measures: [],
    ...fields,
  } as ReportRisk;
}

const r1 = risk('11', 'R-01', {
  municipalities: [kongsberg],
  appliesToAll: false,
  owner: { __typename: 'Person', id: 'u-1', displayName: 'Kari Nordmann' } as never,
  residualScore: 6,
  residualLevel: 'MEDIUM',
  nextReviewDate: '2026-01-31',
  isReviewOverdue: true,
  acceptance: { __typename: 'RiskAcceptance', approverName: 'Rådmann', expiresOn: '2026-12-31', isExpired: false } as never,
  measures: [
    { __typename: 'Measure', id: '101', title: 'Tilgangsgjennomgang', owner: null, ownerName: 'IT-sjef', deadline: '2026-02-01', status: 'IN_PROGRESS', completedAt: null, isOverdue: true },
    { __typename: 'Measure', id: '102', title: 'Opplæring', owner: null, ownerName: null, deadline: null, status: 'DONE', completedAt: '2026-01-10T09:00:00.000Z', isOverdue: false },
  ] as never,
});
const r2 = risk('12', 'R-02');
const r3 = risk('13', 'R-03', { title: 'Den siste risikoen' });

const findings: ReportFinding[] = [
  { __typename: 'Finding', id: '1', kind: 'SUCCESS_FACTOR', title: 'Forankring i ledelsen', description: null, status: 'AT_RISK', risks: [{ __typename: 'Risk', id: '11', reference: 'R-01' }] },
  { __typename: 'Finding', id: '2', kind: 'VULNERABILITY', title: 'Én person kan uttrekk', description: 'Sårbart ved fravær.', status: null, risks: [] },
] as never;

function cells() {
  return [1, 2, 3, 4, 5].flatMap((likelihood) =>
    [1, 2, 3, 4, 5].map((consequence) => {
      const score = likelihood * consequence;
      const inCell = likelihood === 5 && consequence === 4;
      return {
        __typename: 'RiskMatrixCell',
        likelihood,
        consequence,
        level: score <= 4 ? 'LOW' : score <= 9 ? 'MEDIUM' : 'HIGH',
        count: inCell ? 3 : 0,
        risks: inCell ? [{ __typename: 'Risk', id: '11', reference: 'R-01' }, { __typename: 'Risk', id: '12', reference: 'R-02' }] : [],
      };
    }),
  );
}

function page<T>(nodes: T[], hasNextPage = false, total = nodes.length) {
  return { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'next' : null }, totalCount: total };
}

function reportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    riskMatrix: {
      __typename: 'RiskMatrix',
      asOf: '2024-05-31',
      basis: 'INHERENT',
      totalCount: 3,
      criteria: {
        __typename: 'AcceptanceCriteria',
        id: '2',
        name: 'ROS mai 2024',
        scale: [
          { __typename: 'ScaleLevel', axis: 'LIKELIHOOD', level: 5, label: 'Svært sannsynlig' },
          { __typename: 'ScaleLevel', axis: 'CONSEQUENCE', level: 4, label: 'Alvorlig' },
        ],
      },
      cells: cells(),
    },
    risks: page([r1, r2]),
    findings: page(findings),
    riskAreas: [area, { __typename: 'RiskArea', id: '2', name: 'Bevaring' }],
    municipalities: [flesberg, kongsberg],
    riskBaselines: [{ __typename: 'RiskBaseline', id: '7', name: 'ROS mai 2024', takenAt: '2024-05-31T10:00:00.000Z' }],
    ...overrides,
  } as ReportData;
}

function answerReport(data: ReportData) {
  const calls: Record<string, unknown>[] = [];
  server.use(
    graphql.query('RiskReport', ({ variables }) => {
      calls.push(variables);
      return HttpResponse.json({ data });
    }),
  );
  return calls;
}

// The report renders four sections from one answer; on a busy shared machine that can take longer than 5 s.
describe('RiskReportPage', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-05T13:30:00.000Z'));
    signInAs(VIEWER);
  });
  afterEach(() => vi.useRealTimers());

  it('prints a header with the date, the filters in words, the baseline and the marking, then each section', async () => {
    window.localStorage.setItem('samarkiv.marking', JSON.stringify({ choice: 'offl24', custom: '' }));
    const calls = answerReport(reportData());
    renderApp('/risiko/rapport?omrade=1&kommune=3303,3334&status=OPEN,MONITORING&sok=arkiv&grunnlag=iboende&baseline=7&celle=5-4');

    // The first test waits for the lazy page's chunk to be transformed, slow on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'ROS-rapport' }, { timeout: 10_000 })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: 'Risikomatrise' });
    expect(calls).toEqual([
      {
        filter: { areaIds: ['1'], municipalityIds: ['3303', '3334'], statuses: ['OPEN', 'MONITORING'], search: 'arkiv' },
        basis: 'INHERENT',
        asOf: null,
        baselineId: '7',
        withBaseline: true,
        orderBy: null,
        first: 40,
        cellLimit: 20,
      },
    ]);

    const header = document.querySelector('.report-header') as HTMLElement;
    const fact = (term: string) => within(header).getByText(term).nextElementSibling?.textContent;
    expect(within(header).getByText('Unntatt offentlighet, offl. § 24 tredje ledd')).toHaveClass('report-marking');
    expect(fact('Laget')).toBe('05.03.2026 14:30');
    expect(fact('Matrisen per')).toBe('Baseline «ROS mai 2024» (31.05.2024 12:00)');
    expect(fact('Grunnlag')).toBe('Iboende risiko');
    expect(fact('Risikoområder')).toBe('Informasjonssikkerhet');
    expect(fact('Kommuner')).toBe('Kongsberg, Flesberg');
    expect(fact('Status')).toBe('Åpen, Overvåkes');
    expect(fact('Søk')).toBe('«arkiv»');
    expect(fact('Akseptkriterier')).toBe('ROS mai 2024');
    // Repeated at the top and bottom of every printed page.
    expect(document.querySelectorAll('.report-running')).toHaveLength(2);
    expect(document.querySelector('.report-running--top')).toHaveTextContent('Unntatt offentlighet, offl. § 24 tredje ledd');

    const matrix = screen.getByRole('table', { name: 'Iboende risiko per 31.05.2024, 3 risikoer' });
    const topRow = within(matrix).getAllByRole('row')[1]!;
    expect(within(topRow).getByRole('rowheader')).toHaveTextContent('Sannsynlighet 5 Svært sannsynlig');
    const crowded = within(topRow).getAllByRole('cell')[3]!;
    expect(crowded).toHaveTextContent('Høy3 risikoerR-01, R-02 + 1 til');
    expect(crowded).toHaveClass('risk-level-fill--high');
    expect(within(topRow).getAllByRole('cell')[0]).toHaveTextContent('Middels0 risikoer');

    expect(screen.getByRole('heading', { level: 2, name: 'Risikoregister (2)' })).toBeInTheDocument();
    const register = screen.getByRole('table', { name: 'Risikoer som passer filtrene' });
    const [first, second] = within(register).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent(/R-01Tittel R-01InformasjonssikkerhetKongsbergKari NordmannÅpenHøy \(20\)Middels \(6\)Til 31\.12\.2026 av Rådmann31\.01\.2026 \(forfalt\)1 \(1 forfalt\)/);
    expect(second).toHaveTextContent('Alle kommuner');
    expect(second).toHaveTextContent('Ikke vurdert');

    expect(screen.getByRole('heading', { level: 2, name: 'Tiltak (2)' })).toBeInTheDocument();
    const measures = within(screen.getByRole('table', { name: 'Tiltakene for risikoene i registeret' })).getAllByRole('row').slice(1);
    expect(measures[0]).toHaveTextContent('R-01TilgangsgjennomgangIT-sjef01.02.2026PågårJa');
    expect(measures[1]).toHaveTextContent('R-01Opplæring––Fullført 10.01.2026 10:00Nei');

    expect(screen.getByRole('heading', { level: 2, name: 'Funn (2)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Suksessfaktorer (1)' })).toBeInTheDocument();
    expect(screen.getByText('Forankring i ledelsen').closest('li')).toHaveTextContent('Forankring i ledelsen – I faresonenRisikoer: R-01');
    expect(screen.getByRole('heading', { level: 3, name: 'Sårbarheter (1)' })).toBeInTheDocument();
  });

  it('reads the rest of a long register before it can be printed, and prints with the browser', async () => {
    const calls = answerReport(reportData({ risks: page([r1, r2], true, 3), riskBaselines: undefined }));
    const more: unknown[] = [];
    server.use(
      graphql.query('RiskReportMoreRisks', ({ variables }) => {
        more.push(variables);
        return HttpResponse.json({ data: { risks: page([r3]) } });
      }),
    );
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = renderApp('/risiko/rapport?sorter=RESIDUAL_SCORE.desc');

    await screen.findByRole('heading', { level: 2, name: 'Risikoregister (3)' });
    expect(calls[0]).toMatchObject({ filter: {}, basis: 'RESIDUAL', baselineId: null, withBaseline: false, orderBy: { field: 'RESIDUAL_SCORE', direction: 'DESC' } });
    expect(more).toEqual([{ filter: {}, orderBy: { field: 'RESIDUAL_SCORE', direction: 'DESC' }, first: 40, after: 'next' }]);
    expect(screen.getByText('Den siste risikoen')).toBeInTheDocument();
    const header = document.querySelector('.report-header') as HTMLElement;
    expect(within(header).getByText('Risikoområder').nextElementSibling).toHaveTextContent('Alle');
    expect(within(header).getByText('Matrisen per').nextElementSibling).toHaveTextContent('31.05.2024');
    // No marking chosen: none printed, until one is chosen here.
    expect(document.querySelector('.report-marking')).toBeNull();
    expect(document.querySelector('.report-running')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Merking'), 'Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1');
    expect(within(header).getByText('Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1')).toHaveClass('report-marking');
    expect(document.querySelectorAll('.report-running')).toHaveLength(2);

    const button = screen.getByRole('button', { name: 'Skriv ut' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});
