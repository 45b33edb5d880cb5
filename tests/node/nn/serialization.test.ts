/** Building (spec and Keras-shaped calls agree), getWeights/setWeights in Keras order, toJSON/fromJSON round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import {
  adam,
  compile,
  dense,
  fit,
  heNormal,
  l1,
  predict,
  randomUniform,
  sequential,
  Sequential,
  type ModelSpec,
} from '../../../src/core.js';
import { randomRows } from './helpers.js';

test('sequential([...], options) and Sequential.fromSpec(spec) give the same spec and the same weights', () => {
  const a = sequential(
    [dense(5, { activation: 'tanh', kernelInitializer: randomUniform(-1, 1) }), dense(1, { activation: 'sigmoid' })],
    { inputShape: [2], seed: 42 },
  );
  const spec: ModelSpec = {
    inputShape: [2],
    layers: [
      { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: { name: 'random_uniform', minval: -1, maxval: 1 } },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
    seed: 42,
  };
  assert.deepEqual(a.spec, spec);
  assert.deepEqual(Sequential.fromSpec(spec).params, a.params);
  assert.equal(a.countParams(), 2 * 5 + 5 + 5 + 1);
});

test('getWeights is Keras’s order (kernel [in][out] row-major, bias per layer); setWeights takes flat or nested kernels', () => {
  const m = sequential([dense(3), dense(2, { useBias: false })], { inputShape: [2] });
  const w = m.getWeights();
  assert.deepEqual(w.map((a) => a.length), [6, 3, 6]);
  m.setWeights([[[1, 2, 3], [4, 5, 6]], [0.1, 0.2, 0.3], new Float64Array([1, 0, 0, 1, 1, 1])]);
  assert.deepEqual(Array.from(m.layers[0].kernel), [1, 2, 3, 4, 5, 6]);
  // z_j = Σ_i x_i·W[i][j] + b_j
  const out = predict(m, [[1, 1]]);
  const h = [1 + 4 + 0.1, 2 + 5 + 0.2, 3 + 6 + 0.3];
  assert.deepEqual(Array.from(out), [h[0] + h[2], h[1] + h[2]]);
  const copy = m.getWeights();
  copy[0][0] = 99;
  assert.equal(m.layers[0].kernel[0], 1, 'getWeights returns copies');
});

test('toJSON → JSON text → fromJSON reproduces weights bit for bit, the training setup and the optimizer state', () => {
  const rs = new RandomState(3);
  const X = randomRows(rs, 64, 2);
  const y = X.map(([a, b]) => (a > b ? 1 : 0));
  const m = sequential(
    [dense(7, { activation: 'relu', kernelInitializer: heNormal(), kernelRegularizer: l1(0.001) }), dense(1, { activation: 'sigmoid' })],
    { inputShape: [2], seed: 9 },
  );
  compile(m, { optimizer: adam({ learningRate: 0.01 }), loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 3, batchSize: 8, seed: 5 });
  fit(m, X, y);
  const text = JSON.stringify(m.toJSON());
  const back = Sequential.fromJSON(JSON.parse(text));
  assert.deepEqual(back.params, m.params);
  assert.deepEqual(back.spec, m.spec);
  assert.deepEqual(back.compiled!.trainSpec, m.compiled!.trainSpec);
  assert.equal(back.compiled!.optimizer.iterations, 24);
  assert.deepEqual(predict(back, X), predict(m, X));
  // Training on from both gives the same weights: the optimizer's moments came along.
  fit(m, X, y);
  fit(back, X, y);
  assert.deepEqual(back.params, m.params);
  assert.equal(JSON.stringify(back.toJSON()), JSON.stringify(m.toJSON()));
});

test('toJSON of an uncompiled model holds spec and weights only', () => {
  const m = sequential([dense(2)], { inputShape: [3], seed: 1 });
  const json = m.toJSON();
  assert.equal(json.format, 'nn-mathlets/sequential');
  assert.equal(json.trainSpec, undefined);
  assert.deepEqual(Sequential.fromJSON(JSON.parse(JSON.stringify(json))).params, m.params);
});

test('clone() copies the weights into a model of the same shape, uncompiled, independent of the original', () => {
  const original = sequential([dense(4, { activation: 'tanh', kernelRegularizer: { l2: 0.01 } }), dense(2, { activation: 'softmax' })], { inputShape: [3], seed: 9 });
  compile(original, { optimizer: adam(), loss: 'categorical_crossentropy', epochs: 1 });
  const copy = original.clone();
  assert.deepEqual(copy.spec, original.spec);
  assert.equal(copy.compiled, null);
  assert.deepEqual(Array.from(copy.params), Array.from(original.params));
  const x = [[0.1, -0.4, 0.9], [1, 2, -3]];
  assert.deepEqual(Array.from(predict(copy, x)), Array.from(predict(original, x)));
  // The clone's layers are views of its own weights: setting them leaves the original as it was.
  const before = Array.from(original.params);
  copy.setWeights(copy.getWeights().map((w) => w.map((v) => v * 2)));
  assert.deepEqual(Array.from(original.params), before);
  assert.equal(copy.layers[1].kernel[0], 2 * original.layers[1].kernel[0]);
  assert.notDeepEqual(Array.from(predict(copy, x)), Array.from(predict(original, x)));
  assert.ok(copy.layers[0].kernelRegularizer, 'the regularizer comes along');
  assert.equal(copy.layers[0].kernelRegularizer, original.layers[0].kernelRegularizer);
});
