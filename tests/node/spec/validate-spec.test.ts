/**
 * validateSpec: the three parts together, paths prefixed by part, and the combinations that make no sense even when
 * each field is fine; SpecError and the assert functions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertValidDataSpec,
  assertValidModelSpec,
  assertValidSpec,
  assertValidTrainSpec,
  SpecError,
  validateSpec,
} from '../../../src/spec/index.js';
import type { ActivationSpec, ModelSpec, TrainSpec } from '../../../src/spec/types.js';
import { CHAIN_RULE_MODEL, CIFAR_MODEL, CIFAR_SCHEDULE_TRAIN, P1_DATA, P1_FIXED_MODEL, P1_FIXED_TRAIN, P6_DATA, P6_EARLY_STOPPING, p6Model } from './homework-specs.js';

/** Problem 1's fixed model with its output layer replaced. */
function withOutput(units: number, activation: ActivationSpec | undefined): ModelSpec {
  const spec = structuredClone(P1_FIXED_MODEL);
  spec.layers[3] = { type: 'dense', units, ...(activation === undefined ? {} : { activation }) };
  return spec;
}
const messages = (model: unknown, train: unknown, data?: unknown) => validateSpec({ model, train, data }).map((p) => p.message);

test('the homework\'s runs validate as a whole', () => {
  assert.deepEqual(validateSpec({ model: P1_FIXED_MODEL, train: P1_FIXED_TRAIN, data: P1_DATA }), []);
  assert.deepEqual(validateSpec({ model: p6Model({ l1: 0.001 }), train: P6_EARLY_STOPPING, data: P6_DATA }), []);
  assert.deepEqual(validateSpec({ model: CIFAR_MODEL, train: CIFAR_SCHEDULE_TRAIN }), []);
});

test('paths are prefixed by the part, and every part\'s problems come back together', () => {
  const model = structuredClone(P1_FIXED_MODEL);
  (model.layers[2] as { units: number }).units = -3;
  const problems = validateSpec({ model, train: { ...P1_FIXED_TRAIN, epochs: 0 }, data: { ...P1_DATA, noise: -1 } });
  assert.deepEqual(problems.map((p) => p.message), [
    'model.layers[2].units must be a positive integer, got -3',
    'train.epochs must be a positive integer, got 0',
    'data.noise must be a non-negative finite number, got -1',
  ]);
  assert.deepEqual(problems.map((p) => p.path), ['model.layers[2].units', 'train.epochs', 'data.noise']);
  assert.deepEqual(messages(undefined, undefined), ['model must be an object, got nothing', 'train must be an object, got nothing']);
});

test('binary_crossentropy with 3 output units is flagged with a clear message', () => {
  assert.deepEqual(messages(withOutput(3, 'sigmoid'), P1_FIXED_TRAIN), [
    'model.layers[3].units is 3, but binary_crossentropy needs 1 output unit (the probability of class 1): use 1 unit with sigmoid, or sparse_categorical_crossentropy with softmax over 3 units',
  ]);
});

test('output activations that do not fit the loss', () => {
  const bce = P1_FIXED_TRAIN;
  const sparse: TrainSpec = { ...P1_FIXED_TRAIN, loss: 'sparse_categorical_crossentropy' };
  assert.deepEqual(messages(withOutput(1, 'softmax'), bce), [
    'model.layers[3].activation is "softmax", but softmax over a single unit always outputs 1, so nothing is learned',
  ]);
  assert.deepEqual(messages(withOutput(1, 'relu'), bce), [
    'model.layers[3].activation is "relu", but binary_crossentropy takes probabilities from a "sigmoid" output layer (or "linear" with fromLogits: true)',
  ]);
  assert.deepEqual(messages(withOutput(1, undefined), bce), [
    'model.layers[3].activation is "linear", but binary_crossentropy takes probabilities; for raw scores set fromLogits: true',
  ]);
  assert.deepEqual(messages(withOutput(1, 'linear'), { ...bce, fromLogits: true }), []);
  assert.deepEqual(messages(withOutput(1, 'sigmoid'), { ...bce, fromLogits: true }), [
    'model.layers[3].activation is "sigmoid", but fromLogits: true means the loss applies sigmoid itself, so the layer must be "linear"',
  ]);
  assert.deepEqual(messages(withOutput(2, 'softmax'), sparse), []);
  assert.deepEqual(messages(withOutput(1, 'softmax'), sparse), [
    'model.layers[3].units is 1, but sparse_categorical_crossentropy needs one output unit per class (at least 2); for two classes with 1 unit use binary_crossentropy',
  ]);
  assert.deepEqual(messages(withOutput(2, 'sigmoid'), sparse), [
    'model.layers[3].activation is "sigmoid", but sparse_categorical_crossentropy takes probabilities from a "softmax" output layer (or "linear" with fromLogits: true)',
  ]);
  // Softmax with a logit scale is still a softmax; mean squared error takes any output.
  assert.deepEqual(messages(CHAIN_RULE_MODEL, sparse), []);
  assert.deepEqual(messages(withOutput(3, 'relu'), { ...bce, loss: 'mean_squared_error' }), []);
  // Dropout after the output layer is looked past.
  const cifar = structuredClone(CIFAR_MODEL);
  cifar.layers.push({ type: 'dropout', rate: 0.1 });
  assert.deepEqual(messages(cifar, { ...CIFAR_SCHEDULE_TRAIN, loss: 'binary_crossentropy' }), [
    'model.layers[11].units is 10, but binary_crossentropy needs 1 output unit (the probability of class 1): use 1 unit with sigmoid, or sparse_categorical_crossentropy with softmax over 10 units',
    'model.layers[11].activation is "softmax", but binary_crossentropy takes probabilities from a "sigmoid" output layer (or "linear" with fromLogits: true)',
  ]);
  assert.deepEqual(messages({ inputShape: [4, 4, 1], layers: [{ type: 'flatten' }] }, sparse), [
    'model.layers[0] is a flatten layer, but sparse_categorical_crossentropy needs a dense output layer (one unit per class)',
  ]);
});

test('data and model must agree: 2 features, the data\'s classes', () => {
  assert.deepEqual(messages({ ...P1_FIXED_MODEL, inputShape: [3] }, P1_FIXED_TRAIN, P1_DATA), [
    'model.inputShape is [3], but the circles data has 2 features: use [2]',
  ]);
  assert.deepEqual(messages(P1_FIXED_MODEL, P1_FIXED_TRAIN, { name: 'blobs', centers: 4 }), [
    'train.loss is binary_crossentropy, but the blobs data has 4 classes: use sparse_categorical_crossentropy',
  ]);
  assert.deepEqual(messages(withOutput(2, 'softmax'), { ...P1_FIXED_TRAIN, loss: 'sparse_categorical_crossentropy' }, { name: 'blobs' }), [
    'model.layers[3].units is 2, but the blobs data has 3 classes: use 3 units',
  ]);
});

test('monitoring val_* needs validation data (Keras\'s default monitor is val_loss)', () => {
  const train: TrainSpec = { ...P1_FIXED_TRAIN, callbacks: [{ name: 'EarlyStopping', patience: 5 }] };
  assert.deepEqual(messages(P1_FIXED_MODEL, train, { name: 'circles' }), [
    'train.callbacks[0].monitor is "val_loss", but there is no validation data: set train.validationSplit, or give data.split validation points',
  ]);
  assert.deepEqual(messages(P1_FIXED_MODEL, { ...train, validationSplit: 0.2 }, { name: 'circles' }), []);
  assert.deepEqual(messages(P1_FIXED_MODEL, train, P1_DATA), []); // problem 1 validates on its test split
  assert.deepEqual(messages(P1_FIXED_MODEL, train, { ...P6_DATA, split: { kind: 'slices', train: 400, validation: 0, test: 200 } }).length, 1);
  assert.deepEqual(messages(P1_FIXED_MODEL, { ...train, callbacks: [{ name: 'EarlyStopping', monitor: 'loss' }] }, { name: 'circles' }), []);
});

test('SpecError lists every problem in its message; assertValidSpec throws it', () => {
  const model = structuredClone(P1_FIXED_MODEL);
  (model.layers[2] as { units: number }).units = -3;
  assert.throws(
    () => assertValidSpec({ model, train: { ...P1_FIXED_TRAIN, batchSize: 0 } }),
    (err: unknown) => {
      assert.ok(err instanceof SpecError && err instanceof Error);
      assert.equal(err.name, 'SpecError');
      assert.equal(
        err.message,
        '2 problems in the spec:\n- model.layers[2].units must be a positive integer, got -3\n- train.batchSize must be a positive integer, got 0',
      );
      assert.equal(err.problems.length, 2);
      return true;
    },
  );
  assert.doesNotThrow(() => assertValidSpec({ model: P1_FIXED_MODEL, train: P1_FIXED_TRAIN, data: P1_DATA }));
  assert.throws(() => assertValidModelSpec({ inputShape: [2], layers: [] }), /1 problem in the model spec:\n- layers must be a non-empty array/);
  assert.throws(() => assertValidTrainSpec({ ...P1_FIXED_TRAIN, loss: 'x' }), SpecError);
  assert.throws(() => assertValidDataSpec({ name: 'circles', factor: 2 }), /factor must be a number in \[0, 1\), got 2/);
});
