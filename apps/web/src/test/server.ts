import { delay, graphql } from 'msw';
import { setupServer } from 'msw/node';

/** No default handlers: each test states the API answers it depends on. */
export const server = setupServer();

/**
 * Answers the query `operation` with `answer()` only once the returned `release` is called, so a
 * test can look at the page while it waits for that answer.
 */
export function holdQuery(operation: string, answer: () => Response): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.use(
    graphql.query(operation, async () => {
      await released;
      await delay(0);
      return answer();
    }),
  );
  return release;
}
