/** What the 2-D generators share: the result type, `nSamples` parsing, and the shuffle-then-noise tail. */
import type { RandomState } from '../random/index.js';
import { shuffledIndices, takeRows } from './shuffle.js';
import { checkLimit } from '../spec/limits.js';

/** A labelled data set: `X[i]` is a row of features, `y[i]` its integer class. */
export interface ToyDataset {
  /** Samples, one row per sample (`n_samples × n_features`). */
  X: number[][];
  /** Integer labels, one per row of `X`. */
  y: number[];
}

/** Splits `nSamples` (an int, or `[nOut, nIn]`) into the two curves' counts, as make_circles/make_moons do. */
export function splitTwoClassCount(nSamples: number | readonly [number, number]): [number, number] {
  if (typeof nSamples === 'number') {
    if (!Number.isInteger(nSamples) || nSamples < 0) {
      throw new RangeError(`nSamples must be a non-negative integer or a two-element tuple, got ${nSamples}`);
    }
    checkLimit('nSamples', nSamples, 'maxSamples', 'data set');
    const nOut = Math.floor(nSamples / 2);
    return [nOut, nSamples - nOut];
  }
  if (!Array.isArray(nSamples) || nSamples.length !== 2) {
    throw new RangeError(`nSamples can be either an int or a two-element tuple, got ${JSON.stringify(nSamples)}`);
  }
  for (const v of nSamples) {
    if (!Number.isInteger(v) || v < 0) {
      throw new RangeError(`nSamples must hold non-negative integers, got [${nSamples.join(', ')}]`);
    }
  }
  checkLimit('nSamples', nSamples[0] + nSamples[1], 'maxSamples', 'data set');
  return [nSamples[0], nSamples[1]];
}

/** Throws unless `noise` is absent or a finite number >= 0 (numpy's `normal` refuses `scale < 0`). */
export function checkNoise(noise: number | null | undefined): void {
  if (noise == null) return;
  if (typeof noise !== 'number' || !(noise >= 0) || !Number.isFinite(noise)) {
    throw new RangeError(`noise must be a non-negative number, got ${noise}`);
  }
}

/**
 * scikit-learn's tail of make_circles/make_moons: shuffle rows and labels together, then add
 * `generator.normal(scale=noise, size=X.shape)` in row-major order.
 */
export function shuffleThenNoise(
  data: ToyDataset,
  shuffle: boolean,
  noise: number | null | undefined,
  rs: RandomState,
): ToyDataset {
  let { X, y } = data;
  if (shuffle) {
    const idx = shuffledIndices(y.length, rs);
    X = takeRows(X, idx);
    y = takeRows(y, idx);
  }
  if (noise != null) {
    for (const row of X) {
      for (let j = 0; j < row.length; j++) row[j] += 0 + noise * rs.nextGaussian();
    }
  }
  return { X, y };
}
