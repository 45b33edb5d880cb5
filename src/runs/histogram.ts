/** Weight histograms per epoch, kept small: a fixed number of equal-width buckets, and at most so many epochs. */
import type { HistogramEntry } from './types.js';

/** Buckets per histogram: TensorBoard's default (`tf.summary.histogram`'s `buckets=30`). */
export const HISTOGRAM_BUCKETS = 30;

/** Entries kept per tag: TensorBoard's own default sample count for histograms (`--samples_per_plugin`). */
export const HISTOGRAM_KEEP = 500;

/**
 * The histogram of `values` after `epoch`: min, max, count, sum, sum of squares and counts in `buckets`
 * equal-width buckets from min to max, the last one closed (TensorBoard's bucketing). Non-finite values are left
 * out of everything; with no finite value, every number is 0. All values equal: everything in the last bucket.
 */
export function histogramOf(values: ArrayLike<number>, epoch: number, buckets = HISTOGRAM_BUCKETS): HistogramEntry {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`buckets must be a positive integer, got ${buckets}`);
  let min = Infinity;
  let max = -Infinity;
  let num = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    num++;
    sum += v;
    sumSquares += v * v;
  }
  const counts = new Array<number>(buckets).fill(0);
  if (num === 0) return { epoch, min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, counts };
  const width = (max - min) / buckets;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[width > 0 ? Math.min(buckets - 1, Math.floor((v - min) / width)) : buckets - 1]++;
  }
  return { epoch, min, max, num, sum, sumSquares, counts };
}

/**
 * Appends `entry` to one tag's entries, keeping at most `keep`: entries sit every `stride` epochs from the first,
 * plus the latest; when there are too many the stride doubles. So a long run keeps an even sample of its epochs,
 * as TensorBoard's own sampling would show, and always its last one.
 */
export function appendHistogram(entries: HistogramEntry[], entry: HistogramEntry, keep = HISTOGRAM_KEEP): void {
  const first = entries[0]?.epoch ?? entry.epoch;
  const stride = entries.length >= 2 ? entries[1].epoch - entries[0].epoch : 1;
  const last = entries[entries.length - 1];
  // The latest entry stays only until a newer one comes, unless it falls on the stride.
  if (last && entries.length > 1 && (last.epoch - first) % stride !== 0) entries.pop();
  entries.push(entry);
  if (entries.length <= Math.max(3, keep)) return;
  const wider = stride * 2;
  const kept = entries.filter((e, i) => (e.epoch - first) % wider === 0 || i === entries.length - 1);
  entries.length = 0;
  entries.push(...kept);
}
