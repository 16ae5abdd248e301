import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { designsystemetCss } from './build/designsystemetCss.ts';
import { precompileGraphql } from './build/precompileGraphql.ts';

// The API (apps/api) listens on 4000 in development; the SPA calls it same-origin through
// this proxy. SAMARKIV_API_URL points it elsewhere (another port, a mock) without editing.
const apiUrl = process.env.SAMARKIV_API_URL ?? 'http://localhost:4000';
const apiProxy = { '/graphql': apiUrl, '/healthz': apiUrl, '/exports': apiUrl };

export default defineConfig({
  // gql`` templates parsed at build time, so the browser neither parses them nor loads the parser.
  plugins: [precompileGraphql(), react()],
  // Designsystemet's :has() rules that slowed every restyle, rewritten (build/designsystemetCss.ts).
  css: { postcss: { plugins: [designsystemetCss()] } },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The API will serve a CSP without 'unsafe-inline' and without data: fonts, so every
    // asset (fonts included) must be a file of its own, never inlined into JS or CSS.
    assetsInlineLimit: 0,
    // The entry is about 450 kB raw, mostly React DOM, Apollo Client, the router and the bokmål
    // catalogue; a first visit (sign-in, then the overview) is held within
    // 250 kB gzip by tests/e2e/budgets.test.ts. Warn when one chunk grows past this, not on every
    // build.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // @digdir/designsystemet-react declares no `sideEffects`, so without this rule every
        // component of its barrel (with floating-ui, a virtualiser and the web components)
        // lands in the first load (+64 kB gzip). Its modules only define components; the
        // behaviour that needs side effects lives in @digdir/designsystemet-web, which keeps
        // its default and is still bundled wherever a component we use imports it.
        moduleSideEffects: [{ test: /[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false }],
      },
    },
  },
});
