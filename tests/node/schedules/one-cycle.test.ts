/**
 * 1cycle against a literal port of Géron's OneCycleScheduler callback (Hands-On ML, ch. 11): a stateful object
 * whose on_batch_begin computes the rate from its own iteration counter, exactly as his Python does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSchedule, oneCycle, oneCyclePhases } from '../../../src/schedules/index.js';
import { assertClose, assertMonotone, range } from './helpers.js';

/** Géron's class, line for line (Python's `or` is `||`, `//` is Math.floor). */
class OneCycleScheduler {
  iterations: number;
  maxRate: number;
  startRate: number;
  lastIterations: number;
  halfIteration: number;
  lastRate: number;
  iteration = 0;
  rate = NaN;
  constructor(iterations: number, maxRate: number, startRate?: number, lastIterations?: number, lastRate?: number) {
    this.iterations = iterations;
    this.maxRate = maxRate;
    this.startRate = startRate || maxRate / 10;
    this.lastIterations = lastIterations || Math.floor(iterations / 10) + 1;
    this.halfIteration = Math.floor((iterations - this.lastIterations) / 2);
    this.lastRate = lastRate || this.startRate / 1000;
  }
  private interpolate(iter1: number, iter2: number, rate1: number, rate2: number): number {
    return ((rate2 - rate1) * (this.iteration - iter1)) / (iter2 - iter1) + rate1;
  }
  onBatchBegin(): void {
    if (this.iteration < this.halfIteration) {
      this.rate = this.interpolate(0, this.halfIteration, this.startRate, this.maxRate);
    } else if (this.iteration < 2 * this.halfIteration) {
      this.rate = this.interpolate(this.halfIteration, 2 * this.halfIteration, this.maxRate, this.startRate);
    } else {
      this.rate = this.interpolate(2 * this.halfIteration, this.iterations, this.startRate, this.lastRate);
    }
    this.iteration += 1;
  }
}

test('OneCycle equals Géron\'s callback at every step of the cycle (defaults and explicit rates)', () => {
  const cases = [
    { totalSteps: 7500, maxLearningRate: 0.01 },
    { totalSteps: 100, maxLearningRate: 0.05, startLearningRate: 0.001, lastLearningRate: 1e-5 },
    { totalSteps: 9, maxLearningRate: 1 },
    { totalSteps: 1, maxLearningRate: 1 },
    { totalSteps: 2, maxLearningRate: 1 },
  ];
  for (const c of cases) {
    const fn = makeSchedule(oneCycle(c));
    const geron = new OneCycleScheduler(c.totalSteps, c.maxLearningRate, c.startLearningRate, undefined, c.lastLearningRate);
    for (let step = 0; step < c.totalSteps; step++) {
      geron.onBatchBegin();
      assert.equal(fn(step), geron.rate, `${JSON.stringify(c)} step ${step}`);
    }
  }
});

test('OneCycle phases: h = ⌊(n − ⌊n/10⌋ − 1)/2⌋, peak at h, back to start at 2h, last rate at n and after', () => {
  const spec = oneCycle({ totalSteps: 1000, maxLearningRate: 0.1 });
  const { start, last, half, total } = oneCyclePhases(spec);
  assert.equal(half, 449); // (1000 − 101) // 2
  assertClose(start, 0.01);
  assertClose(last, 0.00001);
  assert.equal(total, 1000);
  const fn = makeSchedule(spec);
  assertClose(fn(0), 0.01);
  assertClose(fn(449), 0.1);
  assertClose(fn(898), 0.01);
  assertClose(fn(1000), 0.00001);
  assertClose(fn(5000), 0.00001); // Géron's code would extrapolate below last_rate; the rate stays there
  assertMonotone(range(450).map(fn), 'up');
  assertMonotone(range(1000 - 449).map((i) => fn(449 + i)), 'down');
});

test('OneCycle: an explicit 0 start or last rate falls back to the default, like Géron\'s `or`', () => {
  const a = makeSchedule(oneCycle({ totalSteps: 100, maxLearningRate: 0.1 }));
  const phases = oneCyclePhases(oneCycle({ totalSteps: 100, maxLearningRate: 0.1, startLearningRate: 0, lastLearningRate: 0 }));
  assertClose(phases.start, 0.01);
  assertClose(phases.last, 0.00001);
  assert.equal(a(0), 0.01);
});
