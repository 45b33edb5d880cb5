/**
 * validateTrainSpec: optimizer and hyperparameter ranges, loss, batch and epochs, validation split, callbacks, and
 * the combinations Keras refuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTrainSpec } from '../../../src/spec/index.js';
import { CIFAR_SCHEDULE_TRAIN, P1_BAD_TRAIN, P1_FIXED_TRAIN, P6_EARLY_STOPPING, P6_TRAIN } from './homework-specs.js';

const base = { optimizer: { name: 'adam' }, loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 10 };
const messages = (extra: Record<string, unknown>) => validateTrainSpec({ ...base, ...extra }).map((p) => p.message);
const opt = (optimizer: Record<string, unknown>) => messages({ optimizer });

test('the homework\'s train specs validate', () => {
  for (const spec of [P1_BAD_TRAIN, P1_FIXED_TRAIN, P6_TRAIN, P6_EARLY_STOPPING, CIFAR_SCHEDULE_TRAIN]) assert.deepEqual(validateTrainSpec(spec), []);
});

test('optimizer names and hyperparameter ranges', () => {
  assert.match(opt({ name: 'adamw' })[0], /^optimizer\.name must be one of "sgd", "rmsprop", "adam", "adagrad", "nadam", got "adamw"$/);
  assert.deepEqual(opt({ name: 'adam', learningRate: 0 }), ['optimizer.learningRate must be a positive finite number, got 0']);
  assert.deepEqual(opt({ name: 'adam', learningRate: Infinity }), ['optimizer.learningRate must be a positive finite number, got Infinity']);
  assert.deepEqual(opt({ name: 'adam', learningRate: 'fast' }), [
    'optimizer.learningRate must be a positive finite number or a schedule ({ name: "ExponentialDecay", ... }), got "fast"',
  ]);
  assert.deepEqual(opt({ name: 'adam', beta1: 1, beta2: -0.1, epsilon: 0, amsgrad: 1 }), [
    'optimizer.beta1 must be a number in [0, 1), got 1',
    'optimizer.beta2 must be a number in [0, 1), got -0.1',
    'optimizer.epsilon must be a positive finite number, got 0',
    'optimizer.amsgrad must be true or false, got 1',
  ]);
  assert.deepEqual(opt({ name: 'rmsprop', rho: 1, momentum: -1 }), [
    'optimizer.rho must be a number in [0, 1), got 1',
    'optimizer.momentum must be a number in [0, 1], got -1',
  ]);
  assert.deepEqual(opt({ name: 'sgd', momentum: 0.9, nesterov: true }), []);
  assert.deepEqual(opt({ name: 'rmsprop', epsilonPlacement: 'outside' }), []);
  assert.deepEqual(opt({ name: 'rmsprop', epsilonPlacement: 'under' }), ['optimizer.epsilonPlacement must be one of "outside", "inside", got "under"']);
  assert.deepEqual(opt({ name: 'adam', epsilonPlacement: 'inside' }), ['optimizer.epsilonPlacement does not apply to adam, got "inside"']);
  assert.deepEqual(opt({ name: 'sgd', momentum: 1.5 }), ['optimizer.momentum must be a number in [0, 1], got 1.5']);
  assert.deepEqual(opt({ name: 'adagrad', initialAccumulatorValue: -1 }), ['optimizer.initialAccumulatorValue must be a non-negative finite number, got -1']);
  assert.deepEqual(opt({ name: 'adam', momentum: 0.9 }), ['optimizer.momentum does not apply to adam, got 0.9']);
  assert.deepEqual(messages({ optimizer: 'adam' }), ['optimizer must be an optimizer object ({ name: "adam", learningRate: 0.001 }), got "adam"']);
});

test('a schedule as the learning rate is validated field by field, under its path', () => {
  assert.deepEqual(opt({ name: 'sgd', learningRate: { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.9 } }), [
    'optimizer.learningRate.decaySteps must be a positive finite number, got 0',
  ]);
  assert.deepEqual(opt({ name: 'sgd', learningRate: { name: 'PiecewiseConstantDecay', boundaries: [10, 20], values: [0.1, 0.01] } }), [
    'optimizer.learningRate.values must have one more entry than boundaries (3), got 2',
  ]);
});

test('loss, batch size, epochs, validation split, shuffle, seed, metrics', () => {
  assert.match(messages({ loss: 'hinge' })[0], /^loss must be one of "binary_crossentropy", .*got "hinge"$/);
  assert.deepEqual(messages({ batchSize: 0, epochs: 2.5, validationSplit: 1, shuffle: 'yes', seed: -1, metrics: ['auc'] }), [
    'metrics[0] must be one of "accuracy", got "auc"',
    'batchSize must be a positive integer, got 0',
    'epochs must be a positive integer, got 2.5',
    'shuffle must be true or false, got "yes"',
    'seed must be an integer from 0 to 4294967295, got -1',
    'validationSplit must be a number in [0, 1), got 1',
  ]);
  assert.deepEqual(messages({ epochs: undefined }), ['epochs must be a positive integer, got nothing']);
  assert.deepEqual(messages({ loss: 'mean_squared_error', fromLogits: true }), [
    'fromLogits applies only to the cross-entropy losses, not mean_squared_error, got true',
  ]);
  assert.deepEqual(validateTrainSpec('x').map((p) => p.message), ['train spec must be an object, got "x"']);
});

test('callbacks: patience, factor, monitor, mode, unknown names, foreign fields', () => {
  const cb = (...callbacks: unknown[]) => messages({ callbacks });
  assert.deepEqual(cb({ name: 'EarlyStopping', patience: -1, minDelta: -0.1, monitor: 'val_acc', restoreBestWeights: 'yes' }), [
    'callbacks[0].monitor must be one of "loss", "val_loss", "accuracy", "val_accuracy", got "val_acc"',
    'callbacks[0].minDelta must be a non-negative finite number, got -0.1',
    'callbacks[0].patience must be a non-negative integer, got -1',
    'callbacks[0].restoreBestWeights must be true or false, got "yes"',
  ]);
  assert.deepEqual(cb({ name: 'ReduceLROnPlateau', factor: 1, patience: 2.5, cooldown: -1, minLr: -1 }), [
    'callbacks[0].factor must be a number in (0, 1), got 1',
    'callbacks[0].patience must be a non-negative integer, got 2.5',
    'callbacks[0].cooldown must be a non-negative integer, got -1',
    'callbacks[0].minLr must be a non-negative finite number, got -1',
  ]);
  assert.deepEqual(cb({ name: 'ReduceLROnPlateau', factor: 0 }), ['callbacks[0].factor must be a number in (0, 1), got 0']);
  assert.match(cb({ name: 'ModelCheckpoint' })[0], /^callbacks\[0\]\.name must be one of "EarlyStopping", .*got "ModelCheckpoint"$/);
  assert.deepEqual(cb({ name: 'TerminateOnNaN', patience: 3 }), ['callbacks[0].patience does not apply to TerminateOnNaN, got 3']);
  assert.deepEqual(cb({ name: 'LearningRateScheduler', schedule: { name: 'CosineDecay', initialLearningRate: 0.1, decaySteps: -1 }, perEpoch: false }), [
    'callbacks[0].schedule.decaySteps must be a positive finite number, got -1',
  ]);
  assert.deepEqual(cb({ name: 'LearningRateScheduler' }), [
    'callbacks[0].schedule must be a schedule object ({ name: "ExponentialDecay", ... }), got nothing',
  ]);
  assert.deepEqual(cb({ name: 'EarlyStopping', monitor: 'val_accuracy', mode: 'min' }), [
    'callbacks[0].mode is "min", but val_accuracy should rise: use "max" or "auto"',
  ]);
  assert.deepEqual(messages({ callbacks: { name: 'EarlyStopping' } }), ['callbacks must be an array of callbacks, got {"name":"EarlyStopping"}']);
});

test('combinations Keras refuses or ignores: callbacks on a scheduled rate, monitoring an unrecorded metric', () => {
  const schedule = { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.9 };
  const problems = validateTrainSpec({
    ...base,
    optimizer: { name: 'sgd', learningRate: schedule },
    callbacks: [{ name: 'ReduceLROnPlateau', factor: 0.5 }, { name: 'LearningRateScheduler', schedule }],
  });
  assert.deepEqual(problems.map((p) => p.path), ['callbacks[0]', 'callbacks[1]']);
  assert.equal(
    problems[0].message,
    'callbacks[0] (ReduceLROnPlateau) cannot change the learning rate of an optimizer whose learningRate is a schedule; use a number there',
  );
  assert.deepEqual(messages({ metrics: [], callbacks: [{ name: 'EarlyStopping', monitor: 'val_accuracy' }] }), [
    'callbacks[0].monitor is "val_accuracy", but metrics does not include "accuracy", so it is never recorded',
  ]);
});
