import type { CostSharingKey, ServiceStatus } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import { osloDate } from '../../graphql/dates.ts';
import { type ExportRequest, registerExport } from '../../http/exports.ts';
import { formatAndMarking, tableDownload, type Column, type Table } from '../../http/spreadsheet.ts';
import { recordAudit } from '../audit/audit.service.ts';

// GET /exports/service-catalogue?format=xlsx|csv: the catalogue for a spreadsheet, one row per
// service, its municipalities by name. Every signed-in user may read the catalogue, so may download it.

export const COST_SHARING_WORDS: Record<CostSharingKey, string> = { POPULATION: 'Etter innbyggertall', VOLUME: 'Etter volum', FIXED: 'Fast andel' };
export const SERVICE_STATUS_WORDS: Record<ServiceStatus, string> = { PLANNED: 'Planlagt', ACTIVE: 'I drift', DISCONTINUED: 'Avviklet' };

const COLUMNS: Column[] = [
  { header: 'Tjeneste', kind: 'text', width: 32 },
  { header: 'Beskrivelse', kind: 'text', width: 50 },
  { header: 'Tjenestenivå', kind: 'text', width: 40 },
  { header: 'Kommuner', kind: 'text', width: 40 },
  { header: 'Fordelingsnøkkel', kind: 'text', width: 20 },
  { header: 'Kontakt', kind: 'text', width: 26 },
  { header: 'Status', kind: 'text', width: 12 },
];

async function catalogueTable(request: ExportRequest, marking: string | null): Promise<Table> {
  const services = await request.db.prisma.service.findMany({
    where: { deletedAt: null },
    orderBy: [{ nameSortKey: 'asc' }, { id: 'asc' }],
    include: { municipalities: { where: { municipality: { deletedAt: null } }, select: { municipality: { select: { name: true } } } } },
  });
  const rows = services.map((s) => [
    s.name,
    s.description,
    s.serviceLevel,
    s.municipalities.map((m) => m.municipality.name).sort((a, b) => norwegianSortKey(a).localeCompare(norwegianSortKey(b))).join(', '),
    COST_SHARING_WORDS[s.costSharingKey],
    s.contact,
    SERVICE_STATUS_WORDS[s.status],
  ]);
  return { sheetName: 'Tjenestekatalog', columns: COLUMNS, rows, marking };
}

registerExport('service-catalogue', {
  async run(request: ExportRequest) {
    const { format, marking } = formatAndMarking(request.params);
    const table = await catalogueTable(request, marking);
    await recordAudit(request.db.prisma, { user: request.user, requestId: request.requestId, clientAddress: request.clientAddress }, {
      action: 'export',
      entityType: 'Service',
      after: { export: 'service-catalogue', format, marking, rows: table.rows.length },
    });
    return tableDownload(table, format, `tjenestekatalog-${osloDate()}`);
  },
});
