/** Small helpers for timing: nearest-rank percentiles over a list of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Times `fn` over `runs` calls after `warmup` untimed ones; `arg(i)` picks the input of call i, so a
 * per-person function is measured across many people rather than one person's cached pages.
 */
export async function time<A>(fn: (arg: A) => Promise<unknown>, arg: (i: number) => A, runs: number, warmup?: number): Promise<Timing> {
  warmup ??= Math.min(20, runs);
  for (let i = 0; i < warmup; i++) await fn(arg(i));
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = arg(warmup + i);
    const start = performance.now();
    await fn(input);
    ms.push(performance.now() - start);
  }
  return { runs, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: Math.max(...ms) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
