import type { ArchiveSeries, Prisma } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { lockUniqueChecks } from '../../graphql/writeGuards.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { seriesView } from '../archive-series/view.ts';
import type { Plan } from './plan.ts';

// Writes a plan inside the caller's transaction: archives, then creators (which name an
// archive), then series (which name both), then the series' links (which may name series
// created a moment earlier). One audit event per created or updated object, with before and
// after; unchanged objects are not touched (no new version, no audit event).

type Tx = Prisma.TransactionClient;
type Actor = Pick<Context, 'user' | 'requestId' | 'clientAddress'>;

export interface Applied {
  created: { archives: number; archiveCreators: number; series: number };
  updated: { archives: number; archiveCreators: number; series: number };
}

/** Serialises imports and the create/update services that check the same unique keys. */
export async function lockForImport(tx: Tx): Promise<void> {
  for (const table of ['archive', 'archive_creator', 'archive_series']) await lockUniqueChecks(tx, table);
}

export async function applyPlan(tx: Tx, actor: Actor, plan: Plan): Promise<Applied> {
  const municipalityId = plan.municipalityId!;
  const applied: Applied = { created: { archives: 0, archiveCreators: 0, series: 0 }, updated: { archives: 0, archiveCreators: 0, series: 0 } };
  const archiveIdOf = new Map<number, number>();

  for (const item of plan.archives) {
    const { systemId, title, description, documentMedium } = item.data;
    if (item.action === 'CREATE') {
      const after = await tx.archive.create({ data: { municipalityId, systemId, title, description, documentMedium: documentMedium ?? null } });
      await recordAudit(tx, actor, { action: 'import-create', entityType: 'Archive', entityId: after.id, after });
      archiveIdOf.set(item.index, after.id);
      applied.created.archives++;
    } else {
      const before = item.existing!;
      archiveIdOf.set(item.index, before.id);
      if (item.action === 'UNCHANGED') continue;
      const after = await tx.archive.update({ where: { id: before.id }, data: { title, description, ...(documentMedium ? { documentMedium } : {}), version: { increment: 1 } } });
      await recordAudit(tx, actor, { action: 'import-update', entityType: 'Archive', entityId: before.id, before, after });
      applied.updated.archives++;
    }
  }

  const creatorIdOf = new Map<string, number>();
  for (const item of plan.creators) {
    const { creatorId, name, description, archiveIndex } = item.data;
    const archiveId = archiveIdOf.get(archiveIndex) ?? null;
    if (item.action === 'CREATE') {
      const after = await tx.archiveCreator.create({ data: { municipalityId, creatorId, name, description, archiveId } });
      await recordAudit(tx, actor, { action: 'import-create', entityType: 'ArchiveCreator', entityId: after.id, after });
      creatorIdOf.set(creatorId, after.id);
      applied.created.archiveCreators++;
    } else {
      const before = item.existing!;
      creatorIdOf.set(creatorId, before.id);
      if (item.action === 'UNCHANGED') continue;
      const after = await tx.archiveCreator.update({ where: { id: before.id }, data: { name, description, archiveId, version: { increment: 1 } } });
      await recordAudit(tx, actor, { action: 'import-update', entityType: 'ArchiveCreator', entityId: before.id, before, after });
      applied.updated.archiveCreators++;
    }
  }

  // Series first without links, then the links, then one audit event each with the final row.
  const seriesIdOf = new Map(plan.storedSeriesIds);
  const written: { id: number; before: ArchiveSeries | null }[] = [];
  for (const item of plan.series) {
    const { archiveIndex, creatorKey, predecessorKey: _p, successorKey: _s, periodStart, periodEnd, ...fields } = item.data;
    const columns = {
      ...fields,
      titleSortKey: norwegianSortKey(fields.title),
      periodStart: new Date(`${periodStart}T00:00:00Z`),
      periodEnd: periodEnd ? new Date(`${periodEnd}T00:00:00Z`) : null,
      archiveId: archiveIdOf.get(archiveIndex) ?? null,
      archiveCreatorId: creatorKey ? (creatorIdOf.get(creatorKey) ?? null) : null,
    };
    if (item.action === 'CREATE') {
      const row = await tx.archiveSeries.create({ data: { ...columns, municipalityId, identifier: fields.systemId } });
      seriesIdOf.set(fields.systemId, row.id);
      written.push({ id: row.id, before: null });
    } else if (item.action === 'UPDATE') {
      await tx.archiveSeries.update({ where: { id: item.existing!.id }, data: { ...columns, version: { increment: 1 } } });
      written.push({ id: item.existing!.id, before: item.existing });
    }
  }
  for (const item of plan.series) {
    if (item.action === 'UNCHANGED') continue;
    const predecessorId = item.data.predecessorKey ? (seriesIdOf.get(item.data.predecessorKey) ?? null) : null;
    const successorId = item.data.successorKey ? (seriesIdOf.get(item.data.successorKey) ?? null) : null;
    await tx.archiveSeries.update({ where: { id: seriesIdOf.get(item.data.systemId)! }, data: { predecessorId, successorId } });
  }
  for (const { id, before } of written) {
    const after = await tx.archiveSeries.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, actor, { action: before ? 'import-update' : 'import-create', entityType: 'ArchiveSeries', entityId: id, ...(before ? { before: seriesView(before) } : {}), after: seriesView(after) });
    if (before) applied.updated.series++;
    else applied.created.series++;
  }
  return applied;
}
