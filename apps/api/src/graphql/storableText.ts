import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import type * as GraphQL from 'graphql';
import type { ArgumentNode, ASTNode, ObjectFieldNode } from 'graphql';

// Same one copy of graphql as Apollo's (see armor.ts).
const { GraphQLError, Kind, visit } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** PostgreSQL's text types cannot hold U+0000; anything else a string can carry they store. */
const NUL = '\u0000';

export const UNSTORABLE_TEXT_MESSAGE = 'Teksten inneholder et tegn som ikke kan lagres (nulltegnet U+0000). Fjern det og prøv igjen.';

/**
 * Refuses an operation with U+0000 in any string, in its variables or in a literal of the
 * document, before a resolver runs: PostgreSQL would refuse it mid-query (invalid byte sequence),
 * an error no service can turn into a field error, on any field, search boxes included. The
 * shared text rules refuse it too, for what arrives by other ways (a CSV import).
 */
export function storableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const path = nulInValue(request.variables ?? {}) ?? nulInDocument(document);
          if (path) throw new GraphQLError(UNSTORABLE_TEXT_MESSAGE, { extensions: { code: 'VALIDATION_FAILED', path, http: { status: 400 } } });
        },
      };
    },
  };
}

/**
 * The path of the first string with U+0000 in a variables object, if any. Iterative: variables
 * nested thousands deep (the fuzz test sends them) must reach graphql's own coercion error, not
 * overflow the stack here.
 */
function nulInValue(variables: unknown): (string | number)[] | undefined {
  // Each entry links to its parent, so a path is built only for the string that is found.
  type Entry = { value: unknown; key: string | number; parent: Entry | null };
  const pending: Entry[] = [{ value: variables, key: '', parent: null }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value } = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return pathOf(next);
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) pending.push({ value: value[index], key: index, parent: next });
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) pending.push({ value: item, key, parent: next });
    }
  }
  return undefined;

  function pathOf(entry: Entry): (string | number)[] {
    const path: (string | number)[] = [];
    for (let at: Entry | null = entry; at?.parent; at = at.parent) path.unshift(at.key);
    return path;
  }
}

/** The argument and input-field names down to the first string literal with U+0000, if any. */
function nulInDocument(document: GraphQL.DocumentNode): string[] | undefined {
  let found: string[] | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found || !node.value.includes(NUL)) return;
      // graphql's ancestors stop before the parent (the argument or input field holding the string).
      found = [...(ancestors as readonly (ASTNode | readonly ASTNode[])[]), parent as ASTNode]
        .filter((a): a is ArgumentNode | ObjectFieldNode => !Array.isArray(a) && ((a as ASTNode).kind === Kind.ARGUMENT || (a as ASTNode).kind === Kind.OBJECT_FIELD))
        .map((a) => a.name.value);
    },
  });
  return found;
}
