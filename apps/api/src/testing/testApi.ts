import { createServer, type Server } from 'node:http';
import type { Database } from '@samarkiv/db';
import { apiConfigFromEnv, type ApiConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createApp } from '../server.ts';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real HTTP app on a free port, so that tests go through GraphQL exactly as a browser does. */
export async function startTestApi(db: Database, overrides: Partial<ApiConfig> = {}): Promise<TestApi> {
  const config = { ...apiConfigFromEnv({}), seedWhenEmpty: false, ...overrides };
  const httpServer: Server = createServer();
  const app = await createApp(db, config, createLogger('silent'), httpServer);
  httpServer.on('request', app.express);
  await new Promise<void>((done) => httpServer.listen(0, '127.0.0.1', () => done()));
  const address = httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<T>;
    },
    async close() {
      await app.apollo.stop();
      await new Promise<void>((done) => httpServer.close(() => done()));
    },
  };
}
