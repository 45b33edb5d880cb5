/**
 * Buffers for one batch size: the gathered inputs and labels, every layer's z, a and gradient rows, and (for
 * training) the parameter gradients. Made once per model and batch size so a training step allocates nothing.
 *
 * With the WebAssembly kernels, every buffer is a Float64Array view into the workspace's own WebAssembly memory
 * (sized once, never grown, so views stay valid), and the layers' weights are mirrored into it before each
 * forward pass; without them, the buffers are plain arrays and the kernels read the model's weights directly.
 */
import type { DenseLayer } from './dense.js';
import { instantiateKernels, wasmKernelsActive, type WasmKernels } from './wasm/runtime.js';

/** Gradient storage shaped like the model's parameters: one flat array, with a view per kernel and bias. */
export interface GradientBuffer {
  /** Same layout as the model's parameters (Keras order: kernel, bias per layer). */
  flat: Float64Array;
  kernels: Float64Array[];
  biases: Float64Array[];
}

/** Per-batch buffers for a model; `capacity` is the most rows one pass handles. */
export interface Workspace {
  capacity: number;
  /** capacity × inputDim: the batch being computed. */
  x: Float64Array;
  /** capacity × labelWidth: its labels. */
  y: Float64Array;
  /** Per layer, capacity × units: pre-activations. */
  z: Float64Array[];
  /** Per layer, capacity × units: activations (the same array as z for a linear layer). */
  a: Float64Array[];
  /** Per layer, capacity × units: dLoss/da, then dLoss/dz, in place. */
  d: Float64Array[];
  /** capacity × last layer's units: scratch for an output activity regularizer's gradient. */
  scratch: Float64Array;
  /** Scratch for the kernels' gathered non-zero inputs / live units (widest layer input). */
  nzIndex: Int32Array;
  nzValue: Float64Array;
  /** Parameter gradients (when made for training). */
  grads: GradientBuffer | null;
  /** The WebAssembly kernels over this workspace's memory; null on the JavaScript path. */
  wasm: WasmKernels | null;
  /** Per layer, the kernel and bias the kernels read: mirrors in WebAssembly memory, else the layer's own. */
  kernels: Float64Array[];
  biases: Float64Array[];
}

/** Options of makeWorkspace. */
export interface WorkspaceOptions {
  /** Also make a parameter-gradient buffer (training, gradients). */
  gradients?: boolean;
}

/** Allocates a workspace for `capacity` rows; `labelWidth` 0 for inference-only use. */
export function makeWorkspace(
  layers: readonly DenseLayer[],
  inputDim: number,
  capacity: number,
  labelWidth: number,
  options: WorkspaceOptions = {},
): Workspace {
  const last = layers[layers.length - 1];
  const widest = Math.max(inputDim, ...layers.map((l) => l.units));
  const paramCount = layers.reduce((s, l) => s + l.kernel.length + l.bias.length, 0);
  const sizes: number[] = [capacity * inputDim, capacity * labelWidth];
  for (const l of layers) sizes.push(capacity * l.units, l.activation.name === 'linear' ? 0 : capacity * l.units, capacity * l.units);
  sizes.push(last.activityRegularizer ? capacity * last.units : 0, widest, paramCount, options.gradients ? paramCount : 0);
  const doubles = sizes.reduce((s, n) => s + n, 0);
  // + the i32 scratch and a little slack so the last view never ends at the memory's edge.
  const wasm = instantiateKernels(doubles * 8 + widest * 4 + 64);
  let offset = 0;
  const f64 = (n: number): Float64Array => {
    if (!wasm) return new Float64Array(n);
    const v = new Float64Array(wasm.memory.buffer, offset, n);
    offset += n * 8;
    return v;
  };
  const x = f64(capacity * inputDim);
  const y = f64(capacity * labelWidth);
  const z: Float64Array[] = [];
  const a: Float64Array[] = [];
  const d: Float64Array[] = [];
  for (const layer of layers) {
    const zl = f64(capacity * layer.units);
    z.push(zl);
    // A linear layer's a is its z: sharing the buffer saves a copy per pass.
    a.push(layer.activation.name === 'linear' ? zl : f64(capacity * layer.units));
    d.push(f64(capacity * layer.units));
  }
  const scratch = f64(last.activityRegularizer ? capacity * last.units : 0);
  const nzValue = f64(widest);
  const mirror = wasm ? f64(paramCount) : null;
  const gradFlat = options.gradients ? f64(paramCount) : null;
  const nzIndex = wasm ? new Int32Array(wasm.memory.buffer, offset, widest) : new Int32Array(widest);
  const viewOf = (arr: Float64Array | null, l: DenseLayer, which: 'kernel' | 'bias'): Float64Array => {
    const base = layers[0].kernelOffset;
    const from = (which === 'kernel' ? l.kernelOffset : l.biasOffset) - base;
    const n = which === 'kernel' ? l.kernel.length : l.bias.length;
    return arr!.subarray(from, from + n);
  };
  return {
    capacity,
    x,
    y,
    z,
    a,
    d,
    scratch,
    nzIndex,
    nzValue,
    grads: gradFlat
      ? { flat: gradFlat, kernels: layers.map((l) => viewOf(gradFlat, l, 'kernel')), biases: layers.map((l) => viewOf(gradFlat, l, 'bias')) }
      : null,
    wasm,
    kernels: layers.map((l) => (mirror ? viewOf(mirror, l, 'kernel') : l.kernel)),
    biases: layers.map((l) => (mirror ? viewOf(mirror, l, 'bias') : l.bias)),
  };
}

/**
 * True for a workspace made on the JavaScript path while the WebAssembly kernels were still loading, once they have
 * loaded: a cache should make a new one, so a page that drew before the kernels arrived gets them from then on.
 */
export function isOutdated(ws: Workspace): boolean {
  return ws.wasm === null && wasmKernelsActive();
}
