/**
 * The engine's limits on every size a user or a page can set. Keras and scikit-learn set none; here a size past a
 * limit is refused with a SpecError that names the limit, before anything is allocated, so a typo such as
 * `dense(1e9)` is a message rather than a page that runs out of memory or never answers. Each limit sits far above
 * what the homework and its labs use.
 */
import { SpecError, type ProblemList } from './problems.js';

export const LIMITS = Object.freeze({
  /** Units of one Dense layer, filters of one Conv2D layer. */
  maxUnits: 4096,
  /** Layers of one model. */
  maxLayers: 256,
  /** Values in one input (the product of `inputShape`; 224×224×3 is 150,528). */
  maxInputSize: 1_048_576,
  /** Weights of one model (TensorFlow.js side; VGG16's convolutions hold 14.7 M). */
  maxParams: 20_000_000,
  /** Weights of one model on the small float64 engine (`Sequential`), built for networks of thousands. */
  maxSmallEngineParams: 1_000_000,
  /** Points one data set generator makes (makeCircles, makeMoons, makeBlobs, semicircleTask). */
  maxSamples: 1_000_000,
  /** Features per point (makeBlobs). */
  maxFeatures: 1024,
  /** Values (points × features) of one generated data set. */
  maxDataValues: 10_000_000,
  /** Centres of makeBlobs. */
  maxCenters: 1024,
  /** Cells of one decisionGrid (width × height; 2048 × 2048). */
  maxGridCells: 4_194_304,
  /** Epochs of one training run. */
  maxEpochs: 100_000,
  /** Boundaries of a PiecewiseConstantDecay schedule. */
  maxScheduleBoundaries: 100,
});

/** One of the engine's limits, by name. */
export type LimitName = keyof typeof LIMITS;

/** "1,000,000": limits are read by people. */
export const formatLimit = (n: number): string => n.toLocaleString('en');

/** The sentence that refuses `value` at `path` for going past `limit` ("layers[0].units is 1000000000; the limit is 4,096"). */
export function overLimit(path: string, value: number, limit: LimitName, what = ''): string {
  return `${path} is ${formatLimit(value)}${what ? ` ${what}` : ''}; the limit is ${formatLimit(LIMITS[limit])}`;
}

/** Adds a problem when `value` is a number above the named limit; returns whether it is within. */
export function withinLimit(problems: ProblemList, path: string, value: unknown, limit: LimitName, what = ''): boolean {
  if (typeof value !== 'number' || value <= LIMITS[limit]) return true;
  problems.add(path, overLimit(path, value, limit, what), value);
  return false;
}

/** Throws a SpecError when `value` is above the named limit. */
export function checkLimit(path: string, value: number, limit: LimitName, what = 'input'): void {
  if (value > LIMITS[limit]) throw new SpecError([{ path, message: overLimit(path, value, limit), value }], what);
}
