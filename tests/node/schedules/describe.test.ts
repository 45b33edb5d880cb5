/**
 * describeSchedule: formulas that KaTeX renders, Keras code with Keras's argument names (and valid Python), and a
 * parameter table that matches the spec's fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import {
  cosineDecay,
  cosineDecayRestarts,
  describeSchedule,
  exponentialDecay,
  inverseTimeDecay,
  oneCycle,
  piecewiseConstantDecay,
  polynomialDecay,
  SCHEDULE_DEFAULTS,
  SCHEDULE_NAMES,
} from '../../../src/schedules/index.js';
import type { ScheduleSpec } from '../../../src/spec/types.js';
import { PYTHON_SKIP, pyCompile } from '../spec/python.js';

const VARIANTS: ScheduleSpec[] = [
  ...SCHEDULE_NAMES.map((n) => SCHEDULE_DEFAULTS[n] as ScheduleSpec),
  exponentialDecay({ initialLearningRate: 1e-3, decaySteps: 1000, decayRate: 0.96, staircase: true }),
  inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true }),
  piecewiseConstantDecay({ boundaries: [100], values: [1, 0.5] }),
  polynomialDecay({ initialLearningRate: 0.1, decaySteps: 100, power: 0.5, cycle: true }),
  cosineDecay({ initialLearningRate: 0, decaySteps: 1000, alpha: 0.1, warmupTarget: 0.1, warmupSteps: 100 }),
  cosineDecay({ initialLearningRate: 0.01, decaySteps: 1000, warmupTarget: 0.1 }),
  cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100, tMul: 1, mMul: 0.5, alpha: 0.01 }),
  oneCycle({ maxLearningRate: 0.05, totalSteps: 500, startLearningRate: 0.001, lastLearningRate: 1e-7 }),
];

test('tex and texSymbolic render with KaTeX for every schedule and variant', () => {
  for (const spec of VARIANTS) {
    const d = describeSchedule(spec);
    for (const tex of [d.tex, d.texSymbolic]) {
      assert.doesNotThrow(() => katex.renderToString(tex, { throwOnError: true }), `${spec.name}: ${tex}`);
      assert.match(tex, /^\\eta\(t\) = /);
    }
    assert.notEqual(d.tex, d.texSymbolic, spec.name);
  }
});

test('tex carries the spec\'s numbers; small ones as powers of ten', () => {
  const d = describeSchedule(exponentialDecay({ initialLearningRate: 1e-3, decaySteps: 1000, decayRate: 0.96, staircase: true }));
  assert.equal(d.tex, '\\eta(t) = 0.001 \\cdot 0.96^{\\left\\lfloor t/1000 \\right\\rfloor}');
  assert.equal(d.texSymbolic, '\\eta(t) = \\eta_0 \\, r^{\\left\\lfloor t/s \\right\\rfloor}');
  const one = describeSchedule(oneCycle({ maxLearningRate: 0.01, totalSteps: 100 }));
  assert.match(one.tex, /10\^\{-6\} & t \\ge 100/);
});

test('kerasCode is the tf.keras constructor with Keras\'s argument names and Python literals', () => {
  const code = (spec: ScheduleSpec) => describeSchedule(spec).kerasCode;
  assert.equal(
    code(exponentialDecay({ initialLearningRate: 0.001, decaySteps: 1000, decayRate: 0.96 })),
    'tf.keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.001, decay_steps=1000, decay_rate=0.96, staircase=False)',
  );
  assert.equal(
    code(piecewiseConstantDecay({ boundaries: [100000, 110000], values: [1, 0.5, 0.1] })),
    // Values written as floats: Keras's tf.case fails on a mix of int and float tensors.
    'tf.keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[100000, 110000], values=[1.0, 0.5, 0.1])',
  );
  assert.equal(
    code(polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5, cycle: true })),
    'tf.keras.optimizers.schedules.PolynomialDecay(initial_learning_rate=0.1, decay_steps=10000, end_learning_rate=0.01, power=0.5, cycle=True)',
  );
  assert.equal(
    code(cosineDecay({ initialLearningRate: 0, decaySteps: 1000, warmupTarget: 0.1, warmupSteps: 1000 })),
    'tf.keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, decay_steps=1000, alpha=0.0, warmup_target=0.1, warmup_steps=1000)',
  );
  assert.equal(
    code(cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 1000 })),
    'tf.keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=1000, t_mul=2.0, m_mul=1.0, alpha=0.0)',
  );
  assert.equal(
    code(inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 })),
    'tf.keras.optimizers.schedules.InverseTimeDecay(initial_learning_rate=0.1, decay_steps=1, decay_rate=0.5, staircase=False)',
  );
  const one = describeSchedule(oneCycle({ maxLearningRate: 0.01, totalSteps: 7500 }));
  assert.equal(one.kerasCode, 'OneCycleSchedule(iterations=7500, max_rate=0.01)');
  assert.match(one.kerasPrelude, /^class OneCycleSchedule\(tf\.keras\.optimizers\.schedules\.LearningRateSchedule\):/);
  for (const n of SCHEDULE_NAMES.filter((x) => x !== 'OneCycle')) assert.equal(describeSchedule(SCHEDULE_DEFAULTS[n] as ScheduleSpec).kerasPrelude, '');
});

test('params list every field with its value (defaults filled in) and its Keras name', () => {
  for (const spec of VARIANTS) {
    const d = describeSchedule(spec);
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'name') continue;
      const p = d.params.find((q) => q.name === key);
      assert.ok(p, `${spec.name}.${key} missing from params`);
      if (value !== 0) assert.deepEqual(p.value, value, `${spec.name}.${key}`);
      assert.ok(d.kerasCode.includes(`${p.kerasName}=`), `${spec.name}: ${p.kerasName} not in ${d.kerasCode}`);
      assert.ok(p.description.length > 10);
    }
  }
  const p = describeSchedule(oneCycle({ maxLearningRate: 0.1, totalSteps: 100 })).params;
  assert.deepEqual(p.map((q) => [q.name, q.value]), [
    ['maxLearningRate', 0.1],
    ['totalSteps', 100],
    ['startLearningRate', 0.01],
    ['lastLearningRate', 0.01 / 1000],
  ]);
});

test('kerasCode (with its prelude) is valid Python', { skip: PYTHON_SKIP }, () => {
  for (const spec of VARIANTS) {
    const d = describeSchedule(spec);
    const source = `import tensorflow as tf\n\n${d.kerasPrelude}\nlr_schedule = ${d.kerasCode}\n`;
    assert.equal(pyCompile(source), null, `${spec.name}:\n${source}`);
  }
});

test('a PiecewiseConstantDecay of many boundaries shows its first and last intervals, short enough to typeset', () => {
  const boundaries = Array.from({ length: 100 }, (_, i) => (i + 1) * 100);
  const d = describeSchedule(piecewiseConstantDecay({ boundaries, values: [...boundaries, 0].map((_, i) => 0.1 / (i + 1)) }));
  for (const tex of [d.tex, d.texSymbolic]) {
    assert.equal(tex.split('\\\\').length, 8, tex);
    assert.match(tex, /\\vdots/);
    assert.ok(tex.length < 1000, `${tex.length} characters`);
    assert.doesNotThrow(() => katex.renderToString(tex, { throwOnError: true }));
  }
  assert.match(d.tex, /t > 10000/);
  const short = describeSchedule(piecewiseConstantDecay({ boundaries: [10, 20], values: [1, 0.5, 0.1] }));
  assert.doesNotMatch(short.tex, /vdots/);
});
