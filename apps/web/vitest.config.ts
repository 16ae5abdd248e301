import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Run from the workspace root (`vitest run --project web` or `--config apps/web/vitest.config.ts`):
// pin the root to this folder so `include` and `setupFiles` resolve the same way in both.
const root = new URL('./', import.meta.url).pathname;

export default mergeConfig(
  viteConfig,
  defineProject({
    root,
    test: {
      name: 'web',
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
      setupFiles: ['src/test/setup.ts'],
      // Page tests wait for a lazy chunk and walk whole tables by role; on a loaded 2-core
      // machine (the full suite runs every project at once) 5 s is too short for some.
      testTimeout: 20_000,
    },
  }),
);
