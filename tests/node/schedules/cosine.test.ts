/**
 * CosineDecay (with Keras 2.13's warmup) and CosineDecayRestarts against the references in Keras's
 * learning_rate_schedule_test.py: its np_cosine_decay, and np_cosine_decay_restarts, which walks the periods in a
 * loop rather than using the closed form with logarithms that the schedule itself uses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosineDecay, cosineDecayRestarts, makeSchedule, restartPeriod } from '../../../src/schedules/index.js';
import { assertClose, assertMonotone, range } from './helpers.js';

/** Keras's test reference np_cosine_decay. */
function npCosineDecay(step: number, decaySteps: number, alpha = 0): number {
  const s = Math.min(step, decaySteps);
  const decay = 0.5 * (1 + Math.cos(Math.PI * (s / decaySteps)));
  return (1 - alpha) * decay + alpha;
}

/** Keras's test reference np_cosine_decay_restarts: subtract whole periods in a loop. */
function npCosineDecayRestarts(step: number, decaySteps: number, tMul = 2, mMul = 1, alpha = 0): number {
  let fac = 1;
  while (step >= decaySteps) {
    step -= decaySteps;
    decaySteps *= tMul;
    fac *= mMul;
  }
  const decay = fac * 0.5 * (1 + Math.cos(Math.PI * (step / decaySteps)));
  return (1 - alpha) * decay + alpha;
}

test('CosineDecay: Keras testDecay and testAlpha (1.0, 1000 steps), steps 0..1250 by 250', () => {
  for (const alpha of [0, 0.1]) {
    const fn = makeSchedule(cosineDecay({ initialLearningRate: 1, decaySteps: 1000, alpha }));
    for (let step = 0; step < 1500; step += 250) assertClose(fn(step), npCosineDecay(step, 1000, alpha), 1e-12, `alpha ${alpha} step ${step}`);
  }
});

test('CosineDecay: halfway is the midpoint of initial and floor; floor holds after decaySteps; monotone', () => {
  const fn = makeSchedule(cosineDecay({ initialLearningRate: 0.01, decaySteps: 100, alpha: 0.2 }));
  assert.equal(fn(0), 0.01);
  assertClose(fn(50), 0.01 * (0.5 * 0.8 + 0.2));
  assertClose(fn(100), 0.002);
  assertClose(fn(10_000), 0.002);
  assertMonotone(range(300).map(fn), 'down');
});

test('CosineDecay with warmup (Keras 2.13): linear from initial to target over warmupSteps, then cosine from target', () => {
  // Keras's docstring example: warm up from 0.0 to 0.1 over 1000 steps, then decay over 1000.
  const fn = makeSchedule(cosineDecay({ initialLearningRate: 0, decaySteps: 1000, warmupTarget: 0.1, warmupSteps: 1000 }));
  assert.equal(fn(0), 0);
  assertClose(fn(250), 0.025);
  assertClose(fn(999), 0.1 * 0.999);
  assertClose(fn(1000), 0.1); // the cosine starts at the target
  assertClose(fn(1500), 0.1 * npCosineDecay(500, 1000));
  assertClose(fn(2000), 0);
  assertClose(fn(5000), 0); // capped at decay_steps + warmup_steps
  assertMonotone(range(1001).map(fn), 'up');
  assertMonotone(range(1001).map((i) => fn(1000 + i)), 'down');
});

test('CosineDecay with warmupTarget but no warmupSteps decays from the target, as Keras does', () => {
  const fn = makeSchedule(cosineDecay({ initialLearningRate: 0.01, decaySteps: 100, warmupTarget: 0.05, alpha: 0.1 }));
  assertClose(fn(0), 0.05);
  assertClose(fn(50), 0.05 * npCosineDecay(50, 100, 0.1));
});

test('CosineDecayRestarts: Keras testDecay, testAlpha, testMMul, testTMul cases (1.0, 1000), steps 0..1250', () => {
  const cases = [
    { tMul: 2, mMul: 1, alpha: 0 },
    { tMul: 2, mMul: 1, alpha: 0.1 },
    { tMul: 2, mMul: 0.9, alpha: 0 },
    { tMul: 1, mMul: 1, alpha: 0 },
  ];
  for (const c of cases) {
    const fn = makeSchedule(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, ...c }));
    for (let step = 0; step < 1500; step += 250) {
      assertClose(fn(step), npCosineDecayRestarts(step, 1000, c.tMul, c.mMul, c.alpha), 1e-12, `${JSON.stringify(c)} step ${step}`);
    }
  }
});

test('CosineDecayRestarts: every step of several periods matches the loop reference, restarts included', () => {
  const cases = [
    { firstDecaySteps: 10, tMul: 2, mMul: 0.5, alpha: 0.05 },
    { firstDecaySteps: 16, tMul: 1.5, mMul: 1, alpha: 0 }, // restarts at 16, 40, 76, 130, 211, …
    { firstDecaySteps: 7, tMul: 1, mMul: 0.8, alpha: 0 },
    { firstDecaySteps: 10, tMul: 3, mMul: 1, alpha: 0 },
    { firstDecaySteps: 1000, tMul: 1.1, mMul: 1, alpha: 0 },
  ];
  for (const c of cases) {
    const fn = makeSchedule(cosineDecayRestarts({ initialLearningRate: 0.01, ...c }));
    for (let step = 0; step < 20_000; step += step < 1000 ? 1 : 37) {
      const expected = 0.01 * npCosineDecayRestarts(step, c.firstDecaySteps, c.tMul, c.mMul, c.alpha);
      assertClose(fn(step), expected, 1e-9, `${JSON.stringify(c)} step ${step}`);
    }
  }
});

test('CosineDecayRestarts: at an exact restart step the rate is back at the top of the period', () => {
  const fn = makeSchedule(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 16, tMul: 1.5, mMul: 0.5 }));
  // 16 · (1 + 1.5 + 1.5² + 1.5³ + 1.5⁴) = 211 ends the fifth period; step 211 starts the sixth at 0.5⁵.
  assertClose(fn(211), 0.5 ** 5);
  assert.deepEqual(restartPeriod(211 / 16, 1.5), { i: 5, fraction: 0 });
  assertClose(fn(16), 0.5);
  assertClose(fn(40), 0.25);
});

test('restartPeriod: t_mul = 1 uses floor; away from restarts the correction never fires', () => {
  assert.deepEqual(restartPeriod(2.25, 1), { i: 2, fraction: 0.25 });
  const { i, fraction } = restartPeriod(1.5, 2); // second period spans cf in [1, 3)
  assert.equal(i, 1);
  assertClose(fraction, 0.25);
});
