import type { Page } from 'playwright-core';
import { GraphQLClient } from './http.ts';

// The server's share of what bench:web times: the browser's own SeriesBrowserRows requests,
// recorded as the page sent them, replayed from Node against the same server. What the browser
// figure adds on top is the page's own work (React, the table) and Chromium's networking.

export type RecordedRequests = Map<string, string[]>;

/** Records the body of every SeriesBrowserRows request the page sends, under the current key. */
export function recordRowRequests(page: Page): { recorded: RecordedRequests; setKey(key: string | null): void } {
  const recorded: RecordedRequests = new Map();
  let key: string | null = null;
  page.on('request', (request) => {
    if (key === null || request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = request.postData();
    if (!body || !body.includes('"operationName":"SeriesBrowserRows"')) return;
    recorded.set(key, [...(recorded.get(key) ?? []), body]);
  });
  return { recorded, setKey: (next) => (key = next) };
}

/** Milliseconds per recorded request, each sent `rounds` times (the first round warms the buffers and is not counted). */
export async function replay(baseUrl: string, username: string, password: string, bodies: string[], rounds: number): Promise<number[]> {
  const client = new GraphQLClient(baseUrl, 1);
  try {
    await client.signIn(username, password);
    const times: number[] = [];
    for (let round = 0; round <= rounds; round++) {
      for (const body of bodies) {
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        const started = performance.now();
        const result = await client.gql(query, variables);
        const ms = performance.now() - started;
        if (result.errors) throw new Error(`replayed SeriesBrowserRows failed: ${result.errors[0]!.message}`);
        if (round > 0) times.push(ms);
      }
    }
    return times;
  } finally {
    client.close();
  }
}
