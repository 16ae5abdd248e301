import { Kind, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FACET_NAMES, SERIES_BROWSER_FACETS_QUERY } from './FacetPanel.tsx';

describe('the facets query', () => {
  it('asks for every facet the panel shows, each with its values, labels and counts', () => {
    const operation = SERIES_BROWSER_FACETS_QUERY.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const facets = (operation.selectionSet.selections[0] as FieldNode).selectionSet!.selections as FieldNode[];
    expect(facets.map((field) => field.name.value)).toEqual([...FACET_NAMES]);
    for (const field of facets) expect(field.selectionSet!.selections.map((s) => (s as FieldNode).name.value)).toEqual(['value', 'label', 'count']);
  });
});
