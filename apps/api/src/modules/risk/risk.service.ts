import { Prisma, type Risk, type RiskLevel } from '@samarkiv/db';
import type { Context } from '../../graphql/context.ts';
import { required } from '../../graphql/loaders.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../graphql/pagination.ts';
import { toId } from '../../graphql/writes.ts';
import { criteriaOn, levelOf } from './criteria.service.ts';
import { openMeasure, type RiskFilterInput, riskConditions, usesLevels, whereOf } from './risk-filter.ts';
import { mayChangeRisk } from './scope.ts';
import { osloDate } from '../../graphql/dates.ts';

export type RiskOrderField = 'REFERENCE' | 'TITLE' | 'AREA' | 'STATUS' | 'INHERENT_SCORE' | 'RESIDUAL_SCORE' | 'NEXT_REVIEW_DATE' | 'OWNER' | 'OPEN_MEASURES';
type Direction = 'ASC' | 'DESC';

/** One part of a sort key: its SQL, and the cast that turns a cursor value back into its type. */
interface KeyPart {
  sql: Prisma.Sql;
  cast: Prisma.Sql;
  kind: 'text' | 'int' | 'date';
}

const text = (sql: Prisma.Sql): KeyPart => ({ sql: Prisma.sql`(${sql} COLLATE "C")`, cast: Prisma.sql`::text COLLATE "C"`, kind: 'text' });
const int = (sql: Prisma.Sql): KeyPart => ({ sql, cast: Prisma.sql`::int`, kind: 'int' });

/** The Norwegian sort key of a text column in SQL: æ, ø, å after z, as norwegianSortKey does. */
const norwegianKey = (sql: Prisma.Sql) => Prisma.sql`translate(lower(${sql}), 'æäøöåÆÄØÖÅ', '{{||}{{||}')`;

// The owner as shown: the user's display name, else the typed-in name (table alias ou: the owner).
const OWNER_NAME = Prisma.sql`COALESCE(ou.display_name, r.owner_name)`;

// Titles and owners sort by the Norwegian key, byte-wise, so both backends agree. NULLs sort
// through a stand-in (a far date, a flag first): a row-value comparison skips NULLs. The table is
// small (hundreds of risks), so the open-measure count is a correlated subquery, not a column.
const KEYS: Record<RiskOrderField, KeyPart[]> = {
  REFERENCE: [text(Prisma.sql`r.reference`)],
  TITLE: [text(norwegianKey(Prisma.sql`r.title`))],
  AREA: [int(Prisma.sql`a.sort_order`), text(Prisma.sql`r.reference`)],
  STATUS: [{ sql: Prisma.sql`r.status`, cast: Prisma.sql`::"RiskStatus"`, kind: 'text' }, text(Prisma.sql`r.reference`)],
  INHERENT_SCORE: [int(Prisma.sql`(r.inherent_likelihood * r.inherent_consequence)`)],
  RESIDUAL_SCORE: [int(Prisma.sql`(COALESCE(r.residual_likelihood, r.inherent_likelihood) * COALESCE(r.residual_consequence, r.inherent_consequence))`)],
  NEXT_REVIEW_DATE: [{ sql: Prisma.sql`COALESCE(r.next_review_date, DATE '9999-12-31')`, cast: Prisma.sql`::date`, kind: 'date' }],
  OWNER: [int(Prisma.sql`(CASE WHEN ${OWNER_NAME} IS NULL THEN 1 ELSE 0 END)`), text(norwegianKey(Prisma.sql`COALESCE(${OWNER_NAME}, '')`)), text(Prisma.sql`r.reference`)],
  OPEN_MEASURES: [int(Prisma.sql`(SELECT count(*)::int FROM measure m WHERE m.risk_id = r.id AND ${openMeasure(Prisma.sql`m`)})`), text(Prisma.sql`r.reference`)],
};

export interface RiskListArgs {
  first?: number | null;
  after?: string | null;
  filter?: RiskFilterInput | null;
  orderBy?: { field: RiskOrderField; direction?: Direction | null } | null;
}

function keyValueOk(kind: KeyPart['kind'], value: unknown): boolean {
  if (kind === 'int') return Number.isSafeInteger(value);
  if (kind === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return typeof value === 'string';
}

function cursorValue(kind: KeyPart['kind'], value: unknown): string | number {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (kind === 'int') return Number(value);
  return String(value);
}

/** Live risks, one keyset page: ids and keys in one statement, the count in another, the rows in a third. */
export async function listRisks(ctx: Context, args: RiskListArgs) {
  const take = pageSize(args.first);
  const field = args.orderBy?.field ?? 'REFERENCE';
  const direction: Direction = args.orderBy?.direction ?? 'ASC';
  const keys = KEYS[field];
  const criteria = usesLevels(args.filter) ? await criteriaOn(ctx, osloDate()) : null;
  const conditions = [Prisma.sql`r.deleted_at IS NULL`, ...riskConditions(args.filter, criteria)];
  // The cursor names its ordering, so a cursor of another ordering is refused rather than misread.
  const after = args.after
    ? decodeCursor(args.after, (v) => v.length === keys.length + 3 && v[0] === field && v[1] === direction && keys.every((k, i) => keyValueOk(k.kind, v[i + 2])) && Number.isSafeInteger(v.at(-1)))
    : null;
  const page = [...conditions];
  if (after) {
    const op = direction === 'ASC' ? Prisma.sql`>` : Prisma.sql`<`;
    const left = Prisma.join([...keys.map((k) => k.sql), Prisma.sql`r.id`]);
    const right = Prisma.join([...keys.map((k, i) => Prisma.sql`${after[i + 2]}${k.cast}`), Prisma.sql`${after.at(-1)}::int`]);
    page.push(Prisma.sql`(${left}) ${op} (${right})`);
  }
  const dir = direction === 'ASC' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const orderBy = Prisma.join([...keys.map((k) => Prisma.sql`${k.sql} ${dir}`), Prisma.sql`r.id ${dir}`]);
  const selectKeys = Prisma.join(keys.map((k, i) => Prisma.sql`${k.sql} AS ${Prisma.raw(`k${i}`)}`));
  const [rows, counted] = await Promise.all([
    ctx.prisma.$queryRaw<Record<string, unknown>[]>`SELECT r.id, ${selectKeys} FROM risk r JOIN risk_area a ON a.id = r.area_id LEFT JOIN app_user ou ON ou.id = r.owner_id ${whereOf(page)} ORDER BY ${orderBy} LIMIT ${take + 1}`,
    ctx.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM risk r ${whereOf(conditions)}`,
  ]);
  const pageRows = rows.slice(0, take);
  const risks = await loadRisksInOrder(ctx, pageRows.map((row) => Number(row.id)));
  const edges = pageRows.map((row, i) => ({
    cursor: encodeCursor([field, direction, ...keys.map((k, j) => cursorValue(k.kind, row[`k${j}`])), Number(row.id)]),
    node: risks[i]!,
  }));
  return {
    edges,
    totalCount: counted[0]?.n ?? 0,
    pageInfo: { hasNextPage: rows.length > take, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The rows of the ids in the ids' order, through the request's loader (one statement). */
export async function loadRisksInOrder(ctx: Context, ids: number[]): Promise<Risk[]> {
  const rows = await ctx.loaders.riskById.loadMany(ids);
  return rows.map((row) => {
    if (!row || row instanceof Error) throw row instanceof Error ? row : new Error('a listed risk vanished');
    return row;
  });
}

/** A live risk, or null (an id that cannot name a row names none). */
export async function getRisk(ctx: Context, id: string): Promise<Risk | null> {
  if (!/^\d{1,10}$/.test(id)) return null;
  const row = await ctx.loaders.riskById.load(toId(id));
  return row && !row.deletedAt ? row : null;
}

export async function riskLevel(ctx: Context, likelihood: number | null, consequence: number | null): Promise<RiskLevel | null> {
  if (likelihood === null || consequence === null) return null;
  return levelOf(await criteriaOn(ctx, osloDate()), likelihood, consequence);
}

export async function riskArea(ctx: Context, risk: Risk) {
  return required(await ctx.loaders.riskAreaById.load(risk.areaId));
}

export async function canEditRisk(ctx: Context, risk: Risk): Promise<boolean> {
  if (!ctx.user) return false;
  if (ctx.user.isAdmin || risk.appliesToAll) return mayChangeRisk(ctx, { appliesToAll: risk.appliesToAll, municipalityIds: [] });
  const municipalities = await ctx.loaders.municipalitiesByRisk.load(risk.id);
  return mayChangeRisk(ctx, { appliesToAll: false, municipalityIds: municipalities.map((m) => m.id) });
}
