/**
 * Network, the untrainable base of Sequential that the drawing elements build: the same checks, weights and
 * numbers as a Sequential of the same spec, and a JSON that Sequential.fromJSON turns into a trainable model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chainRulePaths,
  decisionGrid,
  gradients,
  inputGradient,
  Network,
  predict,
  Sequential,
  SpecError,
  trace,
  type ModelSpec,
} from '../../../src/core.js';

const SPEC: ModelSpec = {
  inputShape: [2],
  seed: 7,
  layers: [
    { type: 'dense', units: 4, activation: 'relu' },
    { type: 'dense', units: 2, activation: { name: 'softmax', scale: 10 } },
  ],
};

test('Network.fromSpec draws the weights Sequential.fromSpec draws, and computes the same numbers', () => {
  const n = Network.fromSpec(SPEC);
  const s = Sequential.fromSpec(SPEC);
  assert.ok(s instanceof Network);
  assert.ok(!(n instanceof Sequential));
  assert.deepEqual(n.params, s.params);
  const x = [0.3, -0.2];
  assert.deepEqual(trace(n, x), trace(s, x));
  assert.deepEqual(inputGradient(n, x, 1), inputGradient(s, x, 1));
  assert.deepEqual(chainRulePaths(n, x, 0, 1), chainRulePaths(s, x, 0, 1));
  assert.deepEqual(gradients(n, x, [0, 1], { loss: 'categorical_crossentropy' }), gradients(s, x, [0, 1], { loss: 'categorical_crossentropy' }));
  assert.deepEqual(predict(n, [x, [1, 1]]), predict(s, [x, [1, 1]]));
  const grid = { xRange: [-1, 1] as [number, number], yRange: [-1, 1] as [number, number], resolution: 12 };
  assert.deepEqual(decisionGrid(n, grid), decisionGrid(s, grid));
});

test('a Network refuses what a Sequential refuses, and has no training methods', () => {
  const bad = { inputShape: [2], layers: [{ type: 'dense', units: 0 }] } as unknown as ModelSpec;
  assert.throws(() => Network.fromSpec(bad), SpecError);
  assert.throws(() => Sequential.fromSpec(bad), SpecError);
  const n = Network.fromSpec(SPEC) as unknown as Record<string, unknown>;
  for (const method of ['compile', 'fit', 'fitAsync', 'startFit', 'evaluate']) assert.equal(n[method], undefined, method);
  assert.equal(n.compiled, null);
});

test('clone keeps the class; a Network’s JSON loads as a trainable Sequential with the same weights', () => {
  const n = Network.fromSpec(SPEC);
  n.setWeights(n.getWeights().map((w) => w.map((v) => v + 0.5)));
  const c = n.clone();
  assert.ok(c instanceof Network && !(c instanceof Sequential));
  assert.deepEqual(c.params, n.params);
  assert.ok(Sequential.fromSpec(SPEC).clone() instanceof Sequential);
  const s = Sequential.fromJSON(JSON.parse(JSON.stringify(n)));
  assert.ok(s instanceof Sequential);
  assert.deepEqual(s.params, n.params);
  s.compile({ optimizer: { name: 'sgd', learningRate: 0.1 }, loss: 'categorical_crossentropy', epochs: 1, batchSize: 2 });
  s.fit([[0.3, -0.2], [1, 1]], [[0, 1], [1, 0]]);
  assert.notDeepEqual(s.params, n.params);
});
