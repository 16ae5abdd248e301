import { randomBytes } from 'node:crypto';
import type { Prisma, Role } from '@samarkiv/db';
import { createUserRules, membershipRules, updateUserRules } from '@samarkiv/shared';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';
import { parseInput } from '../../graphql/validation.ts';
import { assertVersion, toId } from '../../graphql/writes.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';

type Tx = Prisma.TransactionClient;

export const USER_FIELDS = { id: true, username: true, displayName: true, email: true, isActive: true, mustChangePassword: true, lastSignInAt: true, version: true } as const;

export type UserRow = Prisma.UserGetPayload<{ select: typeof USER_FIELDS }>;

// Serialises the checks that keep one active administrator: two concurrent demotions cannot
// both see "another admin remains".
const LAST_ADMIN_LOCK = 7_305_447_002;

export interface UserFilter {
  search?: string | null;
  isActive?: boolean | null;
  role?: Role | null;
  municipalityId?: string | null;
}

export async function listUsers(ctx: Context, args: { first?: number | null; after?: string | null; filter?: UserFilter | null }) {
  const take = pageSize(args.first);
  const filter = args.filter ?? {};
  const where: Prisma.UserWhereInput = {};
  if (filter.search?.trim()) {
    const q = filter.search.trim();
    where.OR = [{ username: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }];
  }
  if (typeof filter.isActive === 'boolean') where.isActive = filter.isActive;
  if (filter.role || filter.municipalityId) {
    where.memberships = { some: { ...(filter.role ? { role: filter.role } : {}), ...(filter.municipalityId ? { municipalityId: Number(filter.municipalityId) } : {}) } };
  }
  // Usernames are unique: they alone are the keyset.
  const afterName = args.after ? (decodeCursor(args.after, (v) => v.length === 1 && typeof v[0] === 'string')[0] as string) : null;
  const [rows, totalCount] = await Promise.all([
    ctx.prisma.user.findMany({ where: afterName ? { AND: [where, { username: { gt: afterName } }] } : where, orderBy: { username: 'asc' }, take: take + 1, select: USER_FIELDS }),
    ctx.prisma.user.count({ where }),
  ]);
  const edges = rows.slice(0, take).map((node) => ({ cursor: encodeCursor([node.username]), node }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > take, hasPreviousPage: afterName !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export function getUser(ctx: Context, id: string): Promise<UserRow | null> {
  return ctx.prisma.user.findUnique({ where: { id: toId(id) }, select: USER_FIELDS });
}

export async function createUser(ctx: Context, input: unknown): Promise<UserRow> {
  const data = parseInput(createUserRules, input);
  await assertMunicipalitiesExist(ctx, data.memberships.map((m) => m.municipalityId), ['input', 'memberships']);
  const passwordHash = await hashPassword(data.password);
  return ctx.prisma.$transaction(async (tx) => {
    await assertFree(tx, data.username, data.email ?? null, null);
    const user = await tx.user.create({
      data: { username: data.username, displayName: data.displayName, email: data.email ?? null, passwordHash, mustChangePassword: true, memberships: { create: data.memberships } },
      select: USER_FIELDS,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'User', entityId: user.id, after: { ...user, memberships: data.memberships } });
    return user;
  });
}

export async function updateUser(ctx: Context, id: string, input: unknown): Promise<UserRow> {
  const data = parseInput(updateUserRules, input);
  const userId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!before) throw new AppError('NOT_FOUND');
    assertVersion(before, data.version);
    if (data.email !== undefined) await assertFree(tx, null, data.email ?? null, userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: { ...(data.displayName !== undefined ? { displayName: data.displayName } : {}), ...(data.email !== undefined ? { email: data.email ?? null } : {}), version: { increment: 1 } },
      select: USER_FIELDS,
    });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'User', entityId: userId, before, after });
    return after;
  });
}

export async function setMemberships(ctx: Context, id: string, memberships: unknown): Promise<UserRow> {
  const list = parseInput(membershipRules, memberships, 'memberships');
  const userId = toId(id, ['userId']);
  await assertMunicipalitiesExist(ctx, list.map((m) => m.municipalityId), ['memberships']);
  return ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!user) throw new AppError('NOT_FOUND');
    const before = await tx.membership.findMany({ where: { userId }, select: { municipalityId: true, role: true }, orderBy: { id: 'asc' } });
    if (before.some((m) => m.role === 'ADMIN') && !list.some((m) => m.role === 'ADMIN')) await assertAnotherAdmin(tx, userId);
    await tx.membership.deleteMany({ where: { userId } });
    await tx.membership.createMany({ data: list.map((m) => ({ userId, municipalityId: m.municipalityId, role: m.role })) });
    const after = await tx.user.update({ where: { id: userId }, data: { version: { increment: 1 } }, select: USER_FIELDS });
    await recordAudit(tx, ctx, { action: 'set-memberships', entityType: 'User', entityId: userId, before: { memberships: before }, after: { memberships: list } });
    return after;
  });
}

export async function setActive(ctx: Context, id: string, isActive: boolean): Promise<UserRow> {
  const userId = toId(id);
  return ctx.prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!before) throw new AppError('NOT_FOUND');
    if (!isActive) await assertAnotherAdmin(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { isActive, version: { increment: 1 } }, select: USER_FIELDS });
    // A deactivated user loses every session at once, not at the next idle timeout.
    if (!isActive) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, ctx, { action: isActive ? 'reactivate' : 'deactivate', entityType: 'User', entityId: userId, before: { isActive: before.isActive }, after: { isActive } });
    return after;
  });
}

export async function resetPassword(ctx: Context, id: string): Promise<{ user: UserRow; temporaryPassword: string }> {
  const userId = toId(id);
  const temporaryPassword = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await ctx.prisma.$transaction(async (tx) => {
    const exists = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw new AppError('NOT_FOUND');
    const after = await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, version: { increment: 1 } }, select: USER_FIELDS });
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, ctx, { action: 'reset-password', entityType: 'User', entityId: userId, after: { mustChangePassword: true } });
    return after;
  });
  return { user, temporaryPassword };
}

/** Refuses a change that would leave no active user with the ADMIN role. */
async function assertAnotherAdmin(tx: Tx, userId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LAST_ADMIN_LOCK}::bigint)`;
  const target = await tx.membership.count({ where: { userId, role: 'ADMIN' } });
  if (target === 0) return;
  const others = await tx.user.count({ where: { id: { not: userId }, isActive: true, memberships: { some: { role: 'ADMIN' } } } });
  if (others === 0) throw new AppError('LAST_ADMIN');
}

async function assertFree(tx: Tx, username: string | null, email: string | null, exceptId: number | null): Promise<void> {
  const or: Prisma.UserWhereInput[] = [];
  if (username) or.push({ username });
  if (email) or.push({ email });
  if (!or.length) return;
  const clash = await tx.user.findFirst({ where: { OR: or, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { username: true } });
  if (clash) throw new AppError('USERNAME_TAKEN', undefined, { path: ['input', clash.username === username ? 'username' : 'email'] });
}

async function assertMunicipalitiesExist(ctx: Context, ids: number[], path: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await ctx.prisma.municipality.count({ where: { id: { in: ids }, deletedAt: null } });
  if (found !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', 'En av kommunene finnes ikke.', { path });
}
