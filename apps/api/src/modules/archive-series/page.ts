import { type ArchiveSeries, Prisma } from '@samarkiv/db';
import type { ArchiveSeriesOrderField, SortDirection } from '../../graphql/generated/resolvers.ts';
import { rankExpression, rowConditions, type SeriesFilter, whereAll } from './filter.ts';

const { sql, join } = Prisma;
type Sql = Prisma.Sql;

/** One part of a sort key: the expression (matching an index expression) and its type for cursor values. */
interface KeyPart {
  expr: Sql;
  type: Sql;
}

// Each ordering is a key whose expressions match an index "(key..., id)" of the migrations,
// alone and under municipality_id. Nullable columns sort through a non-null key: a row-value
// comparison with a NULL in it is never true, so those rows would be skipped.
const KEYS: Record<Exclude<ArchiveSeriesOrderField, 'RELEVANCE'>, KeyPart[]> = {
  IDENTIFIER: [{ expr: sql`s."identifier"`, type: sql`text` }],
  TITLE: [{ expr: sql`s."title_sort_key"`, type: sql`text` }],
  STATUS: [{ expr: sql`s."status"`, type: sql`"ArchiveSeriesStatus"` }],
  DOCUMENT_MEDIUM: [{ expr: sql`s."document_medium"`, type: sql`"DocumentMedium"` }],
  PERIOD_START: [{ expr: sql`s."period_start"`, type: sql`date` }],
  PERIOD_END: [{ expr: sql`COALESCE(s."period_end", 'infinity'::date)`, type: sql`date` }],
  RETENTION_DECISION: [
    { expr: sql`(s."retention_decision" IS NULL)`, type: sql`boolean` },
    { expr: sql`COALESCE(s."retention_decision", 'BEVARES'::"RetentionDecision")`, type: sql`"RetentionDecision"` },
  ],
  CLASSIFICATION_TYPE: [{ expr: sql`COALESCE(s."classification_type", '')`, type: sql`text` }],
  SYSTEM: [{ expr: sql`COALESCE(s."system", '')`, type: sql`text` }],
  DEPOSIT_STATUS: [{ expr: sql`s."deposit_status"`, type: sql`"DepositStatus"` }],
  UPDATED_AT: [{ expr: sql`s."updated_at"`, type: sql`timestamptz` }],
};

// Column names of the selected sort key values (an ordering has at most two parts).
const KEY_ALIASES = [sql`"k0"`, sql`"k1"`];

export interface PageRequest {
  filter: SeriesFilter;
  field: ArchiveSeriesOrderField;
  direction: SortDirection;
  /** Rows to return; the SQL asks for one more to know whether another page follows. */
  size: number;
  /** Walk backwards from the cursor (last/before). */
  backward: boolean;
  /** The sort key values and id of the row to continue after (before, when backward). */
  cursor: { keys: string[]; id: number } | null;
}

export function keyParts(field: ArchiveSeriesOrderField, filter: SeriesFilter): KeyPart[] {
  if (field === 'RELEVANCE') return [{ expr: rankExpression(filter), type: sql`int` }, KEYS.TITLE[0]!];
  return KEYS[field];
}

/**
 * The SQL of one page: ids and the sort key values (as text, for cursors) of up to size + 1
 * rows, seeking the (key, id) index with a row-value comparison so that a deep page costs what
 * the first one does. Backward pages come in reverse order; the caller turns them round.
 */
export function pageSql(request: PageRequest): Sql {
  const parts = keyParts(request.field, request.filter);
  const ascending = (request.direction === 'ASC') !== request.backward;
  const dir = ascending ? sql`ASC` : sql`DESC`;
  const conditions = rowConditions(request.filter);
  // In one municipality the (municipality_id, key, id) index must serve, not (key, id) with the
  // other municipalities' rows filtered away: leading with the municipality (filtered by = ANY,
  // see rowConditions) makes it the only index that yields the order.
  const only = request.filter.municipalityIds?.length === 1 ? request.filter.municipalityIds[0]! : null;
  const scope = only === null ? [] : [{ expr: sql`s."municipality_id"`, value: sql`${only}::int` }];
  if (request.cursor) {
    const { keys, id } = request.cursor;
    const left = join([...scope.map((p) => p.expr), ...parts.map((p) => p.expr), sql`s."id"`]);
    const right = join([...scope.map((p) => p.value), ...parts.map((p, i) => sql`${keys[i]}::${p.type}`), sql`${id}::int`]);
    conditions.push(ascending ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`);
  }
  const selectKeys = join(parts.map((p, i) => sql`(${p.expr})::text AS ${KEY_ALIASES[i]!}`));
  const orderBy = join([...scope.map((p) => sql`${p.expr} ${dir}`), ...parts.map((p) => sql`${p.expr} ${dir}`), sql`s."id" ${dir}`]);
  // Whole rows in the same statement: the index scan visits each row's heap tuple for the
  // deleted_at check anyway, and a second query for the rows cost a round trip per page.
  return sql`SELECT s.*, ${selectKeys} FROM "archive_series" s ${whereAll(conditions)} ORDER BY ${orderBy} LIMIT ${request.size + 1}`;
}

export interface PageRow {
  id: number;
  [column: string]: unknown;
}

export function keysOf(row: PageRow, count: number): string[] {
  return Array.from({ length: count }, (_, i) => (row[`k${i}`] as string | undefined) ?? '');
}

/** A page row (snake_case columns, as SQL names them) as the Prisma model the resolvers take. */
export function seriesOf(row: PageRow): ArchiveSeries {
  const out: Record<string, unknown> = {};
  for (const column in row) {
    const name = propertyName(column);
    if (name) out[name] = row[column];
  }
  return out as unknown as ArchiveSeries;
}

// Column name -> property name, worked out once per column rather than once per cell.
const PROPERTY = new Map<string, string | null>();

function propertyName(column: string): string | null {
  let name = PROPERTY.get(column);
  if (name === undefined) {
    name = /^k\d$/.test(column) ? null : column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    PROPERTY.set(column, name);
  }
  return name;
}
