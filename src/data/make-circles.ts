/** scikit-learn 1.2's `make_circles`, draw for draw. */
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import { checkNoise, shuffleThenNoise, splitTwoClassCount, type ToyDataset } from './dataset.js';
import { linspace } from './linspace.js';

/** Options of {@link makeCircles}; defaults are scikit-learn's. */
export interface MakeCirclesOptions {
  /** Total points (the inner circle gets the odd one), or `[nOuter, nInner]`. Default 100. */
  nSamples?: number | readonly [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
  /** Standard deviation of Gaussian noise added to each coordinate; none when absent. */
  noise?: number | null;
  /** Seed or generator (see {@link checkRandomState}). */
  randomState?: RandomStateLike;
  /** Inner radius relative to the outer one, in [0, 1). Default 0.8. */
  factor?: number;
}

/**
 * A large circle (label 0) around a smaller one (label 1), equal to
 * `sklearn.datasets.make_circles(n_samples, shuffle=, noise=, random_state=, factor=)` for the same arguments.
 * @throws RangeError when `factor` is outside [0, 1), `nSamples` or `noise` is invalid.
 */
export function makeCircles(options: MakeCirclesOptions = {}): ToyDataset {
  const { nSamples = 100, shuffle = true, noise = null, randomState, factor = 0.8 } = options;
  if (typeof factor !== 'number' || !(factor >= 0 && factor < 1)) {
    throw new RangeError(`factor has to be between 0 and 1, got ${factor}`);
  }
  const [nOut, nIn] = splitTwoClassCount(nSamples);
  checkNoise(noise);
  const rs = checkRandomState(randomState);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, 2 * Math.PI, nOut, false)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, 2 * Math.PI, nIn, false)) {
    X.push([Math.cos(t) * factor, Math.sin(t) * factor]);
    y.push(1);
  }
  return shuffleThenNoise({ X, y }, shuffle, noise, rs);
}
