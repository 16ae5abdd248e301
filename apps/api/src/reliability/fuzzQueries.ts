import { createRequire } from 'node:module';
import fc from 'fast-check';
import type * as GraphQL from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLOutputType, GraphQLSchema } from 'graphql';

// The schema comes from graphql's CommonJS build (see graphql/armor.ts); its type predicates must too.
const { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** fast-check's imperative generator, as `fc.gen()` hands it to a property. */
type Gen = fc.GeneratorValue;

/** An enum value: printed bare in a document, as a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

export interface FuzzOperation {
  /** Root field names the operation selects, for the printed counts. */
  fields: string[];
  query: string;
  variables: Record<string, unknown>;
}

export interface OperationOptions {
  operation: 'query' | 'mutation';
  /** Root fields never chosen (signOut would end the session every later input needs). */
  exclude?: string[];
  /** Chance (0..1) that an argument value is of a wrong type somewhere inside. */
  wrongTypes: number;
  maxDepth: number;
}

/**
 * A random operation built from the schema's types: root fields, arguments of the right type
 * (and now and then of a wrong one), inline or as variables, and selection sets to a bounded depth.
 * Every choice is drawn from `g`, so fast-check reproduces (and shrinks) a failing one.
 */
export function randomOperation(g: Gen, schema: GraphQLSchema, options: OperationOptions): FuzzOperation {
  const root = options.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const candidates = Object.values(root.getFields()).filter((f) => !options.exclude?.includes(f.name));
  const count = g(fc.integer, { min: 1, max: options.operation === 'query' ? 3 : 1 });
  const picked = pickDistinct(g, candidates, count);
  const builder = new OperationBuilder(g, options);
  const body = picked.map((field) => builder.field(field, options.maxDepth)).join(' ');
  const header = builder.declarations.length ? `(${builder.declarations.join(', ')})` : '';
  return { fields: picked.map((f) => f.name), query: `${options.operation} Fuzz${header} { ${body} }`, variables: builder.variables };
}

class OperationBuilder {
  readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(
    private readonly g: Gen,
    private readonly options: OperationOptions,
  ) {}

  field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((arg) => isNonNullType(arg.type) || this.g(fc.boolean));
    const printedArgs = args.length ? `(${args.map((arg) => `${arg.name}: ${this.argument(arg)}`).join(', ')})` : '';
    return `${field.name}${printedArgs}${this.selection(field.type, depth - 1)}`;
  }

  private argument(arg: GraphQLArgument): string {
    const wrong = this.g(fc.double, { min: 0, max: 1, noNaN: true }) < this.options.wrongTypes;
    const value = randomValue(this.g, arg.type, wrong, 0);
    if (this.g(fc.boolean)) {
      const name = `v${this.declarations.length}`;
      this.declarations.push(`$${name}: ${String(arg.type)}`);
      if (value !== undefined) this.variables[name] = value;
      return `$${name}`;
    }
    return printLiteral(value === undefined ? null : value);
  }

  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type) as GraphQLNamedType;
    if (isLeafType(named)) return '';
    if (isUnionType(named)) {
      const members = pickDistinct(this.g, [...named.getTypes()], this.g(fc.integer, { min: 1, max: 2 }));
      return ` { __typename ${members.map((m) => `... on ${m.name}${this.objectSelection(m, depth)}`).join(' ')} }`;
    }
    return this.objectSelection(named as GraphQLObjectType, depth);
  }

  private objectSelection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    // At the depth limit only leaves (fields whose arguments are all optional, so none are needed).
    const usable = depth <= 0 ? fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type))) : fields;
    const chosen = pickDistinct(this.g, usable, this.g(fc.integer, { min: 1, max: 4 }));
    const parts = chosen.map((f) => this.field(f, depth));
    if (parts.length === 0 || (isInterfaceType(type) && this.g(fc.boolean))) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }
}

function pickDistinct<T>(g: Gen, items: T[], count: number): T[] {
  if (items.length === 0) return [];
  const length = Math.min(count, items.length);
  const indexes = g(() => fc.uniqueArray(fc.integer({ min: 0, max: items.length - 1 }), { minLength: length, maxLength: length }));
  return indexes.map((i) => items[i]!);
}

const WRONG_VALUES: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constantFrom(new EnumValue('NOT_A_VALUE'), 2 ** 31, -(2 ** 31) - 1, 1e308, '', '\u0000', '../../etc/passwd', "'; DROP TABLE risk; --"),
);

/** Strings that have broken parsers before: empty, control and combining characters, astral planes, long runs. */
const STRINGS: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'æøå ÆØÅ', '%', '_', '\\', '*', '2026-13-45', '2026-02-29', '1970-01-01', '0', '-1', 'null', '🗄️📁', 'a'.repeat(5000)) },
  // Long, but inside the 100 KB body limit: the services must refuse or handle it, not the parser.
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 60_000 }).map((n) => 'ø'.repeat(n)) },
);

const INTS: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 5, 100, 101, -1, 2 ** 31 - 1, -(2 ** 31)) },
  { weight: 1, arbitrary: fc.integer() },
);

const DATE_LIKE: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true, min: new Date('1000-01-01T00:00:00Z'), max: new Date('3000-01-01T00:00:00Z') }).map((d) => d.toISOString()),
  STRINGS,
);

/** A value for an input type; `wrong` puts a value of another type at one random place inside it. */
export function randomValue(g: Gen, type: GraphQLInputType, wrong: boolean, level: number, required = false): unknown {
  if (wrong && (level > 2 || g(fc.integer, { min: 0, max: 2 }) === 0)) return g(() => WRONG_VALUES);
  if (isNonNullType(type)) return randomValue(g, type.ofType, wrong, level, true);
  if (!required && level > 0 && g(fc.integer, { min: 0, max: 9 }) === 0) return null;
  if (isListType(type)) {
    const length = g(fc.integer, { min: 0, max: level > 1 ? 1 : 3 });
    return Array.from({ length }, () => randomValue(g, type.ofType, wrong, level + 1));
  }
  if (isEnumType(type)) return new EnumValue(g(fc.constantFrom, ...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || g(fc.boolean)) out[field.name] = randomValue(g, field.type, wrong && g(fc.boolean), level + 1);
    }
    return out;
  }
  if (isScalarType(type)) return randomScalar(g, type.name);
  throw new Error(`unexpected input type ${String(type)}`);
}

function randomScalar(g: Gen, name: string): unknown {
  switch (name) {
    case 'Int':
      return g(() => INTS);
    case 'Float':
      return g(() => fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), INTS));
    case 'Boolean':
      return g(fc.boolean);
    case 'ID':
      return g(() => fc.oneof(fc.integer({ min: -1, max: 40 }).map(String), fc.constantFrom('0', '1', '9999999999', '1e3', 'abc', ''), STRINGS));
    case 'String':
      return g(() => STRINGS);
    case 'JSON':
      return g(fc.jsonValue, { maxDepth: 2 });
    default:
      // Dates and other custom scalars: dates of every shape, and strings that are not dates.
      return g(() => DATE_LIKE);
  }
}

/** A JS value as a GraphQL literal. */
export function printLiteral(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
      .map(([key, v]) => `${key}: ${printLiteral(v)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}
