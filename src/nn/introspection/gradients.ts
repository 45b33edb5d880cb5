/**
 * gradients(x, y): dLoss/dW and dLoss/db of every layer, for one point or a set — the gradient the optimizer
 * would apply for that batch (mean loss over the rows plus every regularization penalty). Large sets are done in
 * chunks and combined exactly.
 */
import type { LossName } from '../../spec/types.js';
import { toLabels, toMatrix, type LabelInput, type Matrix, type MatrixInput } from '../data-input.js';
import type { LayerGradient } from '../introspection-types.js';
import { bindLoss, type BoundLoss } from '../losses.js';
import { lossAndGradients, weightPenalty } from '../passes.js';
import type { Network } from '../network.js';
import { gradientWorkspace } from '../evaluate.js';

/** Which loss to differentiate when the model is not compiled (or to override it). */
export interface GradientOptions {
  loss?: LossName;
  fromLogits?: boolean;
}

/** The compiled loss, or the one named in `options`. */
export function resolveLoss(model: Network, options: GradientOptions | undefined, what: string): BoundLoss {
  if (options?.loss) {
    const last = model.layers[model.layers.length - 1];
    return bindLoss(options.loss, last.activation, last.units, options.fromLogits ?? false);
  }
  if (model.compiled) return model.compiled.loss;
  throw new Error(`${what} needs a loss: compile the model or pass { loss }`);
}

/** True when `x` is one point (numbers, as many as the model has inputs) rather than rows. */
export function isSinglePoint(x: unknown, inputDim: number): x is ArrayLike<number> {
  const a = x as ArrayLike<unknown>;
  return a != null && typeof a.length === 'number' && a.length === inputDim && typeof a[0] === 'number';
}

/** Reads x and y as one point or a set of rows. */
export function readSet(
  model: Network,
  x: MatrixInput | ArrayLike<number>,
  y: LabelInput | number | ArrayLike<number>,
  loss: BoundLoss,
): { m: Matrix; labels: Float64Array } {
  if (isSinglePoint(x, model.inputDim)) {
    const m = toMatrix([x], model.inputDim);
    const row = typeof y === 'number' ? [y] : [Array.from(y as ArrayLike<number>)];
    const labels = toLabels(row as number[] | number[][], loss.name, model.outputDim, 1);
    return { m, labels };
  }
  const m = toMatrix(x as MatrixInput, model.inputDim);
  return { m, labels: toLabels(y as LabelInput, loss.name, model.outputDim, m.rows) };
}

/**
 * The full gradient over `m` (flat, in parameter order) and the objective (mean loss + penalties), computed in
 * chunks: Σ_c (rows_c/N)·grad_c, where each chunk's gradient carries the whole weight penalty once, so the
 * weights (summing to 1) leave exactly one penalty gradient.
 */
export function fullGradient(model: Network, m: Matrix, labels: Float64Array, loss: BoundLoss): { grad: Float64Array; loss: number } {
  const ws = gradientWorkspace(model);
  const cap = ws.capacity;
  const buf = ws.grads!;
  const total = new Float64Array(model.params.length);
  const d = model.inputDim;
  const lw = loss.labelWidth;
  let objective = 0;
  for (let start = 0; start < m.rows; start += cap) {
    const rows = Math.min(cap, m.rows - start);
    ws.x.set(m.data.subarray(start * d, (start + rows) * d));
    ws.y.set(labels.subarray(start * lw, (start + rows) * lw));
    const w = rows / m.rows;
    objective += w * lossAndGradients(model.layers, ws, rows, loss);
    for (let i = 0; i < total.length; i++) total[i] += w * buf.flat[i];
  }
  return { grad: total, loss: objective + weightPenalty(model.layers) };
}

/**
 * dLoss/dW and dLoss/db for every layer (kernel [in][out] row-major; bias null without one), for one point
 * (`x` = its inputs, `y` = its label) or a set of rows. Uses the compiled loss unless `options.loss` is given.
 */
export function gradients(
  model: Network,
  x: MatrixInput | ArrayLike<number>,
  y: LabelInput | number | ArrayLike<number>,
  options?: GradientOptions,
): LayerGradient[] {
  const loss = resolveLoss(model, options, 'gradients');
  const { m, labels } = readSet(model, x, y, loss);
  const { grad } = fullGradient(model, m, labels, loss);
  return model.layers.map((l) => ({
    kernel: grad.slice(l.kernelOffset, l.biasOffset),
    bias: l.useBias ? grad.slice(l.biasOffset, l.biasOffset + l.units) : null,
  }));
}

/** The objective gradients() differentiates: mean loss over the rows plus every penalty (for checks). */
export function lossValue(
  model: Network,
  x: MatrixInput | ArrayLike<number>,
  y: LabelInput | number | ArrayLike<number>,
  options?: GradientOptions,
): number {
  const loss = resolveLoss(model, options, 'lossValue');
  const { m, labels } = readSet(model, x, y, loss);
  return fullGradient(model, m, labels, loss).loss;
}
