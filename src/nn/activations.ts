/**
 * Activations as TensorFlow Playground has them — an `{ output, der }` pair per function — plus batch loops
 * that the training step runs. Names and defaults are Keras's (tf.keras 2.x).
 */
import type { ActivationName, ActivationSpec } from '../spec/types.js';

/** Keras's default negative slope for `leaky_relu` (tf.keras.layers.LeakyReLU alpha=0.3; tf.nn.leaky_relu uses 0.2). */
export const LEAKY_RELU_ALPHA = 0.3;
/** Keras's default `elu` alpha. */
export const ELU_ALPHA = 1;

/** An activation resolved from its spec: its options, scalar forms and whether it is elementwise. */
export interface Activation {
  name: ActivationName;
  /** leaky_relu's negative slope or elu's alpha (0 for the others). */
  alpha: number;
  /** softmax's logit scale: a = softmax(scale·z); 1 for the others. */
  scale: number;
  /** False only for softmax, whose derivative is a Jacobian rather than one number per unit. */
  elementwise: boolean;
  /** f(x), for one unit (softmax: not defined per unit; returns NaN). */
  output(x: number): number;
  /** f′(x), for one unit (softmax: NaN — use {@link softmaxJacobian}). */
  der(x: number): number;
  /** The spec to store (name only when it has default options). */
  spec: ActivationSpec;
}

const ACTIVATION_NAMES: readonly ActivationName[] = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softplus',
  'softmax',
];

/** True when `name` is one of the activations the small engine runs. */
export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/** The logistic function, written so that exp never overflows. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + exp(x)) without overflow for large x or lost precision for very negative x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Resolves an {@link ActivationSpec} (a name, or `{ name, alpha, scale }`) to an {@link Activation}.
 * `undefined` means `linear`, as Keras's `Dense(activation=None)`.
 * @throws RangeError naming the value when the name is unknown or an option is not a finite number.
 */
export function getActivation(spec: ActivationSpec | undefined): Activation {
  const s = spec ?? 'linear';
  const name = typeof s === 'string' ? s : s?.name;
  if (!isActivationName(name)) {
    throw new RangeError(`activation must be one of ${ACTIVATION_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  }
  const opts: { alpha?: number; scale?: number } = typeof s === 'string' ? {} : s;
  const alphaDefault = name === 'leaky_relu' ? LEAKY_RELU_ALPHA : name === 'elu' ? ELU_ALPHA : 0;
  const alpha = opts.alpha ?? alphaDefault;
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(alpha)) throw new RangeError(`activation.alpha must be a finite number, got ${alpha}`);
  if (!Number.isFinite(scale) || scale === 0) {
    throw new RangeError(`activation.scale must be a finite non-zero number, got ${scale}`);
  }
  const pair = scalarPair(name, alpha);
  return { name, alpha, scale, elementwise: name !== 'softmax', ...pair, spec: s };
}

function scalarPair(name: ActivationName, alpha: number): Pick<Activation, 'output' | 'der'> {
  switch (name) {
    case 'linear':
      return { output: (x) => x, der: () => 1 };
    case 'sigmoid':
      return {
        output: sigmoid,
        der: (x) => {
          const s = sigmoid(x);
          return s * (1 - s);
        },
      };
    case 'tanh':
      return {
        output: Math.tanh,
        der: (x) => {
          const t = Math.tanh(x);
          return 1 - t * t;
        },
      };
    // TF's ReluGrad passes the gradient only where x > 0, so relu′(0) = 0 (a unit at exactly 0 is dead).
    case 'relu':
      return { output: (x) => (x > 0 ? x : 0), der: (x) => (x > 0 ? 1 : 0) };
    case 'leaky_relu':
      return { output: (x) => (x > 0 ? x : alpha * x), der: (x) => (x > 0 ? 1 : alpha) };
    case 'elu':
      return { output: (x) => (x > 0 ? x : alpha * Math.expm1(x)), der: (x) => (x > 0 ? 1 : alpha * Math.exp(x)) };
    case 'softplus':
      return { output: softplus, der: sigmoid };
    case 'softmax':
      return { output: () => NaN, der: () => NaN };
  }
}

/**
 * a = f(z) for `n` values starting at `off` (rows of width `width` for softmax, which normalises each row).
 * One loop per activation so the JIT sees a monomorphic body.
 */
export function activateInPlace(act: Activation, z: Float64Array, a: Float64Array, n: number, width: number): void {
  const alpha = act.alpha;
  switch (act.name) {
    case 'linear':
      for (let i = 0; i < n; i++) a[i] = z[i];
      return;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        a[i] = v > 0 ? v : 0;
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) a[i] = sigmoid(z[i]);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        a[i] = v > 0 ? v : alpha * v;
      }
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const v = z[i];
        a[i] = v > 0 ? v : alpha * Math.expm1(v);
      }
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) a[i] = softplus(z[i]);
      return;
    case 'softmax':
      softmaxRows(z, a, n / width, width, act.scale);
      return;
  }
}

/** Row-wise a = softmax(scale·z), shifted by the row maximum so exp never overflows. */
export function softmaxRows(z: Float64Array, a: Float64Array, rows: number, width: number, scale: number): void {
  for (let r = 0, o = 0; r < rows; r++, o += width) {
    let max = -Infinity;
    for (let j = 0; j < width; j++) {
      const v = scale * z[o + j];
      if (v > max) max = v;
    }
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const e = Math.exp(scale * z[o + j] - max);
      a[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < width; j++) a[o + j] *= inv;
  }
}

/**
 * dz = da ⊙ f′(z) for elementwise activations, or dz = Jᵀ·da per row for softmax
 * (J_ij = scale·a_i(δ_ij − a_j), so dz_j = scale·a_j(da_j − Σ_i da_i a_i)). `dz` may alias `da`.
 */
export function backpropActivation(
  act: Activation,
  z: Float64Array,
  a: Float64Array,
  da: Float64Array,
  dz: Float64Array,
  n: number,
  width: number,
): void {
  const alpha = act.alpha;
  switch (act.name) {
    case 'linear':
      if (dz !== da) for (let i = 0; i < n; i++) dz[i] = da[i];
      return;
    case 'relu':
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? da[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const s = a[i];
        dz[i] = da[i] * s * (1 - s);
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const t = a[i];
        dz[i] = da[i] * (1 - t * t);
      }
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? da[i] : alpha * da[i];
      return;
    case 'elu':
      // For z ≤ 0, f′(z) = alpha·e^z = a + alpha: reuses the cached output instead of a second exp.
      for (let i = 0; i < n; i++) dz[i] = z[i] > 0 ? da[i] : da[i] * (a[i] + alpha);
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) dz[i] = da[i] * sigmoid(z[i]);
      return;
    case 'softmax': {
      const s = act.scale;
      for (let o = 0; o < n; o += width) {
        let dot = 0;
        for (let j = 0; j < width; j++) dot += da[o + j] * a[o + j];
        for (let j = 0; j < width; j++) dz[o + j] = s * a[o + j] * (da[o + j] - dot);
      }
      return;
    }
  }
}

/**
 * f′ of one unit from its cached z and a (cheaper than {@link Activation.der}: no second exp).
 * Not for softmax.
 */
export function derFromCache(act: Activation, z: number, a: number): number {
  switch (act.name) {
    case 'linear':
      return 1;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    case 'leaky_relu':
      return z > 0 ? 1 : act.alpha;
    case 'elu':
      return z > 0 ? 1 : a + act.alpha;
    case 'softplus':
      return sigmoid(z);
    case 'softmax':
      return NaN;
  }
}

/** The softmax Jacobian ∂a_i/∂z_j = scale·a_i(δ_ij − a_j) for one row `a`, as a row-major width×width matrix. */
export function softmaxJacobian(a: ArrayLike<number>, scale = 1): Float64Array {
  const w = a.length;
  const j = new Float64Array(w * w);
  for (let r = 0; r < w; r++) for (let c = 0; c < w; c++) j[r * w + c] = scale * a[r] * ((r === c ? 1 : 0) - a[c]);
  return j;
}
