/**
 * The forward pass and backpropagation over a batch held in a {@link Workspace}. Both loop over the model's layers
 * with the workspace's kernels (WebAssembly SIMD, or kernels.ts in JavaScript) and allocate nothing.
 */
import { activateInPlace, backpropActivation } from './activations.js';
import type { DenseLayer } from './dense.js';
import { denseForward, denseInputGrad, denseKernelGrad } from './kernels.js';
import type { BoundLoss } from './losses.js';
import { addPenaltyGrad, penalty, penaltyN } from './regularizers.js';
import type { Workspace } from './workspace.js';

/** Copies the layers' weights into the workspace's WebAssembly mirrors (nothing on the JavaScript path). */
export function syncWeights(layers: readonly DenseLayer[], ws: Workspace): void {
  if (!ws.wasm) return;
  for (let l = 0; l < layers.length; l++) {
    ws.kernels[l].set(layers[l].kernel);
    ws.biases[l].set(layers[l].bias);
  }
}

/**
 * z = input·W + b and a = f(z) for layer `l` over `rows` rows, with whichever kernels the workspace runs (the
 * WebAssembly forward pass writes a ReLU layer's a itself). `activate: false` leaves a alone.
 */
export function layerForward(layer: DenseLayer, l: number, ws: Workspace, input: Float64Array, rows: number, activate = true): void {
  const z = ws.z[l];
  const a = ws.a[l];
  const k = ws.wasm;
  const fusedRelu = k !== null && activate && layer.activation.name === 'relu';
  if (k) {
    const b = ws.biases[l];
    k.denseForward(input.byteOffset, layer.inputDim, ws.kernels[l].byteOffset, b.byteOffset, b.length > 0 ? 1 : 0, z.byteOffset, layer.units, rows, ws.nzValue.byteOffset, ws.nzIndex.byteOffset, fusedRelu ? a.byteOffset : 0);
  } else {
    denseForward(input, layer.inputDim, layer.kernel, layer.bias, z, layer.units, rows, ws.nzIndex, ws.nzValue);
  }
  if (activate && !fusedRelu && a !== z) activateInPlace(layer.activation, z, a, rows * layer.units, layer.units);
}

/** Fills every layer's z and a for the first `rows` rows of `ws.x`. */
export function forwardBatch(layers: readonly DenseLayer[], ws: Workspace, rows: number): void {
  syncWeights(layers, ws);
  let input = ws.x;
  for (let l = 0; l < layers.length; l++) {
    layerForward(layers[l], l, ws, input, rows);
    input = ws.a[l];
  }
}

/**
 * Forward pass, loss and backpropagation for the first `rows` rows of `ws.x` / `ws.y`. Writes the gradient of
 * the batch objective (mean loss + activity penalties / rows + kernel and bias penalties) into `ws.grads`, and
 * returns the batch's mean loss plus activity penalties — Keras adds the kernel and bias penalties on top of this
 * for the reported loss (see {@link weightPenalty}).
 */
export function lossAndGradients(
  layers: readonly DenseLayer[],
  ws: Workspace,
  rows: number,
  loss: BoundLoss,
): number {
  const grads = ws.grads;
  if (!grads) throw new Error('lossAndGradients needs a workspace made with { gradients: true }');
  forwardBatch(layers, ws, rows);
  const L = layers.length;
  const inv = 1 / rows;
  const last = layers[L - 1];
  const n = rows * last.units;
  const dLast = ws.d[L - 1];
  let objective = loss.lossAndGrad(ws.z[L - 1], ws.a[L - 1], ws.y, rows, dLast, inv) * inv;
  if (loss.gradIsForZ) {
    const r = last.activityRegularizer;
    if (r) {
      // The loss gradient is already for z; the activity penalty's gradient (for a) goes through f′ separately.
      const s = ws.scratch;
      objective += penaltyN(r, ws.a[L - 1], n) * inv;
      s.fill(0, 0, n);
      addPenaltyGrad(r, ws.a[L - 1], s, n, inv);
      backpropActivation(last.activation, ws.z[L - 1], ws.a[L - 1], s, s, n, last.units);
      for (let i = 0; i < n; i++) dLast[i] += s[i];
    }
  } else {
    const r = last.activityRegularizer;
    if (r) {
      objective += penaltyN(r, ws.a[L - 1], n) * inv;
      addPenaltyGrad(r, ws.a[L - 1], dLast, n, inv);
    }
    backpropActivation(last.activation, ws.z[L - 1], ws.a[L - 1], dLast, dLast, n, last.units);
  }
  const k = ws.wasm;
  for (let l = L - 1; l >= 0; l--) {
    const layer = layers[l];
    const input = l === 0 ? ws.x : ws.a[l - 1];
    const dz = ws.d[l];
    const gk = grads.kernels[l];
    const gb = grads.biases[l];
    if (k) k.denseKernelGrad(input.byteOffset, layer.inputDim, dz.byteOffset, layer.units, rows, gk.byteOffset, gb.byteOffset, gb.length > 0 ? 1 : 0);
    else denseKernelGrad(input, layer.inputDim, dz, layer.units, rows, gk, gb);
    if (layer.kernelRegularizer) addPenaltyGrad(layer.kernelRegularizer, layer.kernel, gk, gk.length);
    if (layer.biasRegularizer) addPenaltyGrad(layer.biasRegularizer, layer.bias, gb, gb.length);
    if (l > 0) {
      const prev = layers[l - 1];
      const pn = rows * prev.units;
      const dPrev = ws.d[l - 1];
      const reluZ = prev.activation.name === 'relu' ? ws.z[l - 1] : null;
      if (k) k.denseInputGrad(ws.kernels[l].byteOffset, dz.byteOffset, layer.units, rows, dPrev.byteOffset, prev.units, ws.z[l - 1].byteOffset, reluZ ? 1 : 0, ws.nzIndex.byteOffset);
      else denseInputGrad(layer.kernel, dz, layer.units, rows, dPrev, prev.units, reluZ, ws.nzIndex);
      const r = prev.activityRegularizer;
      if (r) {
        objective += penaltyN(r, ws.a[l - 1], pn) * inv;
        addPenaltyGrad(r, ws.a[l - 1], dPrev, pn, inv);
      }
      // After a ReLU, the input-gradient kernel has already zeroed the dead units and relu′ is 1 elsewhere.
      if (!reluZ) backpropActivation(prev.activation, ws.z[l - 1], ws.a[l - 1], dPrev, dPrev, pn, prev.units);
    }
  }
  return objective;
}

/** Σ of kernel and bias penalties (Keras adds them to every batch's loss, undivided). */
export function weightPenalty(layers: readonly DenseLayer[]): number {
  let s = 0;
  for (const layer of layers) {
    if (layer.kernelRegularizer) s += penalty(layer.kernelRegularizer, layer.kernel);
    if (layer.biasRegularizer) s += penalty(layer.biasRegularizer, layer.bias);
  }
  return s;
}

/** Σ of activity penalties over the first `rows` rows after a forward pass (not divided by rows). */
export function activityPenaltySum(layers: readonly DenseLayer[], ws: Workspace, rows: number): number {
  let s = 0;
  for (let l = 0; l < layers.length; l++) {
    const r = layers[l].activityRegularizer;
    if (r) s += penaltyN(r, ws.a[l], rows * layers[l].units);
  }
  return s;
}

/** True when any layer has a kernel or bias regularizer. */
export function hasWeightPenalty(layers: readonly DenseLayer[]): boolean {
  return layers.some((l) => l.kernelRegularizer !== null || l.biasRegularizer !== null);
}
