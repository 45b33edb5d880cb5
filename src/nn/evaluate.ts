/**
 * `predict` and `evaluate`: forward passes over a data set in chunks through a cached workspace, so repeated calls
 * (a boundary redrawn every frame, validation every epoch) allocate no per-point memory.
 */
import { refuse } from './errors.js';
import { toLabels, toMatrix, type LabelInput, type Matrix, type MatrixInput } from './data-input.js';
import { accuracySum } from './metrics.js';
import { activityPenaltySum, forwardBatch, weightPenalty } from './passes.js';
import type { Network } from './network.js';
import { isOutdated, makeWorkspace, type Workspace } from './workspace.js';

/** Rows per forward chunk for inference: big enough to amortise the loop set-up, small enough to stay in cache. */
export const INFERENCE_CHUNK = 256;

const inferenceSpaces = new WeakMap<Network, Workspace>();
const gradientSpaces = new WeakMap<Network, Workspace>();

/**
 * Workspaces shared by models of the same architecture. A page that rebuilds its model on every slider move (a
 * new Network per parameter set) would otherwise make a workspace, and a WebAssembly memory, per move. Sharing
 * is safe because every user of these workspaces runs synchronously and copies the model's weights in first
 * (syncWeights); the pool is small and starts over when full.
 */
const sharedSpaces = new Map<string, Workspace>();
const SHARED_SPACES_MAX = 32;

function architectureKey(model: Network, labelWidth: number, kind: string): string {
  const layers = model.layers.map(
    (l) => `${l.units}:${l.activation.name}:${l.bias.length > 0 ? 1 : 0}:${l.activityRegularizer ? 1 : 0}`,
  );
  return `${kind}|${model.inputDim}|${labelWidth}|${layers.join(',')}`;
}

function sharedWorkspace(model: Network, labelWidth: number, kind: 'inference' | 'gradients'): Workspace {
  const key = architectureKey(model, labelWidth, kind);
  let ws = sharedSpaces.get(key);
  if (!ws || isOutdated(ws)) {
    if (sharedSpaces.size >= SHARED_SPACES_MAX) sharedSpaces.clear();
    ws = makeWorkspace(model.layers, model.inputDim, INFERENCE_CHUNK, labelWidth, { gradients: kind === 'gradients' });
    sharedSpaces.set(key, ws);
  }
  return ws;
}

/** The model's cached inference workspace (INFERENCE_CHUNK rows; label room for its compiled loss). */
export function inferenceWorkspace(model: Network): Workspace {
  let ws = inferenceSpaces.get(model);
  const width = model.compiled?.loss.labelWidth ?? model.outputDim;
  if (!ws || isOutdated(ws) || ws.y.length < INFERENCE_CHUNK * width) {
    ws = sharedWorkspace(model, width, 'inference');
    inferenceSpaces.set(model, ws);
  }
  return ws;
}

/**
 * The model's cached workspace for gradients over a set (gradients, layerGradientNorms): INFERENCE_CHUNK rows with
 * a parameter-gradient buffer. Cached because each workspace owns a WebAssembly memory, which is costly to make
 * per call when a page asks for gradients on every interaction.
 */
export function gradientWorkspace(model: Network): Workspace {
  let ws = gradientSpaces.get(model);
  if (!ws || isOutdated(ws)) {
    ws = sharedWorkspace(model, model.outputDim, 'gradients');
    gradientSpaces.set(model, ws);
  }
  return ws;
}

const trainingSpaces = new WeakMap<Network, { ws: Workspace; inUse: boolean }>();

/**
 * A training workspace for `capacity` rows, reused from the model's last fit when the shape matches and no other
 * fit holds it (a WebAssembly memory is costly to make; two fits of one model at once get separate buffers).
 * Call the returned `release` when the fit ends.
 */
export function trainingWorkspace(model: Network, capacity: number, labelWidth: number): { ws: Workspace; release: () => void } {
  const cached = trainingSpaces.get(model);
  if (cached && !cached.inUse && !isOutdated(cached.ws) && cached.ws.capacity === capacity && cached.ws.y.length === capacity * labelWidth) {
    cached.inUse = true;
    return { ws: cached.ws, release: () => void (cached.inUse = false) };
  }
  const entry = { ws: makeWorkspace(model.layers, model.inputDim, capacity, labelWidth, { gradients: true }), inUse: true };
  if (!cached || !cached.inUse) trainingSpaces.set(model, entry);
  return { ws: entry.ws, release: () => void (entry.inUse = false) };
}

/**
 * The model's outputs for every row of `x`: a Float64Array of rows × outputDim, row-major (row r's outputs at
 * [r·outputDim, (r + 1)·outputDim)). These are the last layer's activations — probabilities after a sigmoid or
 * softmax, logits after a linear output layer (as Keras's predict).
 * @throws SpecError naming the row and column of a bad value or a row of the wrong length.
 */
export function predict(model: Network, x: MatrixInput): Float64Array {
  const m = toMatrix(x, model.inputDim);
  return predictMatrix(model, m);
}

/** predict on an already-checked matrix. */
export function predictMatrix(model: Network, m: Matrix, out = new Float64Array(m.rows * model.outputDim)): Float64Array {
  const ws = inferenceWorkspace(model);
  const L = model.layers.length;
  const k = model.outputDim;
  const d = model.inputDim;
  for (let start = 0; start < m.rows; start += ws.capacity) {
    const rows = Math.min(ws.capacity, m.rows - start);
    ws.x.set(m.data.subarray(start * d, (start + rows) * d));
    forwardBatch(model.layers, ws, rows);
    out.set(ws.a[L - 1].subarray(0, rows * k), start * k);
  }
  return out;
}

/** Loss (with regularization, as Keras reports it) and, when compiled with it, accuracy. */
export interface EvaluateResult {
  loss: number;
  accuracy?: number;
}

/**
 * Keras's `model.evaluate(x, y)`: the mean loss over the rows plus kernel/bias penalties and the mean activity
 * penalty, and accuracy when the model was compiled with `metrics: ['accuracy']`.
 * @throws Error when the model is not compiled; SpecError for bad data (named by row and column).
 */
export function evaluate(model: Network, x: MatrixInput, y: LabelInput): EvaluateResult {
  const c = model.compiled;
  if (!c) throw new Error('evaluate needs a compiled model: call compile(model, trainSpec) first');
  const m = toMatrix(x, model.inputDim);
  const labels = toLabels(y, c.loss.name, model.outputDim, m.rows);
  return evaluateMatrix(model, m, labels);
}

/** evaluate on already-checked data (the fit loop's validation). */
export function evaluateMatrix(model: Network, m: Matrix, labels: Float64Array): EvaluateResult {
  const c = model.compiled!;
  if (m.rows === 0) refuse('x', 'must hold at least one row', 0);
  const ws = inferenceWorkspace(model);
  const L = model.layers.length;
  const last = model.layers[L - 1];
  const lw = c.loss.labelWidth;
  const d = model.inputDim;
  let lossSum = 0;
  let accSum = 0;
  let activity = 0;
  for (let start = 0; start < m.rows; start += ws.capacity) {
    const rows = Math.min(ws.capacity, m.rows - start);
    ws.x.set(m.data.subarray(start * d, (start + rows) * d));
    ws.y.set(labels.subarray(start * lw, (start + rows) * lw));
    forwardBatch(model.layers, ws, rows);
    lossSum += c.loss.lossAndGrad(ws.z[L - 1], ws.a[L - 1], ws.y, rows, null, 1);
    activity += activityPenaltySum(model.layers, ws, rows);
    if (c.accuracy) accSum += accuracySum(c.accuracy, ws.a[L - 1], ws.y, rows, last.units, c.threshold);
  }
  const loss = (lossSum + activity) / m.rows + weightPenalty(model.layers);
  return c.accuracy ? { loss, accuracy: accSum / m.rows } : { loss };
}
