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
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
    },
  }),
);
