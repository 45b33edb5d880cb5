/** One row of `npm run bench`. A benchmark measures; it never fails on time. */
export interface BenchRow {
  /** What was measured, e.g. "makeCircles n=1000". */
  name: string;
  value: number;
  /** e.g. "ms", "records/s", "images/s". */
  unit: string;
  /** The target it is held to, in words ("< 200 ms"), shown beside the number. */
  target?: string;
  /** A baseline measured in the same run, so the ratio means something on any machine. */
  baseline?: { name: string; value: number };
  note?: string;
}

/** Each tests/bench/*.bench.ts default-exports one of these. */
export type Bench = () => Promise<BenchRow[]>;

/** Median wall time of `fn` in ms over `runs` runs after `warmup` untimed ones. */
export async function timeMs(fn: () => unknown, runs = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
