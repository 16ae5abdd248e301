import type { Database } from '@samarkiv/db';
import { openTestDatabase, type TemplateName } from '@samarkiv/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Logger } from '../logger.ts';
import { startTestApi, type TestApi } from './testApi.ts';

export interface TestApiState {
  db: Database;
  api: TestApi;
}

/**
 * A database copy and the real HTTP app for a test file: a fresh pair for each test
 * (`per: 'test'`, for tests that write) or one for the whole file (`per: 'file'`, read-only).
 * The returned object is filled in before each test runs.
 */
export function useTestApi(options: { per: 'test' | 'file'; template?: TemplateName; config?: Parameters<typeof startTestApi>[1]; logger?: Logger }): TestApiState {
  const state = {} as TestApiState;
  const setUp = async () => {
    state.db = await openTestDatabase(options.template ?? 'seeded');
    state.api = await startTestApi(state.db, options.config, options.logger ? { logger: options.logger } : {});
  };
  const tearDown = async () => {
    await state.api?.close();
    await state.db?.close();
  };
  if (options.per === 'test') {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }
  return state;
}
