import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type DocumentNode, Kind, NoUnusedFragmentsRule, specifiedRules, validate } from 'graphql';
import { describe, expect, it, vi } from 'vitest';

// Every GraphQL document the app sends is checked against the API's own SDL, so a field the
// server does not have (or no longer has) fails here rather than in a user's browser. The
// documents are written by hand beside their components; msw answers whatever they ask.

const API_SRC = join(import.meta.dirname, '../../../api/src');
// Client-side directives Apollo reads and strips before sending.
const CLIENT_DIRECTIVES = 'directive @unmask(mode: String) on FRAGMENT_SPREAD\n';

function apiSchema() {
  const modules = join(API_SRC, 'modules');
  const sdl = readdirSync(modules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(modules, entry.name)).filter((file) => file.endsWith('.graphql')).map((file) => readFileSync(join(modules, entry.name, file), 'utf8')));
  return buildSchema([CLIENT_DIRECTIVES, readFileSync(join(API_SRC, 'graphql/root.graphql'), 'utf8'), ...sdl].join('\n'));
}

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
}

// Every document `gql` makes, exported or not, as the modules are loaded.
const made = vi.hoisted(() => [] as DocumentNode[]);
vi.mock('@apollo/client', async (importOriginal) => {
  const apollo = await importOriginal<typeof import('@apollo/client')>();
  const gql = (...args: Parameters<typeof apollo.gql>) => {
    const document = apollo.gql(...args);
    made.push(document);
    return document;
  };
  return { ...apollo, gql };
});

// Every module of the app but the tests, loaded as the bundle would load it.
import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**', '!../main.tsx'], { eager: true });

const operationName = (document: DocumentNode) =>
  document.definitions.map((definition) => ('name' in definition && definition.name ? definition.name.value : '?')).join(' + ');
const documents = [...new Set(made)].filter(isDocument).map((document) => ({ name: operationName(document), document }));

describe('the documents of the web app', () => {
  const schema = apiSchema();

  it('are found (the check below covers something)', () => {
    expect(documents.length).toBeGreaterThan(90);
  });

  it.each(documents)('$name is valid against the API schema', ({ document }) => {
    const hasOperation = document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    // A fragment exported on its own is spread elsewhere; alone it is "unused".
    const rules = hasOperation ? specifiedRules : specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
    expect(validate(schema, document, rules).map((error) => error.message)).toEqual([]);
  });
});
