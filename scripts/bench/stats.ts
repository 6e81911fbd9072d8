// Small helpers shared by the benchmarks.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samplesMs: number[]): { n: number; p50: number; p95: number; p99: number; mean: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Runs `total` tasks with at most `concurrency` in flight; returns each task's latency. */
export async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  return runWhile((i) => i < total, concurrency, task);
}

/** As runConcurrently, for `durationMs` instead of a count: tasks start until the time is up. */
export async function runFor(durationMs: number, concurrency: number, task: (i: number) => Promise<void>) {
  const end = performance.now() + durationMs;
  return runWhile(() => performance.now() < end, concurrency, task);
}

async function runWhile(more: (i: number) => boolean, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (more(next)) {
      const i = next++;
      const start = performance.now();
      await task(i);
      latencies.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: performance.now() - start };
}
