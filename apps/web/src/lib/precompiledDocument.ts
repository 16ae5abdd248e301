import type { DefinitionNode, DocumentNode } from 'graphql';

/**
 * A document as graphql-tag's gql would make it, from the parts the build parsed (build/precompileGraphql.ts):
 * the template's own definitions and the documents interpolated into it. As in graphql-tag, each
 * fragment is kept once, by name, where several interpolated documents bring the same one.
 */
export function precompiledDocument(own: DocumentNode, embedded: readonly DocumentNode[]): DocumentNode {
  const fragments = new Set<string>();
  const definitions: DefinitionNode[] = [];
  for (const document of [own, ...embedded]) {
    // A string interpolated into a template would have been pasted in by graphql-tag; here it is
    // a mistake the build's test (precompileGraphql.test.ts) should have caught.
    if ((document as { kind?: unknown } | null)?.kind !== 'Document') throw new Error('gql: only documents may be interpolated into a precompiled template');
    for (const definition of document.definitions) {
      // Compared as a string: importing graphql's Kind would bring graphql into the bundle for it.
      if ((definition.kind as string) === 'FragmentDefinition' && 'name' in definition && definition.name) {
        if (fragments.has(definition.name.value)) continue;
        fragments.add(definition.name.value);
      }
      definitions.push(definition);
    }
  }
  return { kind: 'Document' as DocumentNode['kind'], definitions };
}
