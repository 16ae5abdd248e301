import { findPostgresBin, startPostgresCluster, testBackend } from '@samarkiv/db/testing';
import { describe, expect, it } from 'vitest';
import { onCleanup, runningApi, signIn } from './harness.ts';

// PostgreSQL stops under a running API and comes back: the process stays up, says so on
// /healthz (503 and a JSON status, promptly, for the load balancer), answers GraphQL with a
// coded error instead of a crash or a hang, and serves again by itself once the server is back
// (the connection pool opens new connections; no restart). A cluster of the test's own, since
// it is stopped and started again. PostgreSQL only: the embedded database cannot be stopped
// under the process that embeds it.

const ME = /* GraphQL */ `query Me { me { username } }`;

async function health(url: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

// With TEST_DATABASE_URL (an existing server) and no server binaries here, there is no cluster to stop.
describe.runIf(testBackend() === 'postgres' && findPostgresBin() !== null)('the API while PostgreSQL is stopped', () => {
  it('answers /healthz 503 and GraphQL with SERVICE_UNAVAILABLE, stays up, and recovers without a restart', { timeout: 180_000 }, async () => {
    const cluster = await startPostgresCluster();
    onCleanup(() => cluster.stop());
    const api = await runningApi({ DATABASE_URL: cluster.url, SAMARKIV_SEED: 'true', SAMARKIV_MFA_ADMINS: 'optional' });
    const reader = await signIn(api.url, 'leser');
    expect((await reader.gql(ME)).data).toEqual({ me: { username: 'leser' } });
    expect(await health(api.url)).toMatchObject({ status: 200, body: { status: 'ok', database: 'postgres' } });

    cluster.pause();
    // Several checks in a row: none may hang or take the process down.
    for (let i = 0; i < 3; i++) {
      const down = await health(api.url);
      expect(down).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'postgres' } });
      expect(down.ms).toBeLessThan(10_000);
      const answer = await reader.send(ME);
      expect(answer.status).toBe(503);
      expect(answer.body.errors).toEqual([{ message: 'Databasen er ikke tilgjengelig akkurat nå. Prøv igjen om litt.', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    }
    expect(api.child.exitCode).toBeNull();

    cluster.resume();
    const until = Date.now() + 60_000;
    let back = await health(api.url);
    while (back.status !== 200 && Date.now() < until) {
      await new Promise((done) => setTimeout(done, 250));
      back = await health(api.url);
    }
    expect(back).toMatchObject({ status: 200, body: { status: 'ok', database: 'postgres' } });
    // The same session (a row in the database) and the same process.
    expect((await reader.gql(ME)).data).toEqual({ me: { username: 'leser' } });
    expect(api.child.exitCode).toBeNull();
    expect(api.output()).not.toMatch(/"level":60|Samarkiv could not start|uncaught/i);
  });
});
