import { Prisma, type MeasureStatus, type PrismaClient, type RiskLevel, type RiskStatus } from '@samarkiv/db';
import { RISK_STATUSES } from '@samarkiv/shared';
import { isoDate, osloDate } from '../../graphql/dates.ts';
import { AppError } from '../../graphql/errors.ts';
import { type ExportRequest, registerExport } from '../../http/exports.ts';
import { formatAndMarking, tableDownload, type Column, type Table } from '../../http/spreadsheet.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { acceptanceOf } from './acceptance.service.ts';
import { levelOf, loadCriteriaVersions } from './criteria.service.ts';
import { isOverdue } from './measure.service.ts';
import { type RiskFilterInput, riskConditions, whereOf } from './risk-filter.ts';
import { createRiskLoaders } from './risk.loaders.ts';

// GET /exports/risk-register and /exports/risk-measures: the register and its measures for a
// spreadsheet, filtered with the web URL's parameters (omrade, kommune, status, sok).

const LEVEL: Record<RiskLevel, string> = { LOW: 'Lav', MEDIUM: 'Middels', HIGH: 'Høy' };
const RISK_STATUS: Record<RiskStatus, string> = { OPEN: 'Åpen', MONITORING: 'Overvåkes', ACCEPTED: 'Akseptert', CLOSED: 'Lukket' };
const MEASURE_STATUS: Record<MeasureStatus, string> = { PLANNED: 'Planlagt', IN_PROGRESS: 'Pågår', DONE: 'Fullført', CANCELLED: 'Avbrutt' };

function idList(params: URLSearchParams, name: string): string[] | null {
  const raw = params.get(name);
  if (!raw) return null;
  const ids = raw.split(',').map((v) => v.trim()).filter(Boolean);
  if (ids.some((id) => !/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647)) throw new AppError('VALIDATION_FAILED', 'Ugyldig id i listen.', { path: [name] });
  return ids;
}

/** The web URL's filter parameters as a RiskFilter; anything else in the query string is ignored. */
export function exportFilter(params: URLSearchParams): RiskFilterInput {
  const statuses = params.get('status')?.split(',').map((v) => v.trim()).filter(Boolean) ?? [];
  if (statuses.some((s) => !(RISK_STATUSES as readonly string[]).includes(s))) throw new AppError('VALIDATION_FAILED', `Ukjent status. Gyldige verdier: ${RISK_STATUSES.join(', ')}.`, { path: ['status'] });
  const search = params.get('sok')?.trim() || null;
  if (search && search.length > 200) throw new AppError('VALIDATION_FAILED', 'Søket kan ha høyst 200 tegn.', { path: ['sok'] });
  return { areaIds: idList(params, 'omrade'), municipalityIds: idList(params, 'kommune'), statuses: statuses.length ? (statuses as RiskStatus[]) : null, search };
}

/** Live risks matching the filter, by reference (as the register lists them by default). */
async function matchingRiskIds(prisma: PrismaClient, filter: RiskFilterInput): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM risk r ${whereOf([Prisma.sql`r.deleted_at IS NULL`, ...riskConditions(filter, null)])} ORDER BY r.reference COLLATE "C", r.id`;
  return rows.map((row) => Number(row.id));
}

const REGISTER_COLUMNS: Column[] = [
  { header: 'Referanse', kind: 'text', width: 12 },
  { header: 'Tittel', kind: 'text', width: 50 },
  { header: 'Risikoområde', kind: 'text', width: 28 },
  { header: 'Kommuner', kind: 'text', width: 30 },
  { header: 'Eier', kind: 'text', width: 26 },
  { header: 'Status', kind: 'text', width: 12 },
  { header: 'Sannsynlighet (iboende)', kind: 'int', width: 12 },
  { header: 'Konsekvens (iboende)', kind: 'int', width: 12 },
  { header: 'Iboende nivå', kind: 'text', width: 12 },
  { header: 'Sannsynlighet (rest)', kind: 'int', width: 12 },
  { header: 'Konsekvens (rest)', kind: 'int', width: 12 },
  { header: 'Restrisikonivå', kind: 'text', width: 12 },
  { header: 'Akseptert til', kind: 'date', width: 13 },
  { header: 'Neste gjennomgang', kind: 'date', width: 13 },
  { header: 'Åpne tiltak', kind: 'int', width: 10 },
  { header: 'Forfalte tiltak', kind: 'int', width: 10 },
];

const MEASURE_COLUMNS: Column[] = [
  { header: 'Risiko (referanse)', kind: 'text', width: 12 },
  { header: 'Risikotittel', kind: 'text', width: 40 },
  { header: 'Tiltak', kind: 'text', width: 50 },
  { header: 'Eier', kind: 'text', width: 26 },
  { header: 'Frist', kind: 'date', width: 13 },
  { header: 'Status', kind: 'text', width: 12 },
  { header: 'Fullført', kind: 'date', width: 13 },
  { header: 'Forfalt', kind: 'text', width: 9 },
];

async function registerTable(prisma: PrismaClient, ids: number[], marking: string | null): Promise<Table> {
  const today = osloDate();
  const [risks, versions, counts] = await Promise.all([
    prisma.risk.findMany({
      where: { id: { in: ids } },
      include: { area: true, owner: { select: { displayName: true } }, municipalities: { include: { municipality: true }, orderBy: [{ municipality: { name: 'asc' } }, { municipalityId: 'asc' }] } },
    }),
    loadCriteriaVersions(prisma),
    createRiskLoaders(prisma).measureCountsByRisk.loadMany(ids),
  ]);
  const criteria = versions.filter((v) => v.validFrom <= today).at(-1) ?? null;
  const byId = new Map(risks.map((r) => [r.id, r]));
  const level = (l: number | null, c: number | null) => (l === null || c === null ? null : (LEVEL[levelOf(criteria, l, c)!] ?? null));
  const rows = ids.map((id, i) => {
    const r = byId.get(id)!;
    const count = counts[i];
    const measures = count && !(count instanceof Error) ? count : { open: 0, overdue: 0 };
    return [
      r.reference,
      r.title,
      r.area.name,
      r.appliesToAll ? 'Alle' : r.municipalities.map((m) => m.municipality.name).join(', '),
      r.owner?.displayName ?? r.ownerName,
      RISK_STATUS[r.status],
      r.inherentLikelihood,
      r.inherentConsequence,
      level(r.inherentLikelihood, r.inherentConsequence),
      r.residualLikelihood,
      r.residualConsequence,
      level(r.residualLikelihood, r.residualConsequence),
      acceptanceOf(r, today)?.expiresOn ?? null,
      isoDate(r.nextReviewDate),
      measures.open,
      measures.overdue,
    ];
  });
  return { sheetName: 'Risikoregister', columns: REGISTER_COLUMNS, rows, marking };
}

async function measureTable(prisma: PrismaClient, ids: number[], marking: string | null): Promise<Table> {
  const today = osloDate();
  const measures = await prisma.measure.findMany({
    where: { riskId: { in: ids }, deletedAt: null },
    include: { risk: { select: { reference: true, title: true } }, owner: { select: { displayName: true } } },
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  const deadline = (d: Date | null) => (d ? isoDate(d) : '9999-12-31');
  measures.sort((a, b) => order.get(a.riskId)! - order.get(b.riskId)! || deadline(a.deadline).localeCompare(deadline(b.deadline)) || a.id - b.id);
  const rows = measures.map((m) => [
    m.risk.reference,
    m.risk.title,
    m.title,
    m.owner?.displayName ?? m.ownerName,
    isoDate(m.deadline),
    MEASURE_STATUS[m.status],
    m.completedAt ? osloDate(m.completedAt) : null,
    isOverdue(m, today) ? 'Ja' : 'Nei',
  ]);
  return { sheetName: 'Tiltak', columns: MEASURE_COLUMNS, rows, marking };
}

/** One export: parse, read, record the download in the audit trail, hand over the file. */
function riskExport(name: string, entityType: 'Risk' | 'Measure', basename: string, table: (prisma: PrismaClient, ids: number[], marking: string | null) => Promise<Table>) {
  registerExport(name, {
    async run(request: ExportRequest) {
      const { format, marking } = formatAndMarking(request.params);
      const filter = exportFilter(request.params);
      const prisma = request.db.prisma;
      const built = await table(prisma, await matchingRiskIds(prisma, filter), marking);
      await recordAudit(prisma, { user: request.user, requestId: request.requestId, clientAddress: request.clientAddress }, {
        action: 'export',
        entityType,
        after: { export: name, format, marking, filter, rows: built.rows.length },
      });
      return tableDownload(built, format, `${basename}-${osloDate()}`);
    },
  });
}

riskExport('risk-register', 'Risk', 'risikoregister', registerTable);
riskExport('risk-measures', 'Measure', 'tiltak', measureTable);
