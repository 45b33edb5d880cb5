/**
 * deadUnits(x): which hidden units pass no gradient at x (activation derivative 0 — for ReLU, z ≤ 0);
 * deadUnitsOn(X): which are dead at every point of a set (dead everywhere, the question of problem 13(b)).
 * The output layer is not included: its units are the outputs.
 */
import { derFromCache } from '../activations.js';
import { toMatrix, type MatrixInput } from '../data-input.js';
import type { DeadUnits } from '../introspection-types.js';
import { inferenceWorkspace } from '../evaluate.js';
import { forwardBatch } from '../passes.js';
import type { Network } from '../network.js';
import { trace } from './trace.js';

/** For each hidden layer, whether each unit's activation derivative is 0 at `x`. Softmax units never count. */
export function deadUnits(model: Network, x: ArrayLike<number>): DeadUnits {
  const t = trace(model, x);
  return model.layers.slice(0, -1).map((layer, l) => {
    const { z, a } = t.layers[l];
    return Array.from(z, (zi, j) => layer.activation.elementwise && derFromCache(layer.activation, zi, a[j]) === 0);
  });
}

/** For each hidden layer, whether each unit is dead at every row of `X` (false for an empty set). */
export function deadUnitsOn(model: Network, X: MatrixInput): DeadUnits {
  const m = toMatrix(X, model.inputDim, 'X');
  const hidden = model.layers.slice(0, -1);
  const alive = hidden.map((l) => new Uint8Array(l.units));
  const ws = inferenceWorkspace(model);
  const d = model.inputDim;
  for (let start = 0; start < m.rows; start += ws.capacity) {
    const rows = Math.min(ws.capacity, m.rows - start);
    ws.x.set(m.data.subarray(start * d, (start + rows) * d));
    forwardBatch(model.layers, ws, rows);
    hidden.forEach((layer, l) => {
      const u = layer.units;
      const z = ws.z[l];
      const a = ws.a[l];
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < u; j++) {
          if (!alive[l][j] && (!layer.activation.elementwise || derFromCache(layer.activation, z[r * u + j], a[r * u + j]) !== 0)) {
            alive[l][j] = 1;
          }
        }
      }
    });
  }
  return alive.map((al) => Array.from(al, (v) => m.rows > 0 && v === 0));
}
