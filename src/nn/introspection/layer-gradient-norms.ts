/** layerGradientNorms(X, y): how big each layer's gradient is — the vanishing-gradient picture of problem 1. */
import type { LabelInput, MatrixInput } from '../data-input.js';
import type { LayerGradientNorm } from '../trainer.js';
import type { Network } from '../network.js';
import { fullGradient, readSet, resolveLoss, type GradientOptions } from './gradients.js';

/**
 * Per layer, the L2 norms of dLoss/dkernel and dLoss/dbias over the whole set (mean loss plus penalties), as
 * gradients() computes them. Uses the compiled loss unless `options.loss` is given.
 */
export function layerGradientNorms(
  model: Network,
  x: MatrixInput,
  y: LabelInput,
  options?: GradientOptions,
): LayerGradientNorm[] {
  const loss = resolveLoss(model, options, 'layerGradientNorms');
  const { m, labels } = readSet(model, x, y, loss);
  const { grad } = fullGradient(model, m, labels, loss);
  return model.layers.map((l) => ({
    kernel: norm(grad, l.kernelOffset, l.biasOffset),
    bias: norm(grad, l.biasOffset, l.biasOffset + l.bias.length),
  }));
}

function norm(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
