import { defineConfig } from 'vitest/config';

// One project per layer and backend; scripts/test.mjs decides which run (and says what it skips).
const serverTests = ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api-pglite',
          include: serverTests,
          environment: 'node',
          globalSetup: ['tests/setup/database.ts'],
          env: { SAMARKIV_TEST_BACKEND: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: serverTests,
          environment: 'node',
          globalSetup: ['tests/setup/database.ts'],
          env: { SAMARKIV_TEST_BACKEND: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      'apps/web/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
