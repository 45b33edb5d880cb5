/**
 * Initial weights from a ModelSpec's initializers, drawn on the CPU exactly as the small engine (src/nn) draws
 * them — Keras's formulas, numpy's MT19937 through RandomState, the same per-layer seed streams — so a dense spec
 * starts from the same numbers on both engines, and a conv net from the same numbers on every backend.
 * (src/nn keeps this as `initializeInto`, not exported from its index; tests/node/tf checks the two agree.)
 */
import { derivedSeed, TRUNCATED_NORMAL_STDDEV } from '../../nn/index.js';
import { RandomState } from '../../random/index.js';
import type { InitializerName, InitializerSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';

/** Keras's default kernel initializer for Dense and Conv2D. */
export const DEFAULT_KERNEL_INITIALIZER: InitializerSpec = 'glorot_uniform';
/** Keras's default bias initializer. */
export const DEFAULT_BIAS_INITIALIZER: InitializerSpec = 'zeros';

/** Keras's VarianceScaling settings behind each named initializer. */
const VARIANCE_SCALING: Partial<Record<InitializerName, { scale: number; fanAvg: boolean; uniform: boolean }>> = {
  glorot_uniform: { scale: 1, fanAvg: true, uniform: true },
  glorot_normal: { scale: 1, fanAvg: true, uniform: false },
  he_normal: { scale: 2, fanAvg: false, uniform: false },
  he_uniform: { scale: 2, fanAvg: false, uniform: true },
  lecun_normal: { scale: 1, fanAvg: false, uniform: false },
  lecun_uniform: { scale: 1, fanAvg: false, uniform: true },
};

/**
 * Keras's `_compute_fans`: a Dense kernel [in, out] has fans (in, out); a Conv2D kernel [kh, kw, in, out] has
 * (kh·kw·in, kh·kw·out); a 1-D shape (a bias) has its length for both.
 */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/**
 * The values of one weight tensor, row-major in TF.js's (and Keras's) layout.
 *
 * @param slot which stream of the model seed: 2·i for spec layer i's kernel, 2·i + 1 for its bias (as src/nn);
 *   an initializer's own `seed` wins.
 * @throws {TfError} `spec` for an unknown initializer name.
 */
export function initialValues(
  spec: InitializerSpec,
  shape: readonly number[],
  modelSeed: number,
  slot: number,
): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const name = typeof spec === 'string' ? spec : spec.name;
  const o: Partial<Exclude<InitializerSpec, string>> = typeof spec === 'string' ? {} : spec;
  const rng = () => new RandomState(o.seed ?? derivedSeed(modelSeed, slot));
  switch (name) {
    case 'zeros':
      return new Float32Array(n);
    case 'ones':
      return new Float32Array(n).fill(1);
    case 'constant':
      return new Float32Array(n).fill(o.value ?? 0);
    case 'random_uniform':
      return Float32Array.from(rng().uniform(o.minval ?? -0.05, o.maxval ?? 0.05, n));
    case 'random_normal':
      return Float32Array.from(rng().normal(o.mean ?? 0, o.stddev ?? 0.05, n));
    case 'truncated_normal':
      return truncated(rng(), o.mean ?? 0, o.stddev ?? 0.05, n);
  }
  const vs = VARIANCE_SCALING[name];
  if (!vs) throw new TfError('spec', `Unknown initializer ${JSON.stringify(name)}.`);
  const [fanIn, fanOut] = computeFans(shape);
  const scale = vs.scale / Math.max(1, vs.fanAvg ? (fanIn + fanOut) / 2 : fanIn);
  if (vs.uniform) {
    const limit = Math.sqrt(3 * scale);
    return Float32Array.from(rng().uniform(-limit, limit, n));
  }
  return truncated(rng(), 0, Math.sqrt(scale) / TRUNCATED_NORMAL_STDDEV, n);
}

/** Normal(mean, std) truncated at two std: a draw beyond ±2 is discarded and drawn again (as TF and src/nn do). */
function truncated(rs: RandomState, mean: number, std: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let g: number;
    do g = rs.nextGaussian();
    while (g > 2 || g < -2);
    out[i] = mean + std * g;
  }
  return out;
}
