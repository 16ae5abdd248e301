// Fault injection for the reliability tests (apps/api/src/reliability/faults.test.ts): with
// SAMARKIV_FAILPOINTS=name[,name…] the process stops at that point, says so on stdout and waits
// there until it is killed, so a test kills it at a known moment instead of racing a timer.
// Unset (always, outside those tests) each point is one Set lookup.

/** The points, each where a kill proves something. */
export type FailpointName =
  /** Inside an import's one transaction, every row written, before the job is marked done. */
  'import-applied';

const active = new Set((process.env.SAMARKIV_FAILPOINTS ?? '').split(',').filter(Boolean));

export async function failpoint(name: FailpointName): Promise<void> {
  if (!active.has(name)) return;
  process.stdout.write(`failpoint ${name} reached\n`);
  await new Promise<never>(() => {});
}
