/** scikit-learn 1.2's `train_test_split` (without `stratify`): its size rules, errors and `ShuffleSplit` indices. */
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import { checkConsistentLength, takeRows } from './shuffle.js';

/** Options of {@link trainTestSplit}. A whole number is a count of samples; a fraction is a share of them. */
export interface TrainTestSplitOptions {
  /** Test share in (0, 1), or test count. Default: the complement of `trainSize`, else 0.25. */
  testSize?: number | null;
  /** Train share in (0, 1), or train count. Default: the complement of `testSize`. */
  trainSize?: number | null;
  /** Seed or generator for the shuffle (see {@link checkRandomState}). */
  randomState?: RandomStateLike;
  /** Shuffle before splitting. Default true; false takes the first rows for training, the next for testing. */
  shuffle?: boolean;
}

/** `[aTrain, aTest, bTrain, bTest, ...]` for a tuple of arrays `[a, b, ...]`, each part a plain array of rows. */
export type SplitResult<A extends readonly ArrayLike<unknown>[]> = A extends readonly [
  infer H,
  ...infer R extends readonly ArrayLike<unknown>[],
]
  ? [Part<H>, Part<H>, ...SplitResult<R>]
  : A extends readonly []
    ? []
    : Part<A[number]>[];
type Part<H> = H extends ArrayLike<infer E> ? E[] : never;

type SizeKind = 'i' | 'f' | null;

function sizeKind(v: number | null | undefined, name: string): SizeKind {
  if (v == null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`Invalid value for ${name}: ${v}`);
  return Number.isInteger(v) ? 'i' : 'f';
}

/**
 * Train and test sizes for `nSamples` rows, by scikit-learn's `_validate_shuffle_split` rules: a fractional test
 * size rounds up (`ceil`), a fractional train size rounds down (`floor`), and a missing one is the complement.
 * A whole number (`1`, also `1.0`, since JavaScript cannot tell them apart) is a count.
 * @throws RangeError with scikit-learn's message, naming the size and its value.
 */
export function validateSplitSizes(
  nSamples: number,
  testSize: number | null | undefined,
  trainSize: number | null | undefined,
  defaultTestSize = 0.25,
): [nTrain: number, nTest: number] {
  if (testSize == null && trainSize == null) testSize = defaultTestSize;
  const testKind = sizeKind(testSize, 'testSize');
  const trainKind = sizeKind(trainSize, 'trainSize');
  const bad = (kind: SizeKind, v: number) => (kind === 'i' && (v >= nSamples || v <= 0)) || (kind === 'f' && (v <= 0 || v >= 1));
  if (bad(testKind, testSize!)) {
    throw new RangeError(
      `testSize=${testSize} should be either positive and smaller than the number of samples ${nSamples} or a float in the (0, 1) range`,
    );
  }
  if (bad(trainKind, trainSize!)) {
    throw new RangeError(
      `trainSize=${trainSize} should be either positive and smaller than the number of samples ${nSamples} or a float in the (0, 1) range`,
    );
  }
  if (testKind === 'f' && trainKind === 'f' && trainSize! + testSize! > 1) {
    throw new RangeError(
      `The sum of testSize and trainSize = ${trainSize! + testSize!}, should be in the (0, 1) range. Reduce testSize and/or trainSize.`,
    );
  }
  let nTest = testKind === 'f' ? Math.ceil(testSize! * nSamples) : testKind === 'i' ? testSize! : NaN;
  let nTrain = trainKind === 'f' ? Math.floor(trainSize! * nSamples) : trainKind === 'i' ? trainSize! : NaN;
  if (trainKind === null) nTrain = nSamples - nTest;
  else if (testKind === null) nTest = nSamples - nTrain;
  if (nTrain + nTest > nSamples) {
    throw new RangeError(
      `The sum of trainSize and testSize = ${nTrain + nTest}, should be smaller than the number of samples ${nSamples}. Reduce testSize and/or trainSize.`,
    );
  }
  if (nTrain === 0) {
    throw new RangeError(
      `With nSamples=${nSamples}, testSize=${testSize ?? 'None'} and trainSize=${trainSize ?? 'None'}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
    );
  }
  return [nTrain, nTest];
}

/**
 * The train and test row indices scikit-learn's `train_test_split` picks: with shuffling, `ShuffleSplit`'s
 * `permutation = rng.permutation(n)`, test = `permutation[:nTest]`, train = `permutation[nTest:nTest + nTrain]`;
 * without, `0..nTrain-1` and the next `nTest` rows.
 */
export function trainTestSplitIndices(
  nSamples: number,
  options: TrainTestSplitOptions = {},
): { train: number[]; test: number[] } {
  const { testSize, trainSize, randomState, shuffle = true } = options;
  if (!Number.isInteger(nSamples) || nSamples < 0) {
    throw new RangeError(`nSamples must be a non-negative integer, got ${nSamples}`);
  }
  const [nTrain, nTest] = validateSplitSizes(nSamples, testSize, trainSize);
  if (!shuffle) {
    return {
      train: Array.from({ length: nTrain }, (_, i) => i),
      test: Array.from({ length: nTest }, (_, i) => nTrain + i),
    };
  }
  const permutation = checkRandomState(randomState).permutation(nSamples);
  return { train: permutation.slice(nTest, nTest + nTrain), test: permutation.slice(0, nTest) };
}

/**
 * Splits arrays (rows of `X`, labels `y`, ...) into train and test parts, as scikit-learn's
 * `train_test_split(*arrays, test_size=, train_size=, random_state=, shuffle=)`: returns
 * `[aTrain, aTest, bTrain, bTest, ...]` with the same rows in the same order. Rows are shared, not copied.
 * `stratify` is not supported.
 *
 * @example
 * const [XTrain, XTest, yTrain, yTest] = trainTestSplit([X, y], { trainSize: 0.8, randomState: 42 });
 * @throws RangeError for no arrays, arrays of different lengths, or sizes that do not fit (see {@link validateSplitSizes}).
 */
export function trainTestSplit<const A extends readonly ArrayLike<unknown>[]>(
  arrays: A,
  options: TrainTestSplitOptions = {},
): SplitResult<A> {
  if (!Array.isArray(arrays) || arrays.length === 0) throw new RangeError('At least one array required as input');
  const n = checkConsistentLength(arrays);
  const { train, test } = trainTestSplitIndices(n, options);
  return arrays.flatMap((a) => [takeRows(a, train), takeRows(a, test)]) as unknown as SplitResult<A>;
}
