/** scikit-learn's `utils.shuffle`: one shared random order for several arrays. */
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import type { RandomState } from '../random/index.js';

/** Rows as plain arrays, for a tuple of array-likes: `[number[][], number[]]` stays `[number[][], number[]]`. */
export type RowsOf<A extends readonly ArrayLike<unknown>[]> = { [K in keyof A]: A[K] extends ArrayLike<infer E> ? E[] : never };

/**
 * The index order that scikit-learn's `shuffle` (`resample(replace=False)`) uses: `arange(n)` shuffled in place
 * by `RandomState.shuffle`, then cut to `nSamples`.
 */
export function shuffledIndices(n: number, randomState: RandomState, nSamples = n): number[] {
  if (!Number.isInteger(nSamples) || nSamples < 0) {
    throw new RangeError(`nSamples must be a non-negative integer, got ${nSamples}`);
  }
  if (nSamples > n) {
    throw new RangeError(`Cannot sample ${nSamples} out of arrays with dim ${n} when replace is False (nSamples=${nSamples})`);
  }
  const indices = new Array<number>(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  randomState.shuffle(indices);
  return nSamples === n ? indices : indices.slice(0, nSamples);
}

/** Picks `array[indices[i]]` into a new plain array (scikit-learn's `_safe_indexing` on rows). */
export function takeRows<E>(array: ArrayLike<E>, indices: readonly number[]): E[] {
  const out = new Array<E>(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = array[indices[i]];
  return out;
}

/** Throws unless every array has the same length (scikit-learn's `check_consistent_length`). */
export function checkConsistentLength(arrays: readonly ArrayLike<unknown>[]): number {
  const lengths = arrays.map((a) => a.length);
  if (lengths.some((l) => l !== lengths[0])) {
    throw new RangeError(`Found input variables with inconsistent numbers of samples: [${lengths.join(', ')}]`);
  }
  return lengths[0];
}

/**
 * Shuffles several arrays in one consistent order, as scikit-learn's `sklearn.utils.shuffle(*arrays,
 * random_state, n_samples)`. Returns new plain arrays (rows are shared, not copied); the inputs are untouched.
 */
export function shuffleArrays<const A extends readonly ArrayLike<unknown>[]>(
  arrays: A,
  options: { randomState?: RandomStateLike; nSamples?: number } = {},
): RowsOf<A> {
  if (arrays.length === 0) return [] as unknown as RowsOf<A>;
  const n = checkConsistentLength(arrays);
  const indices = shuffledIndices(n, checkRandomState(options.randomState), options.nSamples ?? n);
  return arrays.map((a) => takeRows(a, indices)) as unknown as RowsOf<A>;
}
