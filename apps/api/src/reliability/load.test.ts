import { testBackend } from '@samarkiv/db/testing';
import { describe, expect, it } from 'vitest';
import { renderLoadSection, runLoadBench } from '../../../../tests/bench/loadBench.ts';

// Issue 10, part 4, in its short mode: `pnpm bench:load` as it runs in full (a throwaway
// PostgreSQL, the real API process, autocannon in a child on another core), but small and brief.
// PostgreSQL only: it is the backend that serves many clients at once, and the run starts its
// own cluster, so running it again under the pglite project would prove nothing new.
describe.runIf(testBackend() === 'postgres')('the load mix in short', () => {
  it('answers a short run of the mix (browsing, dashboard, edits) with 0 errors', { timeout: 300_000 }, async () => {
    const run = await runLoadBench({ backend: 'postgres', series: 2_000, clients: 5, durationSeconds: 6, warmupSeconds: 1, seed: 7 }, () => {});
    console.log(renderLoadSection(run, 'apps/api/src/reliability/load.test.ts'));
    expect(run.result.errorKinds).toEqual({});
    expect(run.result.errors).toBe(0);
    // Every kind of the mix was sent and answered, so 0 errors means something.
    for (const kind of ['browse', 'dashboard', 'write'] as const) expect(run.result.byKind[kind].requests).toBeGreaterThan(0);
    expect(run.result.byKind.write.ok + run.result.byKind.write.conflicts).toBe(run.result.byKind.write.requests);
  });
});
