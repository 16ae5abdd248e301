import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gql } from '@apollo/client';
import { parse, print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { precompiledDocument } from '../src/lib/precompiledDocument.ts';
import { findTemplates, ownDefinitions, precompileModule } from './precompileGraphql.ts';

const SRC = join(import.meta.dirname, '../src');

/** What the browser gets for a template: the build's JSON, joined with the interpolated documents. */
function precompiled(text: string, embedded: DocumentNode[]): DocumentNode {
  return precompiledDocument(JSON.parse(ownDefinitions(text)) as DocumentNode, embedded);
}

/** A document without graphql-tag's source locations, to compare syntax trees. */
function bare(document: DocumentNode): unknown {
  return JSON.parse(JSON.stringify(document, (key, value: unknown) => (key === 'loc' ? undefined : value)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('precompiled GraphQL documents', () => {
  const PERSON = gql`
    fragment Person on User {
      id
      displayName
    }
  `;
  const ROW = gql`
    fragment Row on User {
      id
      ...Person
    }
    ${PERSON}
  `;

  it('are the document gql makes, fragments and their fragments included, each fragment once', () => {
    const text = `
      query Users($first: Int) {
        users(first: $first) { nodes { ...Row ...Person } }
      }
    `;
    // ROW already brings PERSON; gql keeps it once, and so must the precompiled one.
    const expected = gql([`${text}\n`, '\n', '\n'] as unknown as TemplateStringsArray, ROW, PERSON);
    const actual = precompiled(`${text}\n\n\n`, [ROW, PERSON]);
    expect(bare(actual)).toEqual(bare(expected));
    expect(actual.definitions.map((d) => ('name' in d ? d.name?.value : null))).toEqual(['Users', 'Row', 'Person']);
  });

  it('keeps a template of fragments only, and one with no text of its own', () => {
    expect(bare(precompiled('', [ROW]))).toEqual(bare(ROW));
    expect(print(precompiled('fragment A on User { id }', []))).toBe(print(parse('fragment A on User { id }')));
  });

  it('replaces each template of a module with the call, naming the interpolated documents', () => {
    const code = "import { gql } from '@apollo/client';\nexport const Q = gql`\n  query Q { me { ...F } }\n  ${F_FRAGMENT}\n`;\nconst x = 1;\n";
    const out = precompileModule(code, 'q.ts')!;
    expect(out).not.toContain('gql`');
    expect(out).toMatch(/^import \{ precompiledDocument as __samarkivDocument \} from ".*precompiledDocument\.ts";/);
    expect(out).toContain('export const Q = __samarkivDocument(JSON.parse(');
    expect(out).toContain(', [F_FRAGMENT]);\nconst x = 1;');
  });

  it('fails the build, with file and line, on a template it cannot read', () => {
    expect(() => precompileModule('const a = 1;\nconst Q = gql`query { ${"me"} }`;', 'bad.ts')).toThrow(/^bad\.ts:2: a gql template may only interpolate a document by its name/);
    expect(() => precompileModule('\n\nconst Q = gql`query { me { id }`;', 'broken.ts')).toThrow(/^broken\.ts:3: Syntax Error/);
  });

  // Every template the app has goes through the build's parser here, so a document the build
  // cannot read fails this test and not only the build.
  it('reads every template of the app, each interpolating only documents', () => {
    const sources = sourceFiles(SRC).map((file) => ({ file, code: readFileSync(file, 'utf8') }));
    const all = sources.map((source) => source.code).join('\n');
    let templates = 0;
    for (const { file, code } of sources.filter((source) => source.code.includes('gql`'))) {
      const found = findTemplates(code, file);
      templates += found.length;
      expect(found.length, file).toBe(code.split('gql`').length - 1);
      expect(precompileModule(code, file), file).not.toContain('gql`');
      // graphql-tag pastes a string in where the build cannot: every name must be a gql document.
      for (const name of found.flatMap((template) => template.embedded)) {
        expect(new RegExp(`(?:const|let)\\s+${name}\\b[^=]*=\\s*gql\``).test(all), `${file}: ${name} is not a gql document`).toBe(true);
      }
    }
    expect(templates).toBeGreaterThan(100);
  });
});
