/** The chain-rule network's task (homework problem 13): the half-disc in the unit square. */
import { checkRandomState, type RandomStateLike } from './check-random-state.js';
import type { ToyDataset } from './dataset.js';
import { checkLimit } from '../spec/limits.js';

/** Label of the gold ("yellow") class. */
export const SEMICIRCLE_GOLD = 1;
/** Label of the purple class. */
export const SEMICIRCLE_PURPLE = 0;

/** The input point the mathlet starts at, `[x, y]`. */
export const SEMICIRCLE_DEFAULT_POINT: readonly [number, number] = Object.freeze([0.2, 0.3] as const);

/** True when `(x, y)` is gold: inside the disc of centre (0, 0.5) and radius 0.5, i.e. `x² + (y − 0.5)² < 0.25`. */
export function isGold(x: number, y: number): boolean {
  const dy = y - 0.5;
  return x * x + dy * dy < 0.25;
}

/** Options of {@link semicircleTask}. */
export interface SemicircleTaskOptions {
  /** Number of points. Default 200. */
  nSamples?: number;
  /** Seed or generator (see {@link checkRandomState}). */
  randomState?: RandomStateLike;
}

/**
 * Points uniform in the unit square, labelled gold (1) inside the half-disc `x² + (y − 0.5)² < 0.25`, else
 * purple (0). Coordinates are drawn as numpy's `RandomState(seed).random_sample((nSamples, 2))` would draw them
 * (row by row, x then y).
 */
export function semicircleTask(options: SemicircleTaskOptions = {}): ToyDataset {
  const { nSamples = 200, randomState } = options;
  if (!Number.isInteger(nSamples) || nSamples < 0) {
    throw new RangeError(`nSamples must be a non-negative integer, got ${nSamples}`);
  }
  checkLimit('nSamples', nSamples, 'maxSamples', 'data set');
  const rs = checkRandomState(randomState);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const px = rs.nextDouble();
    const py = rs.nextDouble();
    X.push([px, py]);
    y.push(isGold(px, py) ? SEMICIRCLE_GOLD : SEMICIRCLE_PURPLE);
  }
  return { X, y };
}

/** Parameters of the semicircle network: inputs (x, y) → 3 ReLU units → 2 linear outputs (o0 purple, o1 gold). */
export interface SemicircleParams {
  /** Hidden weights, 3 rows (one per hidden unit) of `[wx, wy]`. */
  W1: number[][];
  /** Hidden biases, one per hidden unit. */
  b1: number[];
  /** Output weights, 2 rows (`W2[0]` for o0 purple, `W2[1]` for o1 gold) of 3 values, one per hidden unit. */
  W2: number[][];
  /** Output biases, `[purple, gold]`. */
  b2: number[];
}

/**
 * The chain-rule network's published "Show best" parameters (HOMEWORK.md problem 13), exactly as given there.
 * Layout: every weight matrix has one row per output unit and one column per input unit, so
 * `h = relu(W1 · [x, y] + b1)` and `o = W2 · h + b2`, with `p = softmax(10·o)` and `p[1]` the gold probability.
 * At (0.2, 0.3) hidden units 2 and 3 are dead and the gold probability is about 0.838.
 */
export const SEMICIRCLE_BEST: Readonly<SemicircleParams> = deepFreeze({
  W1: [
    [0.590558, -0.601982],
    [0.456136, 0.624738],
    [0.014964, -0.0984904],
  ],
  b1: [0.2060344, -0.45843987, -0.011948588],
  W2: [
    [0.524019, 0.698517, 0.0776159],
    [-0.503448, -0.663572, 0.0910801],
  ],
  b2: [-0.15602404, 0.15596834],
});

/** Freezes the parameter object and its arrays, so no caller can change the published values by accident. */
function deepFreeze(p: SemicircleParams): Readonly<SemicircleParams> {
  for (const v of Object.values(p)) {
    for (const row of v as unknown[]) if (Array.isArray(row)) Object.freeze(row);
    Object.freeze(v);
  }
  return Object.freeze(p);
}
