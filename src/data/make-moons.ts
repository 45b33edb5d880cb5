/** scikit-learn 1.2's `make_moons`, draw for draw. */
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import { checkNoise, shuffleThenNoise, splitTwoClassCount, type ToyDataset } from './dataset.js';
import { linspace } from './linspace.js';

/** Options of {@link makeMoons}; defaults are scikit-learn's. */
export interface MakeMoonsOptions {
  /** Total points (the second moon gets the odd one), or `[nFirst, nSecond]`. Default 100. */
  nSamples?: number | readonly [number, number];
  /** Shuffle the rows. Default true. */
  shuffle?: boolean;
  /** Standard deviation of Gaussian noise added to each coordinate; none when absent. */
  noise?: number | null;
  /** Seed or generator (see {@link checkRandomState}). */
  randomState?: RandomStateLike;
}

/**
 * Two interleaving half circles (labels 0 and 1), equal to
 * `sklearn.datasets.make_moons(n_samples, shuffle=, noise=, random_state=)` for the same arguments.
 * @throws RangeError when `nSamples` or `noise` is invalid.
 */
export function makeMoons(options: MakeMoonsOptions = {}): ToyDataset {
  const { nSamples = 100, shuffle = true, noise = null, randomState } = options;
  const [nOut, nIn] = splitTwoClassCount(nSamples);
  checkNoise(noise);
  const rs = checkRandomState(randomState);
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    X.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  return shuffleThenNoise({ X, y }, shuffle, noise, rs);
}
