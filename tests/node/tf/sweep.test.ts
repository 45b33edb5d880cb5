// The learning-rate sweep's pure parts: the homework's rate grid, and the recommendation by its advice (the one rule
// that both `recommendLearningRate` of nn-mathlets/tf and <nn-lr-sweep> use).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { earlyLoss, geometricRates, isStable, recommendLearningRate, type SweepRun } from '../../../src/worker/index.js';

test('geometricRates is np.geomspace(1e-5, 1e-1, 4), rounded for labels', () => {
  assert.deepEqual(geometricRates(), [1e-5, 2.15e-4, 4.64e-3, 1e-1]);
  assert.deepEqual(geometricRates(1e-4, 1e-1, 4), [1e-4, 1e-3, 1e-2, 1e-1]);
  assert.throws(() => geometricRates(0, 1, 3), RangeError);
});

const run = (learningRate: number, losses: number[], diverged = false): SweepRun => ({ learningRate, losses, diverged });

test('earlyLoss is the mean of the last third of the early window; isStable wants a finite, not rising loss', () => {
  assert.equal(earlyLoss([3, 2, 1]), 1);
  assert.equal(earlyLoss([6, 5, 4, 3, 2, 1]), 1.5);
  // Only the first `earlySteps` count: what happened after the window does not.
  assert.equal(earlyLoss([4, 3, 2, 1, 50, 50], 4), 1.5);
  assert.ok(Number.isNaN(earlyLoss([])));
  assert.equal(isStable(run(1e-3, [2.3, 2.2, 2.1])), true);
  assert.equal(isStable(run(1e-3, [2.3, 2.4, 2.5])), false, 'did not lower its loss');
  assert.equal(isStable(run(1e-3, [2.3, NaN])), false);
  assert.equal(isStable(run(1e-3, [2.3, 2.1], true)), false);
});

test('nudges the best early performer halfway (geometrically) toward a stable higher rate', () => {
  const r = recommendLearningRate([
    run(1e-5, [2.3, 2.3, 2.29]),
    run(1e-4, [2.3, 2.1, 2.0]),
    run(1e-3, [2.3, 2.2, 2.1]),
    run(1e-2, [2.3, 9, NaN], true),
  ]);
  assert.equal(r.bestEarly, 1e-4);
  assert.equal(r.learningRate, 0.00032); // sqrt(1e-4 · 1e-3), two digits
  assert.match(r.reason, /1\.0e−4 had the lowest early loss \(2\.000\) and 0\.001 still trained stably, so a rate between them, 3\.2e−4,/);
  assert.ok(Number.isNaN(r.earlyLoss.get(1e-2)!));
});

test('takes only a small step up (a quarter of the way, at most ×2) when the next rate diverged or did not learn', () => {
  const diverged = recommendLearningRate([run(1e-4, [2.3, 2.2, 2.2]), run(1e-3, [2.3, 1.9, 1.8]), run(1e-2, [2.3, 5, 8], true)]);
  assert.equal(diverged.bestEarly, 1e-3);
  assert.equal(diverged.learningRate, 0.0018); // 1e-3 · 10^¼
  assert.match(diverged.reason, /0\.01 diverged, so only a small step up, 0\.0018, stays short of instability/);
  const flat = recommendLearningRate([run(1e-3, [2.3, 1.9, 1.8]), run(1, [2.3, 2.4, 2.6])]);
  assert.equal(flat.learningRate, 0.002); // ×2 at most
  assert.match(flat.reason, /1 did not lower its loss/);
});

test('keeps the largest rate when it was best, gives none when no run was stable, and ignores input order', () => {
  assert.equal(recommendLearningRate([run(1e-2, [2.3, 1.5]), run(1e-3, [2.3, 2.2])]).learningRate, 0.01);
  const none = recommendLearningRate([run(1, [2.3, NaN], true), run(10, [2.3, 20])]);
  assert.equal(none.learningRate, null);
  assert.equal(none.bestEarly, null);
  assert.match(none.reason, /smaller rates/);
});

test('the early window is the first 100 steps by default: a rate that only wins later is not the best early one', () => {
  const steps = (early: number, late: number) => Array.from({ length: 150 }, (_, i) => (i === 0 ? 2.3 : i < 100 ? early : late));
  const r = recommendLearningRate([run(1e-4, steps(2.0, 0.5)), run(1e-3, steps(1.5, 1.4)), run(1e-2, steps(2.2, 2.1))]);
  assert.equal(r.bestEarly, 1e-3);
  assert.equal(r.learningRate, 0.0032);
  assert.equal(recommendLearningRate([run(1e-4, steps(2.0, 0.5)), run(1e-3, steps(1.5, 1.4))], 150).bestEarly, 1e-4);
});
