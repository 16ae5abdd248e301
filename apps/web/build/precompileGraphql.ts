import { parse } from 'graphql';
import { join } from 'node:path';
import type { Plugin } from 'vite';

// The app's GraphQL documents are written as gql`` templates beside their components (fragments
// owned by components, interpolated into the queries that spread them). Left as they are, every
// document is parsed in the browser at start-up by graphql's parser, which also has to be in the
// first load. At build time this step parses each template's own text into its syntax tree and
// leaves only the joining of the interpolated fragments to the browser
// (src/lib/precompiledDocument.ts). Any template this cannot read fails the build with its file
// and line, rather than shipping a document parsed differently from the one written.

const HELPER = join(import.meta.dirname, '../src/lib/precompiledDocument.ts');
const HELPER_NAME = '__samarkivDocument';
// GraphQL has no backtick of its own, so a template ends at the next one.
const TEMPLATE = /\bgql`([^`]*)`/g;
const INTERPOLATION = /\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g;

export type Template = { start: number; end: number; text: string; embedded: string[] };

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length;
}

/** The gql`` templates of a module: where each is, its own text and the names interpolated into it. */
export function findTemplates(code: string, file = 'module'): Template[] {
  return [...code.matchAll(TEMPLATE)].map((match) => {
    const body = match[1]!;
    const embedded = [...body.matchAll(INTERPOLATION)].map((m) => m[1]!);
    const text = body.replace(INTERPOLATION, '');
    if (text.includes('${')) throw new Error(`${file}:${lineOf(code, match.index)}: a gql template may only interpolate a document by its name`);
    return { start: match.index, end: match.index + match[0].length, text, embedded };
  });
}

/** The template's own definitions as a syntax tree without source locations (as JSON). */
export function ownDefinitions(text: string, where = 'template'): string {
  if (text.trim() === '') return JSON.stringify({ kind: 'Document', definitions: [] });
  try {
    return JSON.stringify(parse(text, { noLocation: true }));
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

/** The module with each gql`` template replaced by its precompiled document; null when it has none. */
export function precompileModule(code: string, file: string): string | null {
  const templates = findTemplates(code, file);
  if (templates.length === 0) return null;
  let out = '';
  let at = 0;
  for (const template of templates) {
    const own = ownDefinitions(template.text, `${file}:${lineOf(code, template.start)}`);
    // JSON.parse of a string literal is quicker for the engine to read than the same object literal.
    out += `${code.slice(at, template.start)}${HELPER_NAME}(JSON.parse(${JSON.stringify(own)}), [${template.embedded.join(', ')}])`;
    at = template.end;
  }
  return `import { precompiledDocument as ${HELPER_NAME} } from ${JSON.stringify(HELPER)};\n${out}${code.slice(at)}`;
}

/** The Vite plugin: the production build only (the tests load the templates as written; see the test). */
export function precompileGraphql(): Plugin {
  return {
    name: 'samarkiv:precompile-graphql',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.(ts|tsx)$/.test(file) || file.includes('/node_modules/') || file === HELPER || !code.includes('gql`')) return null;
      const transformed = precompileModule(code, file);
      return transformed === null ? null : { code: transformed, map: null };
    },
  };
}
