import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { RequestHandler } from 'express';
import type * as GraphQL from 'graphql';
import type { ArgumentNode, DocumentNode, FieldNode, GraphQLSchema, ValidationContext, ValueNode } from 'graphql';
import { sendError } from '../http/httpErrors.ts';
import { MAX_PAGE_SIZE } from './pagination.ts';

// Apollo and @graphql-tools load graphql's CommonJS build. Under Vitest a plain import here
// resolves to its ESM build instead: a second copy, whose validate() refuses the schema and whose
// GraphQLError Apollo does not recognise (it would re-wrap it and lose the code). Node's require
// gives the one copy everywhere; in production both ways lead to the same module.
const { GraphQLError, Kind, Lexer, Source, TokenKind, TypeInfo, validate, visit, visitWithTypeInfo } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/**
 * Limits on the shape of a GraphQL document, the same in development and production. Measured
 * on the schema as it is (docs/SECURITY.md › Why these query limits has the figures):
 * - depth 12: the deepest real selection is 6 fields (users.edges.node.memberships.municipality.name);
 *   each fragment spread or inline fragment counts as a level, so a page query whose row
 *   components each spread a fragment reaches 9-10.
 * - aliases 15, counting aliased __typename: the web app uses none; 15 leaves room for a
 *   dashboard that asks for the same field with different arguments.
 * - tokens 2000: the web app's largest operation is about 60 tokens before its fragments are
 *   added, the standard introspection query 163.
 * - directives 20: @include/@skip on a handful of fields.
 * - cost 15000 (graphql-armor's model: scalar 1, object 2, x1.5 per level, x page size): a full
 *   100-row users page with every field and memberships costs 9697, an audit page 7306; two
 *   nested 100-row lists cost more than 100 times that.
 */
export const QUERY_LIMITS = { depth: 12, aliases: 15, tokens: 2000, directives: 20, cost: 15_000 } as const;

/** The code of each rejection (in extensions.code) and its message. */
export const QUERY_LIMIT_ERRORS = {
  /** More nested selections than QUERY_LIMITS.depth. */
  QUERY_TOO_DEEP: `Spørringen er for dyp (høyst ${QUERY_LIMITS.depth} nivåer).`,
  /** More aliases than QUERY_LIMITS.aliases (aliased __typename counts). */
  TOO_MANY_ALIASES: `Spørringen har for mange aliaser (høyst ${QUERY_LIMITS.aliases}).`,
  /** More lexical tokens than QUERY_LIMITS.tokens; refused before parsing (tokenLimit). */
  TOO_MANY_TOKENS: `Spørringen er for lang (høyst ${QUERY_LIMITS.tokens} symboler).`,
  /** More directives than QUERY_LIMITS.directives. */
  TOO_MANY_DIRECTIVES: `Spørringen har for mange direktiver (høyst ${QUERY_LIMITS.directives}).`,
  /** Estimated cost above QUERY_LIMITS.cost: ask for fewer rows or fields. */
  QUERY_TOO_COSTLY: 'Spørringen ber om for mye på en gang. Be om færre rader eller felt.',
} as const;

type QueryLimitCode = keyof typeof QUERY_LIMIT_ERRORS;

function rejectWith(code: QueryLimitCode) {
  return {
    // graphql-armor's own handler would report BAD_USER_INPUT; ours reports the coded error.
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(limitError(code))],
  };
}

function limitError(code: QueryLimitCode): GraphQL.GraphQLError {
  return new GraphQLError(QUERY_LIMIT_ERRORS[code], { extensions: { code, http: { status: 400 } } });
}

const OFF = { enabled: false };
/** graphql-armor's validation rules for just the protections given. */
function armorRules(config: ConstructorParameters<typeof ApolloArmor>[0]) {
  // Suggestions and tokens are done below, better: a suggestion is removed whole, tokens are
  // counted before parsing.
  return new ApolloArmor({ blockFieldSuggestion: OFF, maxTokens: OFF, maxDepth: OFF, maxAliases: OFF, maxDirectives: OFF, costLimit: OFF, ...config }).protect().validationRules;
}

const shapeRules = armorRules({
  maxDepth: { n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: false, ...rejectWith('QUERY_TOO_DEEP') },
  maxAliases: { n: QUERY_LIMITS.aliases, allowList: [], ...rejectWith('TOO_MANY_ALIASES') },
  maxDirectives: { n: QUERY_LIMITS.directives, ...rejectWith('TOO_MANY_DIRECTIVES') },
});
// Fragments only organise a query; the cost is in the data it selects.
const costRules = armorRules({
  costLimit: { maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, flattenFragments: true, ...rejectWith('QUERY_TOO_COSTLY') },
});

/**
 * Checks the limits once the operation is known. Not as Apollo `validationRules`: Apollo
 * rewrites the code of every validation error to GRAPHQL_VALIDATION_FAILED, while an error
 * thrown here keeps its own code and status 400.
 */
export function queryLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const passed = passedLimits(document);
          const sizes = pageSizeKey(request.variables ?? {});
          if (passed.has(sizes)) return;
          const [shapeError] = validate(schema, document, shapeRules);
          if (shapeError) throw shapeError;
          const [costError] = validate(schema, withPageSizes(schema, document, request.variables ?? {}), costRules);
          if (costError) throw costError;
          if (passed.size < 32) passed.add(sizes);
        },
      };
    },
  };
}

// Apollo's document store hands every request of the same query the same parsed document, so
// a document that passed once is not validated again (two validations cost about a millisecond
// a request). The cost depends on the page sizes in the variables, so they are part of the key.
const passedByDocument = new WeakMap<DocumentNode, Set<string>>();

function passedLimits(document: DocumentNode): Set<string> {
  let passed = passedByDocument.get(document);
  if (!passed) passedByDocument.set(document, (passed = new Set()));
  return passed;
}

/** The integer variables (the only ones that can be page sizes), as a stable key. */
function pageSizeKey(variables: Record<string, unknown>): string {
  return Object.entries(variables)
    .filter(([, value]) => typeof value === 'number')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
}

/**
 * graphql-armor multiplies by `first` only when it is written as a literal. Web queries pass it
 * as a variable, and leaving it out means a default page: so before costing, every field that
 * takes `first` gets it as a literal, from the variables, clamped to 1..100 (a larger ask fails
 * later with BAD_PAGE_SIZE), or 100 when it is absent.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const sizeOf = (value: ValueNode | undefined): number => {
    let raw: unknown = undefined;
    if (value?.kind === Kind.INT) raw = Number(value.value);
    if (value?.kind === Kind.VARIABLE) {
      const name = value.name.value;
      const fallback = defaults.get(name);
      raw = name in variables ? variables[name] : fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
    }
    return typeof raw === 'number' && Number.isInteger(raw) ? Math.min(Math.max(raw, 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  };
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        if (!typeInfo.getFieldDef()?.args.some((arg) => arg.name === 'first')) return undefined;
        const given = node.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: { kind: Kind.INT, value: String(sizeOf(given?.value)) },
        };
        return { ...node, arguments: [first, ...(node.arguments ?? []).filter((arg) => arg !== given)] };
      },
    }),
  );
}

const SUGGESTION = /\s*Did you mean .*$/s;

/** Production: "Did you mean …?" would map the schema for someone without introspection. */
export function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/** Counts lexical tokens, stopping one past `limit`; a lexing error is left for the parser to report. */
export function tokenCount(query: string, limit: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // Invalid syntax: Apollo's parser answers GRAPHQL_PARSE_FAILED.
  }
  return count;
}

/**
 * Express middleware between the JSON body parser and Apollo: a document over the token limit is
 * refused before anything parses or validates it (Apollo would answer a throw from a parsing
 * hook with a 500).
 */
export function tokenLimit(): RequestHandler {
  return (req, res, next) => {
    const query: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && tokenCount(query, QUERY_LIMITS.tokens) > QUERY_LIMITS.tokens) {
      return sendError(res, 400, 'TOO_MANY_TOKENS', {}, QUERY_LIMIT_ERRORS.TOO_MANY_TOKENS);
    }
    next();
  };
}
