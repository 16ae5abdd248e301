import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** The query parameter holding the cursor of the page shown ("after this row"). */
export const CURSOR_PARAM = 'etter';

type PagingState = { cursors?: string[] };

/**
 * Keyset paging with the page in the URL. The cursor of the page shown is in `?etter=`, so a
 * page can be linked and reloaded; the cursors of the pages before it ride in the history
 * entry's state, which gives "previous page" without the server paging backwards. A link
 * opened fresh has no such state: its "previous page" goes to the first page.
 */
export function useCursorPaging() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const after = params.get(CURSOR_PARAM) ?? undefined;
  const earlier = (location.state as PagingState | null)?.cursors ?? [];

  const goTo = useCallback(
    (cursor: string | undefined, cursors: string[]) => {
      const next = new URLSearchParams(params);
      if (cursor) next.set(CURSOR_PARAM, cursor);
      else next.delete(CURSOR_PARAM);
      navigate({ search: next.toString() }, { state: { cursors } satisfies PagingState });
    },
    [params, navigate],
  );

  const nextPage = useCallback((endCursor: string) => goTo(endCursor, [...earlier, after ?? '']), [goTo, earlier, after]);
  const previousPage = useCallback(() => goTo(earlier.at(-1) || undefined, earlier.slice(0, -1)), [goTo, earlier]);
  const firstPage = useCallback(() => goTo(undefined, []), [goTo]);

  return {
    after,
    hasPrevious: after !== undefined,
    /** 1-based; unknown (undefined) on a page opened from a link past the first. */
    pageNumber: after === undefined ? 1 : earlier.length > 0 ? earlier.length + 1 : undefined,
    nextPage,
    previousPage,
    firstPage,
  };
}
