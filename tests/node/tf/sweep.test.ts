// The learning-rate sweep's pure parts: the homework's rate grid, and the recommendation by its advice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geometricRates, recommendLearningRate, type SweepRun } from '../../../src/worker/index.js';

test('geometricRates is np.geomspace(1e-5, 1e-1, 4), rounded for labels', () => {
  assert.deepEqual(geometricRates(), [1e-5, 2.15e-4, 4.64e-3, 1e-1]);
  assert.deepEqual(geometricRates(1e-4, 1e-1, 4), [1e-4, 1e-3, 1e-2, 1e-1]);
  assert.throws(() => geometricRates(0, 1, 3), RangeError);
});

const run = (learningRate: number, early: number, diverged = false): SweepRun => ({
  learningRate,
  losses: Array.from({ length: 120 }, (_, i) => early + (i < 100 ? 0 : 5)),
  diverged,
});

test('recommends a step above the best early rate when the next rate was stable', () => {
  const r = recommendLearningRate([run(1e-5, 2.29), run(2.15e-4, 1.9), run(4.64e-3, 2.0), run(1e-1, 9, true)]);
  assert.equal(r.bestEarly, 2.15e-4);
  assert.equal(r.learningRate, 0.001); // sqrt(2.15e-4 · 4.64e-3) ≈ 9.99e-4
  assert.match(r.reason, /a bit higher than the best early one/);
  assert.match(r.reason, /0\.1 diverged/);
  assert.ok(Number.isNaN(r.earlyLoss.get(1e-1)!));
  assert.ok(Math.abs(r.earlyLoss.get(2.15e-4)! - 1.9) < 1e-12, 'only the early window counts');
});

test('stays at the best early rate when the next one diverged, and says so', () => {
  const r = recommendLearningRate([run(1e-5, 2.3), run(2.15e-4, 2.1), run(4.64e-3, 1.8), run(1e-1, 14, true)]);
  assert.equal(r.learningRate, 4.64e-3);
  assert.match(r.reason, /0\.1 diverged, so going higher is unstable/);
  assert.deepEqual(recommendLearningRate([run(1e-3, 2, true)]).learningRate, null);
});
