/** Shared helpers of the engine tests: seeded random data and weights, finite differences, closeness checks. */
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import type { Sequential } from '../../../src/nn/index.js';

/** Rows of `cols` numbers uniform in [lo, hi). */
export function randomRows(rs: RandomState, rows: number, cols: number, lo = -1, hi = 1): number[][] {
  const u = rs.uniform(lo, hi, rows * cols);
  return Array.from({ length: rows }, (_, r) => Array.from(u.subarray(r * cols, (r + 1) * cols)));
}

/** Replaces every weight (biases too, so no L1 kink sits at 0) with N(0, scale²) draws. */
export function randomizeWeights(model: Sequential, rs: RandomState, scale = 0.7): void {
  model.params.set(rs.normal(0, scale, model.params.length));
}

/** Central finite difference of f with respect to params[i]. */
export function finiteDiff(model: Sequential, i: number, f: () => number, h = 1e-6): number {
  const p = model.params;
  const old = p[i];
  p[i] = old + h;
  const up = f();
  p[i] = old - h;
  const down = f();
  p[i] = old;
  return (up - down) / (2 * h);
}

/** |a − b| ≤ atol + rtol·|b| for every entry, with the first failure named. */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number, what = ''): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      assert.fail(`${what}[${i}]: got ${a}, expected ${e} (diff ${Math.abs(a - e)})`);
    }
  }
}

/** Flattens the per-layer gradients into parameter order. */
export function flatGrads(g: { kernel: Float64Array; bias: Float64Array | null }[]): Float64Array {
  const parts: number[] = [];
  for (const l of g) {
    parts.push(...l.kernel);
    if (l.bias) parts.push(...l.bias);
  }
  return Float64Array.from(parts);
}
