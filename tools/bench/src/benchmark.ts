/** One figure a benchmark reports, with the baseline it is judged against when it has one. */
export interface Measurement {
  /** What was measured, e.g. `uploads.retrieve round trip (median)`. */
  name: string;
  value: number;
  /** `ms`, `bytes`, `MB`, `ops/s`… */
  unit: string;
  /** The same quantity for the baseline, measured in the same run. */
  baseline?: { name: string; value: number };
  /** The target in words, e.g. `≤ 1.2× baseline` or `< 3000 ms`. */
  target?: string;
}

/** A benchmark file's default export. */
export interface Benchmark {
  name: string;
  run(): Promise<Measurement[]>;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median() needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `candidate` and `baseline` in alternating rounds, so that the machine's background noise falls
 * on both alike, and returns the median time (ms) of each.
 */
export async function interleaved(
  rounds: number,
  candidate: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<{ candidate: number; baseline: number }> {
  const times = { candidate: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order =
      round % 2 === 0 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const);
    for (const which of order) {
      const started = performance.now();
      await (which === 'candidate' ? candidate() : baseline());
      times[which].push(performance.now() - started);
    }
  }
  return { candidate: median(times.candidate), baseline: median(times.baseline) };
}

/** `value / baseline`, rounded to two decimals; undefined when there is no baseline. */
export function ratio(measurement: Measurement): number | undefined {
  if (!measurement.baseline || measurement.baseline.value === 0) return undefined;
  return Math.round((measurement.value / measurement.baseline.value) * 100) / 100;
}
