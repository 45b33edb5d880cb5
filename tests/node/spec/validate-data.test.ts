/**
 * validateDataSpec: scikit-learn's limits on each data set's arguments, and split sizes against the points there are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDataSpec } from '../../../src/spec/index.js';
import { P1_DATA, P6_DATA } from './homework-specs.js';

const messages = (spec: unknown) => validateDataSpec(spec).map((p) => p.message);

test('the homework\'s data specs validate', () => {
  assert.deepEqual(validateDataSpec(P1_DATA), []);
  assert.deepEqual(validateDataSpec(P6_DATA), []);
  assert.deepEqual(validateDataSpec({ name: 'moons', noise: 0.1 }), []);
  assert.deepEqual(validateDataSpec({ name: 'blobs', nSamples: 300, centers: 4, clusterStd: 0.5, randomState: 3 }), []);
  assert.deepEqual(validateDataSpec({ name: 'semicircle', nSamples: 400, randomState: 0 }), []);
});

test('noise >= 0, factor in [0, 1), nSamples a positive integer, centers and clusterStd positive', () => {
  assert.deepEqual(messages({ name: 'circles', nSamples: 0, noise: -0.1, factor: 1, randomState: 'x' }), [
    'nSamples must be a positive integer, got 0',
    'noise must be a non-negative finite number, got -0.1',
    'factor must be a number in [0, 1), got 1',
    'randomState must be an integer from 0 to 4294967295, got "x"',
  ]);
  assert.deepEqual(messages({ name: 'blobs', centers: 0, clusterStd: 0 }), [
    'centers must be a positive integer, got 0',
    'clusterStd must be a positive finite number, got 0',
  ]);
  assert.deepEqual(messages({ name: 'moons', factor: 0.5 }), ['factor does not apply to the moons data set, got 0.5']);
  assert.match(messages({ name: 'spirals' })[0], /^name must be one of "circles", "moons", "blobs", "semicircle", got "spirals"$/);
  assert.deepEqual(messages([]), ['data spec must be a data object ({ name: "circles", nSamples: 1000, ... }), got []']);
});

test('train_test_split: a fraction in (0, 1) or a count, leaving a point on each side', () => {
  const split = (s: Record<string, unknown>, nSamples = 100) => messages({ name: 'circles', nSamples, split: { kind: 'trainTestSplit', ...s } });
  assert.deepEqual(split({ trainSize: 0.8, randomState: 42 }), []);
  assert.deepEqual(split({ trainSize: 80 }), []);
  assert.deepEqual(split({ trainSize: 1.5 }), ['split.trainSize must be a fraction in (0, 1) or a whole number of points, got 1.5']);
  assert.deepEqual(split({ trainSize: 0 }), ['split.trainSize must be a fraction in (0, 1) or a whole number of points, got 0']);
  assert.deepEqual(split({ trainSize: 100 }), ['split.trainSize must leave at least one point on each side of the split of 100 points (train gets 100), got 100']);
  assert.deepEqual(split({ trainSize: 0.001 }), ['split.trainSize must leave at least one point on each side of the split of 100 points (train gets 0), got 0.001']);
  assert.deepEqual(split({ trainSize: 0.8, scale: [1, -1] }), ['split.scale must be a feature range [min, max] of finite numbers with min < max, got [1,-1]']);
  assert.deepEqual(split({ trainSize: 0.8, train: 5 }), ['split.train does not apply to a trainTestSplit split, got 5']);
  // With scikit-learn's default of 100 points when nSamples is not given.
  assert.deepEqual(messages({ name: 'moons', split: { kind: 'trainTestSplit', trainSize: 100 } }).length, 1);
});

test('slices: non-negative counts (train at least 1) that fit in the data set', () => {
  const slices = (s: Record<string, unknown>, nSamples?: number) => messages({ name: 'circles', nSamples, split: { kind: 'slices', ...s } });
  assert.deepEqual(slices({ train: 200, validation: 200, test: 200 }, 600), []);
  assert.deepEqual(slices({ train: 200, validation: 0, test: 100 }, 600), []);
  assert.deepEqual(slices({ train: 300, validation: 200, test: 200 }, 600), [
    'split takes 700 points (train 300 + validation 200 + test 200), but the data set has 600',
  ]);
  assert.deepEqual(slices({ train: 0, validation: -1, test: 1.5 }, 600), [
    'split.train must be a positive integer, got 0',
    'split.validation must be a non-negative integer, got -1',
    'split.test must be a non-negative integer, got 1.5',
  ]);
  assert.deepEqual(slices({ train: 60, validation: 20, test: 30 }), ['split takes 110 points (train 60 + validation 20 + test 30), but the data set has 100']);
  assert.match(messages({ name: 'circles', split: { kind: 'kfold' } })[0], /^split\.kind must be one of "trainTestSplit", "slices", got "kfold"$/);
});
