/**
 * Bad schedule specs are refused with every problem named, by validateScheduleSpec and by makeSchedule itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../../src/spec/index.js';
import {
  SCHEDULE_DEFAULTS,
  SCHEDULE_NAMES,
  defaultSchedule,
  describeSchedule,
  makeSchedule,
  validateScheduleSpec,
} from '../../../src/schedules/index.js';
import type { ScheduleSpec } from '../../../src/spec/types.js';

const messages = (spec: unknown) => validateScheduleSpec(spec).map((p) => p.message);

test('every default schedule validates and gives finite, non-negative rates', () => {
  assert.deepEqual([...SCHEDULE_NAMES], [
    'ExponentialDecay',
    'PiecewiseConstantDecay',
    'InverseTimeDecay',
    'PolynomialDecay',
    'CosineDecay',
    'CosineDecayRestarts',
    'OneCycle',
  ]);
  for (const name of SCHEDULE_NAMES) {
    const spec = SCHEDULE_DEFAULTS[name];
    assert.equal(spec.name, name);
    assert.deepEqual(validateScheduleSpec(spec), [], name);
    const fn = makeSchedule(spec as ScheduleSpec);
    for (let step = 0; step < 20_000; step += 97) {
      const v = fn(step);
      assert.ok(Number.isFinite(v) && v >= 0, `${name} at ${step}: ${v}`);
    }
  }
});

test('defaultSchedule returns a fresh copy to edit', () => {
  const a = defaultSchedule('PiecewiseConstantDecay');
  a.values[0] = 123;
  assert.notEqual(defaultSchedule('PiecewiseConstantDecay').values[0], 123);
});

test('decaySteps must be positive: 0, negative, NaN and strings are refused, naming the field', () => {
  for (const bad of [0, -5, NaN, Infinity, 'abc']) {
    assert.deepEqual(messages({ name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: bad, decayRate: 0.9 }), [
      `decaySteps must be a positive finite number, got ${typeof bad === 'string' ? '"abc"' : String(bad)}`,
    ]);
  }
});

test('every problem is reported at once, not just the first', () => {
  const problems = validateScheduleSpec({ name: 'PolynomialDecay', initialLearningRate: -1, decaySteps: 0, endLearningRate: -0.1, power: 0, cycle: 'yes' });
  assert.deepEqual(problems.map((p) => p.path), ['initialLearningRate', 'decaySteps', 'endLearningRate', 'power', 'cycle']);
  assert.equal(problems[4].message, 'cycle must be true or false, got "yes"');
});

test('PiecewiseConstantDecay: values.length must be boundaries.length + 1, boundaries strictly increasing', () => {
  assert.deepEqual(messages({ name: 'PiecewiseConstantDecay', boundaries: [100, 200], values: [1, 0.5] }), [
    'values must have one more entry than boundaries (3), got 2',
  ]);
  assert.deepEqual(messages({ name: 'PiecewiseConstantDecay', boundaries: [100, 100, 50], values: [1, 0.5, 0.2, 0.1] }), [
    'boundaries[1] must be greater than boundaries[0] (100), got 100',
    'boundaries[2] must be greater than boundaries[1] (100), got 50',
  ]);
  assert.deepEqual(messages({ name: 'PiecewiseConstantDecay', boundaries: [], values: [1] }), [
    'boundaries must be a non-empty array of steps, got []',
  ]);
  assert.deepEqual(messages({ name: 'PiecewiseConstantDecay', boundaries: [10], values: [1, -0.5] }), [
    'values[1] must be a non-negative finite number, got -0.5',
  ]);
});

test('CosineDecay: alpha in [0, 1], warmup fields, and warmupSteps without a target named', () => {
  assert.deepEqual(messages({ name: 'CosineDecay', initialLearningRate: 0.1, decaySteps: 10, alpha: 1.5 }), ['alpha must be a number in [0, 1], got 1.5']);
  assert.deepEqual(messages({ name: 'CosineDecay', initialLearningRate: 0.1, decaySteps: 10, warmupSteps: 100 }), [
    'warmupSteps has no effect without warmupTarget (the rate to warm up to), got 100',
  ]);
  assert.deepEqual(messages({ name: 'CosineDecay', initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 5 }), []);
  assert.deepEqual(messages({ name: 'CosineDecay', initialLearningRate: 0, decaySteps: 10 }), [
    'initialLearningRate must be a positive finite number, got 0',
  ]);
});

test('CosineDecayRestarts: tMul below 1 is refused (Keras would return NaN past a finite horizon)', () => {
  assert.deepEqual(messages({ name: 'CosineDecayRestarts', initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 0.5, mMul: -1 }), [
    'tMul must be a finite number >= 1 (periods that shrink end in NaN rates), got 0.5',
    'mMul must be a non-negative finite number, got -1',
  ]);
});

test('OneCycle: totalSteps a positive integer, rates positive', () => {
  assert.deepEqual(messages({ name: 'OneCycle', maxLearningRate: 0, totalSteps: 10.5, startLearningRate: -1 }), [
    'maxLearningRate must be a positive finite number, got 0',
    'totalSteps must be a positive integer, got 10.5',
    'startLearningRate must be a positive finite number, got -1',
  ]);
});

test('unknown names, non-objects and fields of another schedule are named', () => {
  assert.match(messages({ name: 'StepDecay' })[0], /^name must be one of "ExponentialDecay", .*got "StepDecay"$/);
  assert.deepEqual(messages(0.01), ['schedule must be a schedule object ({ name: "ExponentialDecay", ... }), got 0.01']);
  assert.deepEqual(messages({ name: 'InverseTimeDecay', initialLearningRate: 0.1, decaySteps: 10, decayRate: 1, cycle: true }), [
    'cycle does not apply to InverseTimeDecay, got true',
  ]);
});

test('makeSchedule and describeSchedule throw a SpecError listing every problem', () => {
  const bad = { name: 'ExponentialDecay', initialLearningRate: 'abc', decaySteps: -3, decayRate: 0.9 } as unknown as ScheduleSpec;
  for (const call of [() => makeSchedule(bad), () => describeSchedule(bad)]) {
    assert.throws(call, (err: unknown) => {
      assert.ok(err instanceof SpecError);
      assert.equal(err.problems.length, 2);
      assert.match(err.message, /initialLearningRate must be a positive finite number, got "abc"/);
      assert.match(err.message, /decaySteps must be a positive finite number, got -3/);
      return true;
    });
  }
});
