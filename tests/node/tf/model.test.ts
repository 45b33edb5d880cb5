// ModelSpec → TF.js layers on the cpu backend in Node: the homework CNN's layers and parameter count, Keras's
// names, activations that need an extra layer, refusals, and initial weights equal to the small engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { buildModel as buildDense } from '../../../src/nn/index.js';
import { SpecError, type ModelSpec } from '../../../src/spec/index.js';
import {
  buildModel,
  cifarCnn,
  CIFAR_CNN_PARAMS,
  computeFans,
  describeModel,
  summarizeModel,
  TfError,
} from '../../../src/tf/index.js';

await tf.setBackend('cpu');

test('cifarCnn() is the homework network: 1,250,858 parameters, Keras names and shapes', () => {
  assert.equal(CIFAR_CNN_PARAMS, 1_250_858);
  const summary = summarizeModel(cifarCnn());
  assert.equal(summary.params, 1_250_858);
  const model = buildModel(cifarCnn());
  try {
    assert.equal(model.countParams(), 1_250_858);
    const info = describeModel(model);
    assert.deepEqual(
      info.layers.map((l) => `${l.className}:${l.name}:${l.outputShape.join('x')}:${l.params}`),
      [
        'Conv2D:conv2d:32x32x32:896',
        'Conv2D:conv2d_1:30x30x32:9248',
        'MaxPooling2D:max_pooling2d:15x15x32:0',
        'Dropout:dropout:15x15x32:0',
        'Conv2D:conv2d_2:15x15x64:18496',
        'Conv2D:conv2d_3:13x13x64:36928',
        'MaxPooling2D:max_pooling2d_1:6x6x64:0',
        'Dropout:dropout_1:6x6x64:0',
        'Flatten:flatten:2304:0',
        'Dense:dense:512:1180160',
        'Dropout:dropout_2:512:0',
        'Dense:dense_1:10:5130',
      ],
    );
    // The spec-only summary agrees with the built model, layer by layer.
    assert.deepEqual(
      summary.layers.map((l) => [l.name, l.outputShape, l.params]),
      info.layers.map((l) => [l.name, l.outputShape, l.params]),
    );
    assert.deepEqual(info.inputShape, [32, 32, 3]);
    assert.equal(info.outputUnits, 10);
    assert.equal(summarizeModel(cifarCnn({ classes: 4 })).params, 1_250_858 - 6 * 513);
  } finally {
    model.dispose();
  }
});

test('the same spec builds the same weights; another seed builds others', async () => {
  const spec: ModelSpec = { ...cifarCnn(), seed: 5 };
  const a = buildModel(spec);
  const b = buildModel(spec);
  const c = buildModel({ ...spec, seed: 6 });
  const first = async (m: tf.LayersModel) => Array.from(await m.getWeights()[0].data()).slice(0, 20);
  assert.deepEqual(await first(a), await first(b));
  assert.notDeepEqual(await first(a), await first(c));
  // Biases start at zero (Keras's default).
  assert.ok((await a.getWeights()[1].data()).every((v) => v === 0));
  [a, b, c].forEach((m) => m.dispose());
});

test('a dense spec starts from the small engine’s weights, bit for bit in float32', async () => {
  const spec: ModelSpec = {
    inputShape: [2],
    seed: 3,
    layers: [
      { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: { name: 'random_uniform', minval: -1, maxval: 1 } },
      { type: 'dense', units: 5, activation: 'relu', kernelInitializer: 'he_normal', biasInitializer: 'ones' },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
  };
  const small = buildDense(spec).getWeights();
  const model = buildModel(spec);
  const ours = await Promise.all(model.getWeights().map((w) => w.data()));
  assert.equal(ours.length, small.length);
  ours.forEach((w, i) => assert.deepEqual(Array.from(w), Array.from(Float32Array.from(small[i])), `weight ${i}`));
  model.dispose();
});

test('he_normal on a conv kernel has Keras’s spread: truncated normal, stddev sqrt(2 / fan_in)', async () => {
  const model = buildModel({
    inputShape: [16, 16, 8],
    layers: [{ type: 'conv2d', filters: 64, kernelSize: 3, kernelInitializer: 'he_normal' }],
  });
  const k = Array.from(await model.getWeights()[0].data());
  const [fanIn] = computeFans([3, 3, 8, 64]);
  assert.equal(fanIn, 72);
  const std = Math.sqrt(k.reduce((a, v) => a + v * v, 0) / k.length);
  assert.ok(Math.abs(std - Math.sqrt(2 / 72)) < 0.01, `std ${std}`);
  const limit = (2 * Math.sqrt(2 / 72)) / 0.87962566103423978;
  assert.ok(k.every((v) => Math.abs(v) <= limit + 1e-6));
  model.dispose();
});

test('leaky_relu becomes a LeakyReLU layer after the weighted one, with the small engine’s default slope', () => {
  const model = buildModel({
    inputShape: [4],
    layers: [
      { type: 'dense', units: 3, activation: 'leaky_relu' },
      { type: 'dense', units: 2, activation: { name: 'leaky_relu', alpha: 0.1 } },
    ],
  });
  assert.deepEqual(
    model.layers.map((l) => l.getClassName()),
    ['Dense', 'LeakyReLU', 'Dense', 'LeakyReLU'],
  );
  assert.equal((model.layers[1].getConfig() as { alpha: number }).alpha, 0.3);
  assert.equal((model.layers[3].getConfig() as { alpha: number }).alpha, 0.1);
  model.dispose();
});

test('what the TF engine cannot build is refused by name', () => {
  assert.throws(
    () => buildModel({ inputShape: [2], layers: [{ type: 'dense', units: 1, activityRegularizer: { l2: 0.1 } }] }),
    (e: unknown) => e instanceof TfError && e.code === 'spec' && /layers\[0\]\.activityRegularizer/.test(e.message),
  );
  assert.throws(
    () => buildModel({ inputShape: [2], layers: [{ type: 'dense', units: 2, activation: { name: 'softmax', scale: 10 } }] }),
    (e: unknown) => e instanceof TfError && /scale/.test(e.message),
  );
  assert.throws(
    () => summarizeModel({ inputShape: [4, 4, 1], layers: [{ type: 'conv2d', filters: 1, kernelSize: 5 }] }),
    (e: unknown) => e instanceof TfError && /layers\[0\] \(conv2d\)/.test(e.message),
  );
  assert.throws(
    () => buildModel({ inputShape: [2], layers: [{ type: 'dense', units: 2, activation: { name: 'elu', alpha: 0.5 } }] }),
    (e: unknown) => e instanceof TfError && /layers\[0\]\.activation\.alpha/.test(e.message),
  );
  // The shared validator speaks first, naming every problem.
  assert.throws(
    () => buildModel({ inputShape: [2], layers: [] }),
    (e: unknown) => e instanceof SpecError && /layers must be a non-empty array/.test(e.message),
  );
});
