// What <nn-curves> draws at most: every series is smoothed and cut to the plot's columns on each update, and each
// marker is an SVG group, so the amounts are bounded to keep an update well under 50 ms.
import { describeValue } from '../../src/spec/problems.js';

/** The most runs drawn at once. */
export const MAX_RUNS = 32;
/** The most values drawn at once, over every run's train and validation series (smoothed on each update). */
export const MAX_CURVE_VALUES = 20_000;
/** The most learning-rate change markers, over every run (each is an SVG mark with its title). */
export const MAX_LR_MARKERS = 200;

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));

/** A message when `runs` is not an array of `{ name, scalars: { tag: [...] }, markers? }` within the limits. */
export function runsProblem(runs: unknown, metric = 'accuracy'): string | undefined {
  let drawn = 0;
  let marks = 0;
  if (!Array.isArray(runs)) return `runs must be an array of { name, scalars, markers? }, got ${describeValue(runs)}`;
  if (runs.length > MAX_RUNS) return `runs: ${runs.length} runs is over the limit of ${MAX_RUNS}`;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i] as { name?: unknown; scalars?: unknown; markers?: unknown } | null;
    const at = `runs[${i}]`;
    if (typeof r !== 'object' || r === null || typeof r.name !== 'string' || typeof r.scalars !== 'object' || r.scalars === null)
      return `${at} must be { name: text, scalars: { tag: [values] } }, got ${describeValue(r)}`;
    for (const [tag, values] of Object.entries(r.scalars)) {
      if (!isArrayLike(values)) return `${at}.scalars.${tag} must be an array of numbers, got ${describeValue(values)}`;
      if (tag === metric || tag === `val_${metric}`) drawn += values.length;
    }
    if (r.markers !== undefined && (typeof r.markers !== 'object' || r.markers === null)) return `${at}.markers must be an object, got ${describeValue(r.markers)}`;
    const lr = (r.markers as { lrChanges?: unknown } | undefined)?.lrChanges;
    if (lr !== undefined && !Array.isArray(lr)) return `${at}.markers.lrChanges must be an array of epochs, got ${describeValue(lr)}`;
    marks += lr?.length ?? 0;
    if (marks > MAX_LR_MARKERS) return `runs: more than ${MAX_LR_MARKERS} learning-rate markers in all`;
  }
  return drawn > MAX_CURVE_VALUES ? `runs: ${drawn.toLocaleString('en')} values of ${metric} to draw is over the limit of ${MAX_CURVE_VALUES.toLocaleString('en')}` : undefined;
}

/** A message when a `yRange` is not `[low, high]` of two finite numbers with low at most high (one value, `[v, v]`, is a range too). */
export function yRangeProblem(range: unknown): string | undefined {
  const pair = range as unknown[];
  if (!Array.isArray(range) || pair.length !== 2 || !pair.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return `yRange must be [low, high], two finite numbers, got ${describeValue(range)}`;
  return (pair[0] as number) <= (pair[1] as number) ? undefined : `yRange: low (${pair[0]}) must not be above high (${pair[1]})`;
}
