/**
 * Initial weights from a ModelSpec's initializers, drawn on the CPU by the small engine's own `initializeInto`
 * (Keras's formulas, numpy's MT19937 through RandomState, the same per-layer seed streams), so a dense spec starts
 * from the same numbers on both engines, and a conv net from the same numbers on every backend.
 */
import { derivedSeed, initializeInto } from '../../nn/index.js';
import type { InitializerSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';

/** Keras's default kernel initializer for Dense and Conv2D. */
export const DEFAULT_KERNEL_INITIALIZER: InitializerSpec = 'glorot_uniform';
/** Keras's default bias initializer. */
export const DEFAULT_BIAS_INITIALIZER: InitializerSpec = 'zeros';

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
  const [fanIn, fanOut] = computeFans(shape);
  const out = new Float64Array(n);
  try {
    initializeInto(spec, out, fanIn, fanOut, derivedSeed(modelSeed, slot));
  } catch (e) {
    throw new TfError('spec', (e as Error).message);
  }
  return Float32Array.from(out);
}
