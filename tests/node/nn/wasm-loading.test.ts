/**
 * The WebAssembly kernels load in the background on first use (their code is a separate chunk, so a page's first
 * paint does not wait for it). Until then the engine computes on the JavaScript path; once they have loaded,
 * cached workspaces are replaced and the same numbers come from the kernels. Its own file: the kernels load once
 * per process, and this starts from a process where nothing has asked for them yet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionGrid, gradients, loadWasmKernels, Network, wasmKernelsActive, type ModelSpec } from '../../../src/core.js';
import { gradientWorkspace, inferenceWorkspace } from '../../../src/nn/evaluate.js';

const SPEC: ModelSpec = {
  inputShape: [2],
  seed: 1,
  layers: [
    { type: 'dense', units: 12, activation: 'relu' },
    { type: 'dense', units: 12, activation: 'tanh' },
    { type: 'dense', units: 1, activation: 'sigmoid' },
  ],
};
const GRID = { xRange: [-1, 1] as [number, number], yRange: [-1, 1] as [number, number], resolution: 40 };
const X = [[0.1, 0.2], [-0.5, 0.7], [0.9, -0.3]];

test('before the kernels load the engine computes in JavaScript; after, the cached workspaces move to them with the same bits', async () => {
  const model = Network.fromSpec(SPEC);
  const gridBefore = decisionGrid(model, GRID);
  const gradsBefore = gradients(model, X, [0, 1, 1], { loss: 'binary_crossentropy' });
  // Asking started the load; nothing waited for it.
  assert.equal(wasmKernelsActive(), false);
  assert.equal(inferenceWorkspace(model).wasm, null);
  assert.equal(gradientWorkspace(model).wasm, null);

  assert.equal(await loadWasmKernels(), true);
  assert.equal(wasmKernelsActive(), true);
  assert.notEqual(inferenceWorkspace(model).wasm, null, 'the inference workspace made before the load is replaced');
  assert.notEqual(gradientWorkspace(model).wasm, null, 'the gradient workspace made before the load is replaced');
  assert.deepEqual(decisionGrid(model, GRID), gridBefore);
  assert.deepEqual(gradients(model, X, [0, 1, 1], { loss: 'binary_crossentropy' }), gradsBefore);
});
