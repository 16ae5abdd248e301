import type { Prisma, PrismaClient } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';

type Writer = Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in user. */
  actorId?: number | null;
}

// Never into the trail: secrets, and what only identifies a secret.
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword', 'idHash', 'token', 'temporaryPassword']);

/** A JSON copy of a row fit for the trail: dates as ISO strings, decimals and bigints as text, secrets left out. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (SECRET_FIELDS.has(key)) return undefined;
      if (typeof v === 'bigint') return v.toString();
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/** Records one audit event. Pass the transaction of the change, so no change exists without its row. */
export async function recordAudit(db: Writer, ctx: Pick<Context, 'user' | 'requestId' | 'clientAddress'>, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId === undefined ? (ctx.user?.id ?? null) : entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: auditJson(entry.before),
      after: auditJson(entry.after),
      requestId: ctx.requestId,
      clientAddress: ctx.clientAddress,
    },
  });
}

/**
 * An authorization denial is recorded on its own (there is no change to share a transaction
 * with): in a GraphQL operation once the operation has ended (Context.pendingDenials: the denial
 * may come from inside a transaction), elsewhere at once.
 */
export async function recordDenial(ctx: Context, what: string, details: Record<string, unknown> = {}): Promise<void> {
  const record = () =>
    recordAudit(ctx.prisma, ctx, { action: 'access-denied', entityType: 'Operation', entityId: what, after: details }).catch((error: unknown) => {
      ctx.logger.error({ err: error, requestId: ctx.requestId }, 'could not record an access denial');
    });
  if (ctx.pendingDenials) ctx.pendingDenials.push(record);
  else await record();
}

export async function deny(ctx: Context, what: string, details: Record<string, unknown> = {}): Promise<never> {
  await recordDenial(ctx, what, details);
  throw new AppError('FORBIDDEN');
}

/** Blanks client addresses older than the retention period (they are personal data). */
export async function blankOldClientAddresses(prisma: PrismaClient, retentionDays: number): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  const result = await prisma.auditEvent.updateMany({ where: { occurredAt: { lt: cutoff }, clientAddress: { not: null } }, data: { clientAddress: null } });
  return result.count;
}

export interface AuditFilter {
  actorId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
}

// Entity types whose history reveals who has access to what: administrators only.
const ADMIN_ONLY_TYPES = new Set(['User', 'Membership', 'Session', 'Operation']);

export async function listAuditEvents(ctx: Context, args: { first?: number | null; after?: string | null; filter?: AuditFilter | null }) {
  const take = pageSize(args.first);
  const where: Prisma.AuditEventWhereInput = {};
  const filter = args.filter ?? {};
  if (filter.actorId) where.actorId = toInt(filter.actorId, 'actorId');
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to) where.occurredAt = { ...(filter.from ? { gte: toDate(filter.from, 'from') } : {}), ...(filter.to ? { lt: toDate(filter.to, 'to') } : {}) };
  return page(ctx, where, take, args.after);
}

export async function entityHistory(ctx: Context, args: { entityType: string; entityId: string; first?: number | null; after?: string | null }) {
  if (ADMIN_ONLY_TYPES.has(args.entityType) && !ctx.user?.isAdmin) await deny(ctx, 'entityHistory', { entityType: args.entityType });
  return page(ctx, { entityType: args.entityType, entityId: args.entityId }, pageSize(args.first), args.after);
}

// Newest first on the id (monotonic with time): a keyset the primary key seeks directly.
async function page(ctx: Context, where: Prisma.AuditEventWhereInput, take: number, after?: string | null) {
  const afterId = after ? BigInt(decodeCursor(after, (v) => v.length === 1 && typeof v[0] === 'string' && /^\d+$/.test(v[0]))[0] as string) : null;
  const rows = await ctx.prisma.auditEvent.findMany({
    where: afterId === null ? where : { AND: [where, { id: { lt: afterId } }] },
    orderBy: { id: 'desc' },
    take: take + 1,
    include: { actor: { select: { id: true, username: true, displayName: true } } },
  });
  const hasNextPage = rows.length > take;
  const nodes = rows.slice(0, take);
  const showAddress = Boolean(ctx.user?.isAdmin);
  const edges = nodes.map((row) => ({
    cursor: encodeCursor([row.id.toString()]),
    node: { ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString(), clientAddress: showAddress ? row.clientAddress : null },
  }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: afterId !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function toInt(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('VALIDATION_FAILED', 'Ugyldig id.', { path: ['filter', field] });
  return n;
}

function toDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('VALIDATION_FAILED', 'Ugyldig tidspunkt.', { path: ['filter', field] });
  return date;
}
