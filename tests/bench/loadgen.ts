import { performance } from 'node:perf_hooks';

export interface Measurement {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  /** Completed requests per second over the measured window. */
  rps: number;
  /** The first error seen, to say why a run failed. */
  firstError?: string;
  /** CPU time the API process spent per request in the measured window (api phase only). */
  serverCpuMs?: number;
}

/** One operation of one virtual client; throws (or returns an error text) when the answer is wrong. */
export type Operation = () => Promise<string | void>;

/**
 * N closed-loop clients: each sends its next request as soon as the previous answer arrived, for
 * warm-up (discarded) and then for the measured duration. Latency is request start to last byte.
 */
export async function closedLoop(workers: Operation[], warmupMs: number, durationMs: number, onStart: () => void = () => {}): Promise<Measurement> {
  if (warmupMs > 0) await phase(workers, warmupMs, null);
  onStart();
  const latencies: number[] = [];
  const failures = { count: 0, first: undefined as string | undefined };
  const started = performance.now();
  await phase(workers, durationMs, { latencies, failures });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors: failures.count,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    rps: latencies.length / elapsed,
    ...(failures.first ? { firstError: failures.first } : {}),
  };
}

interface Sink {
  latencies: number[];
  failures: { count: number; first: string | undefined };
}

async function phase(workers: Operation[], durationMs: number, sink: Sink | null): Promise<void> {
  const end = performance.now() + durationMs;
  await Promise.all(
    workers.map(async (op) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        let error: string | undefined;
        try {
          error = (await op()) || undefined;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        const ms = performance.now() - t0;
        if (!sink) continue;
        if (error) {
          sink.failures.count++;
          sink.failures.first ??= error;
        } else sink.latencies.push(ms);
      }
    }),
  );
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
