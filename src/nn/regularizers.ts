/**
 * Keras's L1/L2 regularizers. The penalty is added to the loss as Keras adds it: l1·Σ|w| + l2·Σw² (no ½), once per
 * step for kernels and biases, and divided by the batch size for activity regularizers (Keras's
 * `_handle_activity_regularization` takes the mean over the batch).
 */
import type { RegularizerSpec } from '../spec/types.js';

/** Keras `regularizers.l1(l1=0.01)`. */
export function l1(l1 = 0.01): RegularizerSpec {
  return { l1 };
}
/** Keras `regularizers.l2(l2=0.01)`. */
export function l2(l2 = 0.01): RegularizerSpec {
  return { l2 };
}
/** Keras `regularizers.l1_l2(l1=0.01, l2=0.01)`. */
export function l1L2(l1 = 0.01, l2 = 0.01): RegularizerSpec {
  return { l1, l2 };
}

/** A regularizer resolved to its two coefficients; `null` when there is none (or both are 0). */
export interface Regularizer {
  l1: number;
  l2: number;
}

/**
 * Resolves a spec to coefficients, or null when it adds nothing.
 * @throws RangeError naming the field for a negative or non-finite coefficient.
 */
export function getRegularizer(spec: RegularizerSpec | undefined, field: string): Regularizer | null {
  if (spec == null) return null;
  const a = spec.l1 ?? 0;
  const b = spec.l2 ?? 0;
  for (const [k, v] of [['l1', a], ['l2', b]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${field}.${k} must be a finite number >= 0, got ${v}`);
    }
  }
  return a === 0 && b === 0 ? null : { l1: a, l2: b };
}

/** l1·Σ|w| + l2·Σw² over `w`. */
export function penalty(r: Regularizer, w: Float64Array): number {
  return penaltyN(r, w, w.length);
}

/**
 * grad += factor·(l1·sign(w) + 2·l2·w). sign(0) = 0, as TensorFlow's gradient of |w| at 0.
 * `factor` is 1 for weights and 1/batch for activity regularizers.
 */
export function addPenaltyGrad(r: Regularizer, w: Float64Array, grad: Float64Array, n: number, factor = 1): void {
  const a = r.l1 * factor;
  const b = 2 * r.l2 * factor;
  for (let i = 0; i < n; i++) {
    const v = w[i];
    grad[i] += a * (v > 0 ? 1 : v < 0 ? -1 : 0) + b * v;
  }
}

/** Penalty over the first `n` entries (activity regularizers work on the filled part of a batch buffer). */
export function penaltyN(r: Regularizer, w: Float64Array, n: number): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = w[i];
    s1 += Math.abs(v);
    s2 += v * v;
  }
  return r.l1 * s1 + r.l2 * s2;
}
