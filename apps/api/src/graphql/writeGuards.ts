import type { Prisma } from '@samarkiv/db';
import { AppError } from './errors.ts';
import { versionConflict } from './writes.ts';

// Guards that the simpler modules' writes share (municipalities, timeline, archives, target
// series, findings, purposes): what keeps a coded answer in front of every database constraint.

type Tx = Prisma.TransactionClient;

/**
 * Serialises the writes that check a unique value before writing it, per table: two concurrent
 * creates of the same number would otherwise both pass the check and one would meet the
 * unique index as a raw database error. These tables are small and rarely written.
 */
export async function lockUniqueChecks(tx: Tx, table: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`samarkiv:unique:${table}`}))`;
}

/**
 * ALREADY_EXISTS at the field, unless the holder of the value is the row being changed. The
 * unique indexes cover soft-deleted rows too, so a deleted holder also blocks the value; the
 * error says so, since ADMIN can restore it instead.
 */
export function assertUnique(holder: { id: number; deletedAt: Date | null } | null, selfId: number | null, path: (string | number)[], message?: string): void {
  if (!holder || holder.id === selfId) return;
  const deleted = holder.deletedAt !== null;
  throw new AppError('ALREADY_EXISTS', message ?? (deleted ? 'Verdien tilhører en slettet oppføring. En administrator kan gjenopprette den.' : undefined), { path, existingId: String(holder.id), deleted });
}

/**
 * The write after a version check is conditional on that version (`updateMany` where id and
 * version). No row matched: a concurrent update won the race, so answer as the check would have.
 */
export async function assertWritten<T extends { version: number; deletedAt: Date | null }>(count: number, reread: () => Promise<T | null>, view: (row: T) => unknown = (row) => row): Promise<void> {
  if (count === 1) return;
  const current = await reread();
  if (!current || current.deletedAt) throw new AppError('NOT_FOUND');
  throw versionConflict(current, view);
}

/** IN_USE with the counts of what depends on the object, or nothing when no count is above zero. */
export function assertUnused(dependents: Record<string, number>): void {
  const used = Object.fromEntries(Object.entries(dependents).filter(([, n]) => n > 0));
  if (Object.keys(used).length) throw new AppError('IN_USE', undefined, { dependents: used });
}
