/**
 * inputGradient(x, k, { of }): how output k moves with each input — backpropagation from a one-hot seed at the
 * output, through every layer, down to x.
 */
import { backpropActivation } from '../activations.js';
import { refuse } from '../errors.js';
import { denseInputGrad } from '../kernels.js';
import type { Network } from '../network.js';
import { trace } from './trace.js';

/** 'logit': d z_last[k]/dx (before the output activation); 'probability': d a_last[k]/dx (after it). */
export interface InputGradientOptions {
  of?: 'logit' | 'probability';
}

/**
 * The gradient of output unit `outputIndex` with respect to the inputs, at `x`: a Float64Array over the inputs.
 * `of: 'logit'` (the default) differentiates the last layer's pre-activation z; `'probability'` its activation
 * a (for softmax, through the full Jacobian).
 * @throws SpecError for a bad point or an output index out of range.
 */
export function inputGradient(
  model: Network,
  x: ArrayLike<number>,
  outputIndex: number,
  options: InputGradientOptions = {},
): Float64Array {
  const L = model.layers.length;
  if (!(Number.isInteger(outputIndex) && outputIndex >= 0 && outputIndex < model.outputDim)) {
    refuse('outputIndex', `must be an integer from 0 to ${model.outputDim - 1}`, outputIndex);
  }
  const of = options.of ?? 'logit';
  if (of !== 'logit' && of !== 'probability') refuse('of', 'must be "logit" or "probability"', of);
  const t = trace(model, x);
  const last = model.layers[L - 1];
  let d = new Float64Array(last.units);
  d[outputIndex] = 1;
  if (of === 'probability') {
    const { z, a } = t.layers[L - 1];
    backpropActivation(last.activation, z, a, d, d, last.units, last.units);
  }
  for (let l = L - 1; l >= 0; l--) {
    const layer = model.layers[l];
    const below = new Float64Array(layer.inputDim);
    denseInputGrad(layer.kernel, d, layer.units, 1, below, layer.inputDim, null, new Int32Array(layer.inputDim));
    if (l > 0) {
      const prev = model.layers[l - 1];
      const { z, a } = t.layers[l - 1];
      backpropActivation(prev.activation, z, a, below, below, prev.units, prev.units);
    }
    d = below;
  }
  return d;
}
