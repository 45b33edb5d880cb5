/**
 * decisionGrid(model, { xRange, yRange, resolution }): the model's output over a grid of the plane, for the
 * boundary element to paint as an image. Layout: row-major, `width` columns by `height` rows; row 0 is the TOP of
 * the picture (y = yRange max), column 0 the left (x = xRange min) — the order of canvas ImageData, so the
 * element copies values straight into pixels. Each value is taken at its cell's centre:
 * x_c = x0 + (c + ½)(x1 − x0)/width, y_r = y1 − (r + ½)(y1 − y0)/height.
 * Points go through the forward pass in chunks of a cached workspace: nothing is allocated per point.
 */
import { activateInPlace, sigmoid } from './activations.js';
import { layerForward, syncWeights } from './passes.js';
import { refuse } from './errors.js';
import { checkLimit } from '../spec/limits.js';
import { inferenceWorkspace } from './evaluate.js';
import { smallNetGrid, type SmallGridOutput } from './decision-grid-small.js';
import type { Network } from './network.js';

/** Options of decisionGrid. */
export interface DecisionGridOptions {
  /** [min, max] of the horizontal input (input 0). */
  xRange: readonly [number, number];
  /** [min, max] of the vertical input (input 1). */
  yRange: readonly [number, number];
  /** Cells per side, or [width, height]. */
  resolution: number | readonly [number, number];
  /**
   * Which output unit to report. Default: the last one (unit 0 of a sigmoid output; the "positive" class 1 of a
   * two-unit softmax, e.g. the chain-rule network's gold output).
   */
  output?: number;
  /** Array to fill (width·height long), reused across frames; a new one is made when absent. */
  into?: Float32Array;
  /**
   * Only rows `[from, to)` of the grid are computed (the rest of `into` is left as it was), so that a large map can
   * be computed a band at a time. Each value is the one the whole grid has there. Default: every row.
   */
  rows?: readonly [number, number];
}

/**
 * Fills a Float32Array with the model's output unit `output` over the grid (probabilities for a sigmoid/softmax
 * output; for a model compiled `fromLogits`, the logits are turned into probabilities with a sigmoid or softmax).
 * @throws SpecError when the model does not take 2 inputs, or for a bad range, resolution, output or `into`.
 */
export function decisionGrid(model: Network, options: DecisionGridOptions): Float32Array {
  if (model.inputDim !== 2) refuse('model.inputShape', 'must be [2] for a decision grid', [model.inputDim]);
  const { xRange, yRange } = options;
  for (const [name, r] of [['xRange', xRange], ['yRange', yRange]] as const) {
    if (!r || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[1] > r[0])) {
      refuse(name, 'must be [min, max] with finite min < max', r);
    }
  }
  const res = options.resolution;
  const width = typeof res === 'number' ? res : res?.[0];
  const height = typeof res === 'number' ? res : res?.[1];
  if (!(Number.isSafeInteger(width) && width > 0 && Number.isSafeInteger(height) && height > 0)) {
    refuse('resolution', 'must be a positive integer or [width, height] of positive integers', res);
  }
  checkLimit('resolution', width * height, 'maxGridCells', 'grid');
  const k = model.outputDim;
  const output = options.output ?? k - 1;
  if (!(Number.isInteger(output) && output >= 0 && output < k)) refuse('output', `must be an integer from 0 to ${k - 1}`, output);
  const n = width * height;
  const into = options.into ?? new Float32Array(n);
  if (into.length !== n) refuse('into', `must be a Float32Array of ${n} values (width·height)`, into.length);
  const [fromRow, toRow] = options.rows ?? [0, height];
  if (!(Number.isInteger(fromRow) && Number.isInteger(toRow) && fromRow >= 0 && fromRow <= toRow && toRow <= height)) {
    refuse('rows', `must be [from, to) with 0 ≤ from ≤ to ≤ ${height}`, options.rows);
  }

  const layers = model.layers;
  const L = layers.length;
  const last = layers[L - 1];
  const mode = model.compiled?.loss.mode;
  // The probability of one unit straight from the logits: a softmax needs no normalised row, a sigmoid one exp.
  const fromZ = last.activation.name === 'softmax' ? 'softmax' : last.activation.name === 'sigmoid' ? 'sigmoid' : null;
  const logitsOut = mode === 'from-logits' ? (k === 1 || model.compiled!.loss.name === 'binary_crossentropy' ? 'sigmoid' : 'softmax') : null;
  const scale = last.activation.scale;
  const first = layers[0];
  const x0 = xRange[0];
  const dx = (xRange[1] - xRange[0]) / width;
  const y1 = yRange[1];
  const dy = (yRange[1] - yRange[0]) / height;

  const small = smallOutput(fromZ, scale, last.activation.name === 'linear' ? logitsOut : null);
  if (L === 2 && first.activation.elementwise && small) {
    smallNetGrid(first, last, small, output, { x0, dx, y1, dy, width, rows: [fromRow, toRow] }, into);
    return into;
  }

  const ws = inferenceWorkspace(model);
  const lastZ = ws.z[L - 1];
  const lastA = ws.a[L - 1];
  const u0 = first.units;
  const W0 = first.kernel;
  const b0 = first.bias;
  const hasBias0 = b0.length > 0;
  const relu0 = first.activation.name === 'relu' && L > 1;
  syncWeights(layers, ws);
  let row = fromRow;
  let col = 0;
  let y = y1 - (row + 0.5) * dy;
  const end = toRow * width;
  for (let start = fromRow * width; start < end; start += ws.capacity) {
    const rows = Math.min(ws.capacity, end - start);
    // Layer 0 straight from the grid coordinates: z = x·W[0] + y·W[1] + b.
    const z0 = ws.z[0];
    const a0 = ws.a[0];
    for (let p = 0; p < rows; p++) {
      const x = x0 + (col + 0.5) * dx;
      const o = p * u0;
      if (relu0) {
        // A ReLU first layer (the usual case) gets its activation in the same loop.
        for (let j = 0; j < u0; j++) {
          const v = (hasBias0 ? b0[j] : 0) + x * W0[j] + y * W0[u0 + j];
          z0[o + j] = v;
          a0[o + j] = v > 0 ? v : 0;
        }
      } else {
        for (let j = 0; j < u0; j++) z0[o + j] = (hasBias0 ? b0[j] : 0) + x * W0[j] + y * W0[u0 + j];
      }
      if (++col === width) {
        col = 0;
        row++;
        y = y1 - (row + 0.5) * dy;
      }
    }
    // The output layer's activation is skipped when the probability is read straight from its z.
    if (!relu0 && (L > 1 || fromZ === null) && ws.a[0] !== ws.z[0]) {
      activateInPlace(first.activation, ws.z[0], ws.a[0], rows * u0, u0);
    }
    for (let l = 1; l < L; l++) layerForward(layers[l], l, ws, ws.a[l - 1], rows, l < L - 1 || fromZ === null);
    for (let p = 0; p < rows; p++) {
      const o = p * k;
      let v: number;
      if (fromZ === 'softmax') {
        // p_k = 1 / Σ_m exp(s·(z_m − z_k)); the m = k term is 1.
        let sum = 1;
        const zk = lastZ[o + output];
        for (let m = 0; m < k; m++) if (m !== output) sum += Math.exp(scale * (lastZ[o + m] - zk));
        v = 1 / sum;
      } else if (fromZ === 'sigmoid') {
        v = sigmoid(lastZ[o + output]);
      } else {
        v = lastA[o + output];
        if (logitsOut === 'sigmoid') v = sigmoid(v);
        else if (logitsOut === 'softmax') v = softmaxAt(lastA, o, k, output);
      }
      into[start + p] = v;
    }
  }
  return into;
}

/**
 * The output form of the two-layer path: a softmax or sigmoid output layer, or a linear one whose logits a
 * `fromLogits` loss turns into probabilities (softmax of scale 1, or sigmoid).
 */
function smallOutput(fromZ: 'softmax' | 'sigmoid' | null, scale: number, logitsOut: 'softmax' | 'sigmoid' | null): SmallGridOutput | null {
  if (fromZ === 'softmax') return { kind: 'softmax', scale };
  if (fromZ === 'sigmoid') return { kind: 'sigmoid' };
  if (logitsOut === 'softmax') return { kind: 'softmax', scale: 1 };
  if (logitsOut === 'sigmoid') return { kind: 'sigmoid' };
  return null;
}

function softmaxAt(a: Float64Array, o: number, k: number, j: number): number {
  let max = -Infinity;
  for (let i = 0; i < k; i++) if (a[o + i] > max) max = a[o + i];
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.exp(a[o + i] - max);
  return Math.exp(a[o + j] - max) / sum;
}
