import type { ArchiveSeries, Prisma, PrismaClient } from '@samarkiv/db';
import { norwegianSortKey } from '@samarkiv/shared';
import type { GraphQLResponse, TestClient } from '../../testing/testApi.ts';

let n = 0;

/** A live series written straight to the database (the triggers keep the summary current). */
export async function makeSeries(prisma: PrismaClient, municipalityId: number, data: Partial<Prisma.ArchiveSeriesUncheckedCreateInput> = {}): Promise<ArchiveSeries> {
  n += 1;
  const title = data.title ?? `Testserie ${n}`;
  return prisma.archiveSeries.create({
    data: {
      municipalityId,
      identifier: `T-${process.pid}-${n}`,
      title,
      titleSortKey: norwegianSortKey(title),
      status: 'AVSLUTTET_PERIODE',
      documentMedium: 'ELEKTRONISK',
      periodStart: new Date('2000-01-01T00:00:00Z'),
      ...data,
    },
  });
}

export async function municipalityIdOf(prisma: PrismaClient, number: string): Promise<number> {
  return (await prisma.municipality.findUniqueOrThrow({ where: { number } })).id;
}

export const PAGE_QUERY = /* GraphQL */ `
  query ArchiveSeriesPage($first: Int, $after: String, $last: Int, $before: String, $filter: ArchiveSeriesFilter, $orderBy: ArchiveSeriesOrder) {
    archiveSeries(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id identifier title } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Page {
  archiveSeries: { edges: { cursor: string; node: { id: string; identifier: string; title: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
}

/** Every matching id, walking forward pages of `size`. */
export async function walkForward(client: TestClient, variables: Record<string, unknown>, size = 100): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: GraphQLResponse<Page> = await client.gql<Page>(PAGE_QUERY, { ...variables, first: size, after });
    if (errors) throw new Error(JSON.stringify(errors));
    ids.push(...data!.archiveSeries.edges.map((e) => e.node.id));
    if (!data!.archiveSeries.pageInfo.hasNextPage) return ids;
    after = data!.archiveSeries.pageInfo.endCursor;
  }
}

/** Every matching id in order, walking backward pages of `size` from the end. */
export async function walkBackward(client: TestClient, variables: Record<string, unknown>, size = 100): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (;;) {
    const { data, errors }: GraphQLResponse<Page> = await client.gql<Page>(PAGE_QUERY, { ...variables, last: size, before });
    if (errors) throw new Error(JSON.stringify(errors));
    pages.unshift(data!.archiveSeries.edges.map((e) => e.node.id));
    if (!data!.archiveSeries.pageInfo.hasPreviousPage) return pages.flat();
    before = data!.archiveSeries.pageInfo.startCursor;
  }
}
