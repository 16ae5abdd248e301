import type { TypedDocumentNode } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { createContext, useContext } from 'react';

// Each overview panel owns a fragment on the root type (`fragment X_query on Query`), spread by
// the page's one query. With data masking the page sees none of it; a panel reads its own
// fields from the cache's root object with the page's variables, so adding a panel is adding
// one spread and one component.

export type OverviewVariables = { municipalityId: string | null; municipalityIds: string[] | null };

export const OverviewVariablesContext = createContext<OverviewVariables>({ municipalityId: null, municipalityIds: null });

export function useRootFragment<T>(fragment: TypedDocumentNode<T>, fragmentName?: string): T | null {
  const variables = useContext(OverviewVariablesContext);
  const { data, complete } = useFragment({ fragment, fragmentName, from: { __typename: 'Query' }, variables });
  return complete ? (data as T) : null;
}
