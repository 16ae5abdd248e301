import type { Prisma } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import { recordAudit } from '../audit/audit.service.ts';
import { seriesView } from '../archive-series/view.ts';
import type { Applied } from './apply.ts';
import type { CsvPlan, SeriesInput } from './csvPlan.ts';
import type { Actor } from './jobKit.ts';

// Writes a CSV plan inside the import's transaction: a new series whole, an updated one only
// in the fields that change, each with its audit event (before and after); unchanged series
// are not touched (no new version, no audit event).

type Tx = Prisma.TransactionClient;

const DATES = new Set(['periodStart', 'periodEnd', 'depositDate']);

/** Input values as column values: dates at UTC midnight (the columns are `date`). */
function columns(values: SeriesInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, DATES.has(k) && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v]));
}

export async function applyCsvPlan(tx: Tx, actor: Actor, plan: CsvPlan): Promise<Applied> {
  const applied: Applied = { created: { archives: 0, archiveCreators: 0, series: 0 }, updated: { archives: 0, archiveCreators: 0, series: 0 } };
  for (const item of plan.series) {
    if (item.action === 'UNCHANGED') continue;
    if (item.action === 'CREATE') {
      const data = { ...columns(item.data), municipalityId: plan.municipalityId, titleSortKey: norwegianSortKey(String(item.data.title)) } as Prisma.ArchiveSeriesUncheckedCreateInput;
      const after = await tx.archiveSeries.create({ data });
      await recordAudit(tx, actor, { action: 'import-create', entityType: 'ArchiveSeries', entityId: after.id, after: seriesView(after) });
      applied.created.series++;
      continue;
    }
    const before = item.existing!;
    const changes = columns(Object.fromEntries(item.changedFields.map((f) => [f, item.data[f] ?? null])));
    if ('title' in changes) changes.titleSortKey = norwegianSortKey(String(changes.title));
    const after = await tx.archiveSeries.update({ where: { id: before.id }, data: { ...(changes as Prisma.ArchiveSeriesUncheckedUpdateInput), version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: 'import-update', entityType: 'ArchiveSeries', entityId: before.id, before: seriesView(before), after: seriesView(after) });
    applied.updated.series++;
  }
  return applied;
}
