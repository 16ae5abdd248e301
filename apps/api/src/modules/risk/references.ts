import type { Prisma } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';

// Checks that a write names rows that exist, so bad input is a field error, never a foreign-key failure.

export async function assertAreaLive(ctx: Context, areaId: number, path: (string | number)[] = ['input', 'areaId']): Promise<void> {
  const area = await ctx.prisma.riskArea.findUnique({ where: { id: areaId }, select: { deletedAt: true } });
  if (!area || area.deletedAt) throw new AppError('VALIDATION_FAILED', 'Risikoområdet finnes ikke.', { path });
}

export async function assertMunicipalitiesLive(ctx: Context, ids: number[], path: (string | number)[] = ['input', 'municipalityIds']): Promise<void> {
  if (!ids.length) return;
  const found = await ctx.prisma.municipality.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true } });
  const missing = ids.findIndex((id) => !found.some((m) => m.id === id));
  if (missing >= 0) throw new AppError('VALIDATION_FAILED', 'En av kommunene finnes ikke.', { path: [...path, missing] });
}

export async function assertPersonExists(ctx: Context, userId: number | null | undefined, path: (string | number)[] = ['input', 'ownerId']): Promise<void> {
  if (userId === null || userId === undefined) return;
  const user = await ctx.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new AppError('VALIDATION_FAILED', 'Eieren finnes ikke som bruker.', { path });
}

/** A unique violation that slipped past the check (two requests at once) is the same coded error. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as Prisma.PrismaClientKnownRequestError | null)?.code === 'P2002';
}

/**
 * Inside a write's transaction: holds the area against a concurrent delete (which takes the row
 * FOR UPDATE before counting its risks), so a risk never lands in an area deleted meanwhile.
 */
export async function lockAreaLive(tx: Prisma.TransactionClient, areaId: number, path: (string | number)[] = ['input', 'areaId']): Promise<void> {
  const rows = await tx.$queryRaw<{ deleted_at: Date | null }[]>`SELECT deleted_at FROM risk_area WHERE id = ${areaId} FOR SHARE`;
  if (!rows[0] || rows[0].deleted_at) throw new AppError('VALIDATION_FAILED', 'Risikoområdet finnes ikke.', { path });
}
