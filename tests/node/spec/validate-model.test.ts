/**
 * validateModelSpec: every problem with its path and value; the homework's models pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateModelSpec } from '../../../src/spec/index.js';
import { CHAIN_RULE_MODEL, CIFAR_MODEL, P1_BAD_MODEL, P1_FIXED_MODEL, p6Model } from './homework-specs.js';

const messages = (spec: unknown) => validateModelSpec(spec).map((p) => p.message);
const dense = (extra: Record<string, unknown>) => ({ inputShape: [2], layers: [{ type: 'dense', units: 1, ...extra }] });

test('the homework\'s models validate', () => {
  for (const spec of [P1_BAD_MODEL, P1_FIXED_MODEL, p6Model(), p6Model({ l1: 0.001 }), p6Model({ l2: 0.01 }), CIFAR_MODEL, CHAIN_RULE_MODEL]) {
    assert.deepEqual(validateModelSpec(spec), []);
  }
});

test('a bad unit count is named with its path and value', () => {
  const spec = structuredClone(P1_FIXED_MODEL);
  (spec.layers[2] as { units: number }).units = -3;
  assert.deepEqual(validateModelSpec(spec), [{ path: 'layers[2].units', message: 'layers[2].units must be a positive integer, got -3', value: -3 }]);
  for (const bad of [0, 2.5, '5', null]) {
    (spec.layers[2] as { units: unknown }).units = bad;
    assert.equal(messages(spec).length, 1, String(bad));
  }
});

test('every problem is returned, not just the first', () => {
  const problems = validateModelSpec({
    inputShape: [2],
    seed: -1,
    layers: [
      { type: 'dense', units: 0, activation: 'relux' },
      { type: 'dnse', units: 3 },
      { type: 'dense', units: 2, kernelInitializer: 'he_nromal', kernelRegularizer: { l1: 'abc' } },
    ],
  });
  assert.deepEqual(problems.map((p) => p.path), [
    'seed',
    'layers[0].units',
    'layers[0].activation',
    'layers[1].type',
    'layers[2].kernelInitializer',
    'layers[2].kernelRegularizer.l1',
  ]);
  assert.equal(problems[1 + 2].message, 'layers[1].type must be one of "dense", "conv2d", "maxPooling2d", "dropout", "flatten", got "dnse"');
  assert.equal(problems[5].message, 'layers[2].kernelRegularizer.l1 must be a non-negative finite number, got "abc"');
  assert.equal(problems[5].value, 'abc');
});

test('activations: names, alpha only for leaky_relu/elu, scale only for softmax', () => {
  assert.match(messages(dense({ activation: 'swish' }))[0], /^layers\[0\]\.activation must be one of "linear", .*got "swish"$/);
  assert.deepEqual(messages(dense({ activation: { name: 'leaky_relu', alpha: 0.1 } })), []);
  assert.deepEqual(messages(dense({ activation: { name: 'elu', alpha: -1 } })), ['layers[0].activation.alpha must be a non-negative finite number, got -1']);
  assert.deepEqual(messages(dense({ activation: { name: 'relu', alpha: 0.1 } })), [
    'layers[0].activation.alpha does not apply to relu (only leaky_relu and elu take alpha), got 0.1',
  ]);
  assert.deepEqual(messages(dense({ activation: { name: 'softmax', scale: 0 } })), ['layers[0].activation.scale must be a positive finite number, got 0']);
  assert.deepEqual(messages(dense({ activation: { name: 'sigmoid', scale: 10 } })), [
    'layers[0].activation.scale does not apply to sigmoid (only softmax takes a logit scale), got 10',
  ]);
  assert.deepEqual(messages(dense({ activation: 3 })), [
    'layers[0].activation must be an activation name (linear, sigmoid, tanh, relu, leaky_relu, elu, softplus, softmax) or { name, alpha?, scale? }, got 3',
  ]);
});

test('initializers: names, their own parameters, minval < maxval, stddev > 0, seeds', () => {
  const init = (kernelInitializer: unknown) => messages(dense({ kernelInitializer }));
  assert.deepEqual(init({ name: 'random_uniform', minval: 1, maxval: -1 }), [
    'layers[0].kernelInitializer.minval must be less than layers[0].kernelInitializer.maxval, got minval 1 and maxval -1',
  ]);
  assert.equal(init({ name: 'random_uniform', maxval: -1 }).length, 1); // against the default minval -0.05
  assert.equal(init({ name: 'random_uniform', minval: 0.5 }).length, 1); // against the default maxval 0.05
  assert.deepEqual(init({ name: 'random_uniform', minval: -1, maxval: 1, seed: 42 }), []);
  assert.deepEqual(init({ name: 'random_normal', stddev: 0 }), ['layers[0].kernelInitializer.stddev must be a positive finite number, got 0']);
  assert.deepEqual(init({ name: 'truncated_normal', stddev: -1, mean: NaN }), [
    'layers[0].kernelInitializer.mean must be a finite number, got NaN',
    'layers[0].kernelInitializer.stddev must be a positive finite number, got -1',
  ]);
  assert.deepEqual(init({ name: 'he_normal', stddev: 2 }), ['layers[0].kernelInitializer.stddev does not apply to he_normal (it takes seed), got 2']);
  assert.deepEqual(init({ name: 'zeros', seed: 1 }), ['layers[0].kernelInitializer.seed does not apply to zeros (it takes no arguments), got 1']);
  assert.deepEqual(init({ name: 'glorot_uniform', seed: 1.5 }), ['layers[0].kernelInitializer.seed must be an integer from 0 to 4294967295, got 1.5']);
  assert.deepEqual(init({ name: 'constant', value: 'x' }), ['layers[0].kernelInitializer.value must be a finite number, got "x"']);
  assert.match(init('xavier')[0], /^layers\[0\]\.kernelInitializer must be one of "zeros", .*got "xavier"$/);
});

test('regularizers: non-negative finite coefficients', () => {
  assert.deepEqual(messages(dense({ kernelRegularizer: { l1: -0.1, l2: Infinity } })), [
    'layers[0].kernelRegularizer.l1 must be a non-negative finite number, got -0.1',
    'layers[0].kernelRegularizer.l2 must be a non-negative finite number, got Infinity',
  ]);
  assert.deepEqual(messages(dense({ biasRegularizer: 0.01 })), ['layers[0].biasRegularizer must be a regularizer { l1?, l2? }, got 0.01']);
  assert.deepEqual(messages(dense({ activityRegularizer: { l2: 0.01 }, useBias: 'no' })), ['layers[0].useBias must be true or false, got "no"']);
});

test('shapes: inputShape, a dense layer on an image needs a flatten, conv windows must fit', () => {
  assert.deepEqual(messages({ inputShape: [], layers: [{ type: 'dense', units: 1 }] }), [
    'inputShape must be a non-empty array of positive integers ([2] for the 2-D labs, [32, 32, 3] for CIFAR-10), got []',
  ]);
  assert.deepEqual(messages({ inputShape: [2, 0], layers: [{ type: 'flatten' }] }), ['inputShape[1] must be a positive integer, got 0']);
  const noFlatten = structuredClone(CIFAR_MODEL);
  noFlatten.layers.splice(8, 1);
  assert.deepEqual(messages(noFlatten), ['layers[8] (dense) needs a flat input, but its input has shape [6, 6, 64]; add a flatten layer before it']);
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }] }), [
    'layers[0] (conv2d) needs an image input [height, width, channels], but its input has shape [2]',
  ]);
  assert.deepEqual(messages({ inputShape: [4, 4, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 5 }, { type: 'flatten' }] }), [
    'layers[0].kernelSize must fit in the input 4×4 (padding "valid"), got 5',
  ]);
  assert.deepEqual(messages({ inputShape: [4, 4, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 5, padding: 'same' }, { type: 'flatten' }] }), []);
  assert.deepEqual(messages({ inputShape: [4, 4, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: [3, 0] }] }), [
    'layers[0].kernelSize must be a positive integer or a pair [height, width] of them, got [3,0]',
  ]);
});

test('dropout rate in [0, 1), names unique, fields of other layer types named, non-objects refused', () => {
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'dropout', rate: 1 }, { type: 'dense', units: 1 }] }), [
    'layers[0].rate must be a number in [0, 1), got 1',
  ]);
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'dense', units: 2, name: 'a' }, { type: 'dense', units: 1, name: 'a' }] }), [
    'layers[1].name must be unique (layers[0] has it too), got "a"',
  ]);
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'dense', units: 1, filters: 3 }] }), ['layers[0].filters does not apply to a dense layer, got 3']);
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'dense', units: 1, name: "it's" }] }), [
    'layers[0].name must be a name TensorFlow accepts (letters, digits and _ . - / >, not starting with _ - / >), got "it\'s"',
  ]);
  assert.deepEqual(messages({ inputShape: [2], layers: [{ type: 'dense', units: 1, name: 'dense_1' }] }), []);
  assert.deepEqual(messages(null), ['model spec must be an object, got null']);
  assert.deepEqual(messages({ inputShape: [2], layers: [] }), ['layers must be a non-empty array of layers, got []']);
  assert.deepEqual(messages({ inputShape: [2], layers: [5] }), ['layers[0] must be a layer object ({ type: "dense", units: 5, ... }), got 5']);
});
