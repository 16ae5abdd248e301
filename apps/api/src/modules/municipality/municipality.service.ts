import type { Municipality } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';

/** All live municipalities in Norwegian alphabetical order (their counts come through loaders). */
export async function listMunicipalities(ctx: Context): Promise<Municipality[]> {
  const rows = await ctx.prisma.municipality.findMany({ where: { deletedAt: null } });
  return rows.sort((a, b) => compareNorwegian(a.name, b.name) || a.id - b.id);
}

function compareNorwegian(a: string, b: string): number {
  const ka = norwegianSortKey(a);
  const kb = norwegianSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
