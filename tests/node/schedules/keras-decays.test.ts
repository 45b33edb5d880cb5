/**
 * ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay and PolynomialDecay against Keras: the cases of Keras's
 * own learning_rate_schedule_test.py (tf.keras 2.x), then formula values and edges at exact boundaries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exponentialDecay,
  inverseTimeDecay,
  learningRateAt,
  makeSchedule,
  piecewiseConstantDecay,
  polynomialDecay,
} from '../../../src/schedules/index.js';
import { assertClose, assertMonotone, range } from './helpers.js';

test('ExponentialDecay: Keras testContinuous (0.05, 10, 0.96) at step 5', () => {
  const spec = exponentialDecay({ initialLearningRate: 0.05, decaySteps: 10, decayRate: 0.96 });
  assertClose(learningRateAt(spec, 5), 0.05 * 0.96 ** (5 / 10));
});

test('ExponentialDecay: Keras testStaircase (0.1, 3, 0.96) at steps 1, 2, 100', () => {
  const fn = makeSchedule(exponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.96, staircase: true }));
  assert.equal(fn(1), 0.1);
  assert.equal(fn(2), 0.1);
  assertClose(fn(100), 0.1 * 0.96 ** Math.floor(100 / 3));
});

test('ExponentialDecay: staircase drops exactly at multiples of decaySteps, not before', () => {
  const fn = makeSchedule(exponentialDecay({ initialLearningRate: 0.01, decaySteps: 1000, decayRate: 0.5, staircase: true }));
  assert.equal(fn(0), 0.01);
  assert.equal(fn(999), 0.01);
  assert.equal(fn(1000), 0.005);
  assert.equal(fn(1999), 0.005);
  assert.equal(fn(2000), 0.0025);
});

test('ExponentialDecay: continuous values, monotone for rate < 1', () => {
  const fn = makeSchedule(exponentialDecay({ initialLearningRate: 0.001, decaySteps: 1000, decayRate: 0.96 }));
  assert.equal(fn(0), 0.001);
  assertClose(fn(1000), 0.001 * 0.96);
  assertClose(fn(2500), 0.001 * Math.pow(0.96, 2.5));
  assertMonotone(range(5000).map(fn), 'down');
});

test('InverseTimeDecay: Keras testDecay and testStaircase (0.1, 10, 0.96), steps 0..10', () => {
  const cont = makeSchedule(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96 }));
  const stair = makeSchedule(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.96, staircase: true }));
  for (let i = 0; i <= 10; i++) {
    assertClose(cont(i), 0.1 / (1 + (i / 10) * 0.96), 1e-12, `step ${i}`);
    assertClose(stair(i), 0.1 / (1 + 0.96 * Math.floor(i / 10)), 1e-12, `staircase step ${i}`);
  }
  assert.equal(stair(9), 0.1);
  assertClose(stair(10), 0.1 / 1.96);
  assertMonotone(range(3000).map(cont), 'down');
});

test('PiecewiseConstantDecay: Keras testPiecewiseConstant ([100, 110, 120], [1, 0.1, 0.01, 0.001])', () => {
  const fn = makeSchedule(piecewiseConstantDecay({ boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] }));
  assert.equal(fn(-999), 1.0);
  assert.equal(fn(100), 1.0);
  assert.equal(fn(105), 0.1);
  assert.equal(fn(110), 0.1);
  assert.equal(fn(120), 0.01);
  assert.equal(fn(999), 0.001);
});

test('PiecewiseConstantDecay: Keras edge cases ([1, 2, 3], [0.4, 0.5, 0.6, 0.7]); a boundary keeps the earlier value', () => {
  const fn = makeSchedule(piecewiseConstantDecay({ boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7] }));
  assert.deepEqual([0, 1, 2, 3, 4].map(fn), [0.4, 0.4, 0.5, 0.6, 0.7]);
});

test('PiecewiseConstantDecay: the running schedule does not change when the spec is edited later', () => {
  const spec = piecewiseConstantDecay({ boundaries: [10], values: [1, 0.5] });
  const fn = makeSchedule(spec);
  spec.values[1] = 99;
  assert.equal(fn(11), 0.5);
});

test('PolynomialDecay: Keras linear and sqrt cases (0.05, 10 steps)', () => {
  const lin = (end: number, cycle = false) => makeSchedule(polynomialDecay({ initialLearningRate: 0.05, decaySteps: 10, endLearningRate: end, cycle }));
  const sqrt = (end: number, cycle = false) =>
    makeSchedule(polynomialDecay({ initialLearningRate: 0.05, decaySteps: 10, endLearningRate: end, power: 0.5, cycle }));
  assertClose(lin(0)(5), 0.05 * 0.5); // testHalfWay
  assertClose(lin(0.001)(10), 0.001); // testEnd
  assertClose(lin(0.001)(5), (0.05 + 0.001) * 0.5); // testHalfWayWithEnd
  assertClose(lin(0.001)(15), 0.001); // testBeyondEnd
  assertClose(lin(0.001, true)(15), (0.05 - 0.001) * 0.25 + 0.001); // testBeyondEndWithCycle
  assertClose(sqrt(0)(5), 0.05 * 0.5 ** 0.5);
  assertClose(sqrt(0.001)(10), 0.001);
  assertClose(sqrt(0.001)(5), (0.05 - 0.001) * 0.5 ** 0.5 + 0.001);
  assertClose(sqrt(0.001)(15), 0.001);
  assertClose(sqrt(0.001, true)(15), (0.05 - 0.001) * 0.25 ** 0.5 + 0.001);
});

test('PolynomialDecay: cycle at step 0 uses multiplier 1 (Keras testBeginWithCycle), and jumps after each multiple', () => {
  const fn = makeSchedule(polynomialDecay({ initialLearningRate: 0.001, decaySteps: 10, cycle: true }));
  assert.equal(fn(0), 0.001);
  const end = 0.0001; // Keras's default end_learning_rate
  assertClose(fn(10), end); // exactly at the first multiple: ceil(10/10) = 1, p = 1
  assertClose(fn(11), (0.001 - end) * (1 - 11 / 20) + end); // decays again over 2·s
  assertClose(fn(20), end);
  assertClose(fn(21), (0.001 - end) * (1 - 21 / 30) + end);
  assert.ok(fn(11) > fn(10));
});

test('PolynomialDecay: defaults are Keras\'s (end 0.0001, power 1, no cycle); capped after decaySteps', () => {
  const spec = polynomialDecay({ initialLearningRate: 0.01, decaySteps: 100 });
  assert.deepEqual(spec, { name: 'PolynomialDecay', initialLearningRate: 0.01, decaySteps: 100, endLearningRate: 0.0001, power: 1, cycle: false });
  const fn = makeSchedule(spec);
  assertClose(fn(50), (0.01 - 0.0001) * 0.5 + 0.0001);
  assert.equal(fn(100), fn(1e6));
  assertMonotone(range(200).map(fn), 'down');
});
