/**
 * Keras's losses with its reduction (the mean over the batch of per-sample losses; for binary cross-entropy and
 * mean squared error the per-sample loss is itself the mean over output units), and their gradients.
 *
 * Which formula runs follows tf.keras 2.x: a Dense layer whose activation is `sigmoid` (or `softmax`) caches its
 * logits on the output tensor (`_keras_logits`), and `binary_crossentropy` (or the categorical ones) then
 * computes the loss from those logits — exactly, with no clipping. So sigmoid + binary cross-entropy and
 * softmax + (sparse) categorical cross-entropy are fused here: dL/dz = (p − y)/batch, exact at any logit.
 * Every other pairing of probabilities and a cross-entropy takes Keras's probability path: clip to
 * [ε, 1 − ε] with ε = 1e-7, and (binary) log(p + ε), whose gradient is 0 where the clip is active.
 * `fromLogits` treats the layer's output as logits, except after a sigmoid/softmax, where Keras (with a warning)
 * uses that layer's cached logits instead — as here.
 */
import type { LossName } from '../spec/types.js';
import type { Activation } from './activations.js';

/** Keras's `backend.epsilon()`. */
export const KERAS_EPSILON = 1e-7;

const LOSS_NAMES: readonly LossName[] = [
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'mean_squared_error',
];

/** Loss-name constants, so code reads `loss: losses.binaryCrossentropy` as in Keras. */
export const losses = {
  binaryCrossentropy: 'binary_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  meanSquaredError: 'mean_squared_error',
} as const satisfies Record<string, LossName>;

/** Keras `losses.BinaryCrossentropy()` as the TrainSpec's loss name. */
export function binaryCrossentropy(): LossName {
  return 'binary_crossentropy';
}
/** Keras `losses.CategoricalCrossentropy()` as the TrainSpec's loss name. */
export function categoricalCrossentropy(): LossName {
  return 'categorical_crossentropy';
}
/** Keras `losses.SparseCategoricalCrossentropy()` as the TrainSpec's loss name. */
export function sparseCategoricalCrossentropy(): LossName {
  return 'sparse_categorical_crossentropy';
}
/** Keras `losses.MeanSquaredError()` as the TrainSpec's loss name. */
export function meanSquaredError(): LossName {
  return 'mean_squared_error';
}

/** True when `name` is a loss the small engine computes. */
export function isLossName(name: unknown): name is LossName {
  return typeof name === 'string' && (LOSS_NAMES as readonly string[]).includes(name);
}

/**
 * How a loss meets the output layer:
 * - `sigmoid-logits` / `softmax-logits`: fused with the layer's activation (Keras's cached-logits path); the
 *   gradient is written for z.
 * - `from-logits`: the layer's output a is the logits; the gradient is written for a.
 * - `probabilities`: Keras's clipped probability formulas; gradient for a.
 * - `squared-error`: mean squared error; gradient for a.
 */
export type LossMode = 'sigmoid-logits' | 'softmax-logits' | 'from-logits' | 'probabilities' | 'squared-error';

/** A loss bound to an output layer. */
export interface BoundLoss {
  name: LossName;
  mode: LossMode;
  /** Numbers per label row: 1 for sparse categorical, else the output units. */
  labelWidth: number;
  units: number;
  /** True when {@link lossAndGrad} writes dL/dz (no activation backprop needed). */
  gradIsForZ: boolean;
  /** Logit scale of a fused softmax (its activation's `scale`), else 1. */
  scale: number;
  /**
   * Sum over `rows` of the per-sample loss. When `grad` is given, also writes the gradient of
   * `gradScale · Σ loss` (gradScale = 1/batch for Keras's mean) into it: w.r.t. z or a, per {@link gradIsForZ}.
   */
  lossAndGrad(
    z: Float64Array,
    a: Float64Array,
    y: Float64Array,
    rows: number,
    grad: Float64Array | null,
    gradScale: number,
  ): number;
}

/**
 * Binds `name` to an output layer with `units` units and activation `act`.
 * @throws RangeError naming the value for an unknown loss or a mismatch Keras would also refuse
 *   (sparse/categorical cross-entropy on a single unit is allowed only for categorical with units ≥ 1).
 */
export function bindLoss(name: LossName, act: Activation, units: number, fromLogits = false): BoundLoss {
  if (!isLossName(name)) {
    throw new RangeError(`loss must be one of ${LOSS_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  }
  let mode: LossMode;
  if (name === 'mean_squared_error') mode = 'squared-error';
  else if (name === 'binary_crossentropy' && act.name === 'sigmoid') mode = 'sigmoid-logits';
  else if (name !== 'binary_crossentropy' && act.name === 'softmax') mode = 'softmax-logits';
  else mode = fromLogits ? 'from-logits' : 'probabilities';
  const labelWidth = name === 'sparse_categorical_crossentropy' ? 1 : units;
  const gradIsForZ = mode === 'sigmoid-logits' || mode === 'softmax-logits';
  const scale = mode === 'softmax-logits' ? act.scale : 1;
  const tmp = new Float64Array(units);
  const lossAndGrad: BoundLoss['lossAndGrad'] = (z, a, y, rows, grad, gs) => {
    switch (name) {
      case 'binary_crossentropy':
        return binaryCE(mode, z, a, y, rows, units, grad, gs);
      case 'mean_squared_error':
        return squaredError(a, y, rows, units, grad, gs);
      case 'categorical_crossentropy':
        return categoricalCE(mode, scale, z, a, y, rows, units, grad, gs, tmp);
      case 'sparse_categorical_crossentropy':
        return sparseCE(mode, scale, z, a, y, rows, units, grad, gs, tmp);
    }
  };
  return { name, mode, labelWidth, units, gradIsForZ, scale, lossAndGrad };
}

/** sigmoid cross-entropy from a logit: max(x, 0) − x·y + log(1 + e^−|x|), TensorFlow's stable form. */
function sigmoidCE(x: number, y: number): number {
  return (x > 0 ? x : 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
}

function binaryCE(
  mode: LossMode,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  rows: number,
  units: number,
  grad: Float64Array | null,
  gs: number,
): number {
  const n = rows * units;
  const g = gs / units;
  let sum = 0;
  if (mode === 'sigmoid-logits') {
    for (let i = 0; i < n; i++) {
      sum += sigmoidCE(z[i], y[i]);
      if (grad) grad[i] = (a[i] - y[i]) * g;
    }
  } else if (mode === 'from-logits') {
    for (let i = 0; i < n; i++) {
      const x = a[i];
      sum += sigmoidCE(x, y[i]);
      if (grad) grad[i] = (1 / (1 + Math.exp(-x)) - y[i]) * g;
    }
  } else {
    const eps = KERAS_EPSILON;
    for (let i = 0; i < n; i++) {
      const p = a[i];
      const t = y[i];
      const pc = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
      sum -= t * Math.log(pc + eps) + (1 - t) * Math.log(1 - pc + eps);
      // clip_by_value passes the gradient only inside [ε, 1 − ε].
      if (grad) grad[i] = p >= eps && p <= 1 - eps ? -(t / (pc + eps) - (1 - t) / (1 - pc + eps)) * g : 0;
    }
  }
  return sum / units;
}

function squaredError(
  a: Float64Array,
  y: Float64Array,
  rows: number,
  units: number,
  grad: Float64Array | null,
  gs: number,
): number {
  const n = rows * units;
  const g = (2 * gs) / units;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - y[i];
    sum += d * d;
    if (grad) grad[i] = d * g;
  }
  return sum / units;
}

/** Writes softmax(scale·v[o..o+w)) into out[0..w) and returns log Σ exp(scale·v) (shifted by the max). */
function softmaxRow(v: Float64Array, o: number, w: number, scale: number, out: Float64Array): number {
  let max = -Infinity;
  for (let j = 0; j < w; j++) if (scale * v[o + j] > max) max = scale * v[o + j];
  let sum = 0;
  for (let j = 0; j < w; j++) {
    const e = Math.exp(scale * v[o + j] - max);
    out[j] = e;
    sum += e;
  }
  for (let j = 0; j < w; j++) out[j] /= sum;
  return max + Math.log(sum);
}

function categoricalCE(
  mode: LossMode,
  scale: number,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  rows: number,
  w: number,
  grad: Float64Array | null,
  gs: number,
  tmp: Float64Array,
): number {
  let sum = 0;
  const eps = KERAS_EPSILON;
  for (let r = 0, o = 0; r < rows; r++, o += w) {
    if (mode === 'softmax-logits' || mode === 'from-logits') {
      const logits = mode === 'softmax-logits' ? z : a;
      const s = mode === 'softmax-logits' ? scale : 1;
      const lse = softmaxRow(logits, o, w, s, tmp);
      let ysum = 0;
      for (let j = 0; j < w; j++) {
        sum += y[o + j] * (lse - s * logits[o + j]);
        ysum += y[o + j];
      }
      // d/dlogit_j of Σ_k y_k(lse − logit_k) = p_j·Σy − y_j; the logit is s·z, so a factor s for z.
      if (grad) for (let j = 0; j < w; j++) grad[o + j] = s * (tmp[j] * ysum - y[o + j]) * gs;
    } else {
      // Keras's probability path: renormalise the row, clip, −Σ y·log p.
      let total = 0;
      for (let j = 0; j < w; j++) total += a[o + j];
      let gdot = 0;
      for (let j = 0; j < w; j++) {
        const p = a[o + j] / total;
        const pc = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
        sum -= y[o + j] * Math.log(pc);
        const gj = p >= eps && p <= 1 - eps ? -y[o + j] / pc : 0;
        tmp[j] = gj;
        gdot += gj * p;
      }
      if (grad) for (let j = 0; j < w; j++) grad[o + j] = ((tmp[j] - gdot) / total) * gs;
    }
  }
  return sum;
}

function sparseCE(
  mode: LossMode,
  scale: number,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  rows: number,
  w: number,
  grad: Float64Array | null,
  gs: number,
  tmp: Float64Array,
): number {
  let sum = 0;
  const eps = KERAS_EPSILON;
  for (let r = 0, o = 0; r < rows; r++, o += w) {
    const c = y[r];
    if (mode === 'softmax-logits' || mode === 'from-logits') {
      const logits = mode === 'softmax-logits' ? z : a;
      const s = mode === 'softmax-logits' ? scale : 1;
      const lse = softmaxRow(logits, o, w, s, tmp);
      sum += lse - s * logits[o + c];
      if (grad) for (let j = 0; j < w; j++) grad[o + j] = s * (tmp[j] - (j === c ? 1 : 0)) * gs;
    } else {
      const p = a[o + c];
      const pc = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
      sum -= Math.log(pc);
      if (grad) {
        for (let j = 0; j < w; j++) grad[o + j] = 0;
        if (p >= eps && p <= 1 - eps) grad[o + c] = (-1 / pc) * gs;
      }
    }
  }
  return sum;
}
