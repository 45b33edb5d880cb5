/** trace(x): every layer's pre-activation z and activation a for one input, in fresh arrays the caller keeps. */
import type { Trace } from '../introspection-types.js';
import { activateInPlace } from '../activations.js';
import { toVector } from '../data-input.js';
import { denseForward } from '../kernels.js';
import type { Network } from '../network.js';

/**
 * The forward pass for one input, layer by layer (z = W·a_prev + b, a = f(z)).
 * @throws SpecError when `x` has the wrong length or a non-finite value.
 */
export function trace(model: Network, x: ArrayLike<number>): Trace {
  const input = toVector(x, model.inputDim);
  const layers = [];
  let prev = input;
  for (const layer of model.layers) {
    const z = new Float64Array(layer.units);
    const a = new Float64Array(layer.units);
    denseForward(prev, layer.inputDim, layer.kernel, layer.bias, z, layer.units, 1, new Int32Array(layer.inputDim), new Float64Array(layer.inputDim));
    activateInPlace(layer.activation, z, a, layer.units, layer.units);
    layers.push({ z, a });
    prev = a;
  }
  return { input, layers, output: prev };
}
