import type { Finding, FindingKind, Prisma } from '@samarkiv/db';
import { FINDING_KINDS } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';
import { toId } from '../../graphql/writes.ts';

// Reads of findings. Writes are in success-factor.writes.ts.

export async function getFinding(ctx: Context, id: string): Promise<Finding | null> {
  const row = await ctx.prisma.finding.findUnique({ where: { id: toId(id) } });
  return row && !row.deletedAt ? row : null;
}

/** Keyset pages over (kind, sortOrder, id); kinds sort in their declared order, as the database enum does. */
export async function listFindings(ctx: Context, args: { kind?: FindingKind | null; first?: number | null; after?: string | null }) {
  const take = pageSize(args.first);
  const where: Prisma.FindingWhereInput = { deletedAt: null, ...(args.kind ? { kind: args.kind } : {}) };
  const after = args.after ? decodeAfter(args.after) : null;
  const page: Prisma.FindingWhereInput = after
    ? {
        AND: [
          where,
          {
            OR: [
              // Prisma has no `gt` on an enum: the kinds after the cursor's are listed instead.
              { kind: { in: FINDING_KINDS.slice(FINDING_KINDS.indexOf(after.kind) + 1) as FindingKind[] } },
              { kind: after.kind, sortOrder: { gt: after.sortOrder } },
              { kind: after.kind, sortOrder: after.sortOrder, id: { gt: after.id } },
            ],
          },
        ],
      }
    : where;
  const [rows, totalCount] = await Promise.all([
    ctx.prisma.finding.findMany({ where: page, orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }], take: take + 1 }),
    ctx.prisma.finding.count({ where }),
  ]);
  const edges = rows.slice(0, take).map((node) => ({ cursor: encodeCursor([node.kind, node.sortOrder, node.id]), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > take, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function decodeAfter(cursor: string): { kind: FindingKind; sortOrder: number; id: number } {
  const [kind, sortOrder, id] = decodeCursor(
    cursor,
    (v) => v.length === 3 && (FINDING_KINDS as readonly unknown[]).includes(v[0]) && Number.isSafeInteger(v[1]) && Number.isSafeInteger(v[2]),
  ) as [FindingKind, number, number];
  return { kind, sortOrder, id };
}
