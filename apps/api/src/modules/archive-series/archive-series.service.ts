import type { ArchiveSeries } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { holdsRoleIn, toId } from '../../graphql/writes.ts';

export { listSeries } from './list.ts';
export { seriesFacets } from './facets.ts';
export { createSeries, deleteSeries, mapSeries, restoreSeries, updateSeries } from './series.writes.ts';

/** A live series, or null (soft-deleted ones are gone). */
export async function getSeries(ctx: Context, id: string): Promise<ArchiveSeries | null> {
  const row = await ctx.prisma.archiveSeries.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

export function canEditSeries(ctx: Context, row: ArchiveSeries): boolean {
  return !row.deletedAt && holdsRoleIn(ctx, ['ARCHIVIST'], row.municipalityId);
}
