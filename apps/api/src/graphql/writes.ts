import type { Role } from '@samarkiv/db';
import { auditJson, deny } from '../modules/audit/audit.service.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';

// What every service that writes needs: ids from GraphQL, the optimistic-concurrency check,
// and the municipality scope of a role. Services call these; resolvers never do.

/** A GraphQL ID as a row id; anything else can name no row. */
export function toId(id: string | number, path: (string | number)[] = ['id']): number {
  const n = typeof id === 'number' ? id : /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647) throw new AppError('NOT_FOUND', undefined, { path });
  return n;
}

/**
 * Refuses an update based on a stale version. The error carries the row as it is now, so the
 * client can show both versions side by side.
 */
export function assertVersion<T extends { version: number }>(current: T, basedOn: number, view: (row: T) => unknown = (row) => row): void {
  if (current.version !== basedOn) throw versionConflict(current, view);
}

/** VERSION_CONFLICT carrying the row as it is now (through `view`, as the client sees it). */
export function versionConflict<T>(current: T, view: (row: T) => unknown = (row) => row, path: (string | number)[] = ['input', 'version']): AppError {
  return new AppError('VERSION_CONFLICT', undefined, { path, current: auditJson(view(current)) ?? null });
}

/** Whether the user holds one of the roles in the municipality (ADMIN holds every role everywhere). */
export function holdsRoleIn(ctx: Context, roles: readonly Role[], municipalityId: number): boolean {
  const user = ctx.user;
  if (!user) return false;
  return user.isAdmin || user.memberships.some((m) => m.municipalityId === municipalityId && roles.includes(m.role));
}

/** Refuses (and audits the refusal) unless the user holds one of the roles in the municipality. */
export async function assertRoleIn(ctx: Context, roles: readonly Role[], municipalityId: number, what: string): Promise<void> {
  if (!holdsRoleIn(ctx, roles, municipalityId)) await deny(ctx, what, { municipalityId, required: roles });
}

/** Refuses unless the object is soft-deleted (what ADMIN's restore undoes). */
export function assertDeleted(row: { deletedAt: Date | null } | null): asserts row is { deletedAt: Date } {
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.deletedAt) throw new AppError('NOT_DELETED');
}

/** A live row, or NOT_FOUND (a soft-deleted row is gone for everything but restore). */
export function live<T extends { deletedAt: Date | null }>(row: T | null, path: (string | number)[] = ['id']): T {
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', undefined, { path });
  return row;
}
