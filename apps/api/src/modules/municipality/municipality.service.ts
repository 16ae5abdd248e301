import { norwegianSortKey } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';

export interface MunicipalityView {
  id: number;
  number: string;
  name: string;
  role: 'HOST' | 'PARTNER';
  participates: boolean;
  seriesCount: number;
  archiveCount: number;
  riskCount: number;
}

/** All live municipalities with their counts: two queries, however many municipalities there are. */
export async function listMunicipalities(ctx: Context): Promise<MunicipalityView[]> {
  const [rows, risksForAll] = await Promise.all([
    ctx.prisma.municipality.findMany({
      where: { deletedAt: null },
      select: {
        id: true,
        number: true,
        name: true,
        role: true,
        participates: true,
        _count: {
          select: {
            series: { where: { deletedAt: null } },
            archives: { where: { deletedAt: null } },
            // Risks that name the municipality; those for all are added below.
            risks: { where: { risk: { deletedAt: null, appliesToAll: false } } },
          },
        },
      },
    }),
    ctx.prisma.risk.count({ where: { deletedAt: null, appliesToAll: true } }),
  ]);
  return rows
    .map((row) => ({
      id: row.id,
      number: row.number,
      name: row.name,
      role: row.role,
      participates: row.participates,
      seriesCount: row._count.series,
      archiveCount: row._count.archives,
      riskCount: row._count.risks + risksForAll,
    }))
    .sort((a, b) => compareNorwegian(a.name, b.name) || a.id - b.id);
}

function compareNorwegian(a: string, b: string): number {
  const ka = norwegianSortKey(a);
  const kb = norwegianSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
