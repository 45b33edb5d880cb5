/**
 * Optimizers against Keras 2.11+ (keras/optimizers/*.py, dense branch): the docstring examples, and many steps on
 * random gradients against a direct transcription of each update_step, for every option.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import { makeSchedule } from '../../../src/schedules/index.js';
import {
  adagrad,
  adam,
  compile,
  dense,
  fit,
  makeOptimizer,
  nadam,
  rmsprop,
  sequential,
  sgd,
  type OptimizerSpec,
} from '../../../src/core.js';

/** A one-weight model whose loss is w²/2 (gradient w), as in Keras's docstring examples. */
function halfSquare(spec: OptimizerSpec, w0: number) {
  const m = sequential([dense(1, { useBias: false })], { inputShape: [1] });
  m.setWeights([[w0]]);
  compile(m, { optimizer: spec, loss: 'mean_squared_error', epochs: 1, batchSize: 1, shuffle: false });
  return {
    step: () => fit(m, [[Math.SQRT1_2]], [0]),
    get w() {
      return m.params[0];
    },
  };
}

test('Keras docstring examples: SGD, SGD with momentum, RMSprop, Adam', () => {
  const s = halfSquare(sgd({ learningRate: 0.1 }), 1);
  s.step();
  assert.ok(Math.abs(s.w - 0.9) < 1e-15);
  const m = halfSquare(sgd({ learningRate: 0.1, momentum: 0.9 }), 1);
  m.step();
  const v1 = m.w;
  m.step();
  assert.ok(Math.abs(1 - v1 - 0.1) < 1e-15 && Math.abs(v1 - m.w - 0.18) < 1e-15);
  const r = halfSquare(rmsprop({ learningRate: 0.1 }), 10);
  r.step();
  assert.ok(Math.abs(r.w - 9.683772) < 1e-6, `rmsprop ${r.w}`);
  const a = halfSquare(adam({ learningRate: 0.1 }), 10);
  a.step();
  assert.ok(Math.abs(a.w - 9.9) < 1e-7, `adam ${a.w}`);
});

/** Keras's update_step, written out per element from the source, as an independent reference. */
function reference(spec: OptimizerSpec, w: Float64Array, grads: Float64Array[]): Float64Array {
  const n = w.length;
  const z = () => new Float64Array(n);
  const lrOf = (it: number) => (typeof spec.learningRate === 'object' ? makeSchedule(spec.learningRate)(it) : (spec.learningRate ?? (spec.name === 'sgd' ? 0.01 : 0.001)));
  const m = z();
  const v = z();
  const vhat = z();
  const avg = z();
  const acc = new Float64Array(n).fill(spec.name === 'adagrad' ? (spec.initialAccumulatorValue ?? 0.1) : 0);
  let uProduct = 1;
  grads.forEach((g, it) => {
    const lr = lrOf(it);
    const t = it + 1;
    if (spec.name === 'sgd') {
      const mu = spec.momentum ?? 0;
      for (let i = 0; i < n; i++) {
        if (mu > 0) {
          m[i] = -g[i] * lr + m[i] * mu;
          w[i] += spec.nesterov ? -g[i] * lr + m[i] * mu : m[i];
        } else w[i] += -g[i] * lr;
      }
    } else if (spec.name === 'rmsprop') {
      const rho = spec.rho ?? 0.9;
      const eps = spec.epsilon ?? 1e-7;
      const mu = spec.momentum ?? 0;
      for (let i = 0; i < n; i++) {
        v[i] = rho * v[i] + (1 - rho) * g[i] ** 2;
        let denom = v[i] + eps;
        if (spec.centered) {
          avg[i] = rho * avg[i] + (1 - rho) * g[i];
          denom = v[i] - avg[i] ** 2 + eps;
        }
        const inc = lr * g[i] * (1 / Math.sqrt(denom));
        if (mu > 0) {
          m[i] = mu * m[i] + inc;
          w[i] += -m[i];
        } else w[i] += -inc;
      }
    } else if (spec.name === 'adam') {
      const b1 = spec.beta1 ?? 0.9;
      const b2 = spec.beta2 ?? 0.999;
      const eps = spec.epsilon ?? 1e-7;
      const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      for (let i = 0; i < n; i++) {
        m[i] += (g[i] - m[i]) * (1 - b1);
        v[i] += (g[i] ** 2 - v[i]) * (1 - b2);
        let vv = v[i];
        if (spec.amsgrad) {
          vhat[i] = Math.max(vhat[i], v[i]);
          vv = vhat[i];
        }
        w[i] -= (m[i] * alpha) / (Math.sqrt(vv) + eps);
      }
    } else if (spec.name === 'adagrad') {
      const eps = spec.epsilon ?? 1e-7;
      for (let i = 0; i < n; i++) {
        acc[i] += g[i] * g[i];
        w[i] -= (lr * g[i]) / Math.sqrt(acc[i] + eps);
      }
    } else {
      const b1 = spec.beta1 ?? 0.9;
      const b2 = spec.beta2 ?? 0.999;
      const eps = spec.epsilon ?? 1e-7;
      const ut = b1 * (1 - 0.5 * 0.96 ** t);
      const ut1 = b1 * (1 - 0.5 * 0.96 ** (t + 1));
      uProduct *= ut;
      const uProduct1 = uProduct * ut1;
      for (let i = 0; i < n; i++) {
        m[i] += (g[i] - m[i]) * (1 - b1);
        v[i] += (g[i] ** 2 - v[i]) * (1 - b2);
        const mHat = (ut1 * m[i]) / (1 - uProduct1) + ((1 - ut) * g[i]) / (1 - uProduct);
        const vHat = v[i] / (1 - b2 ** t);
        w[i] -= (mHat * lr) / (Math.sqrt(vHat) + eps);
      }
    }
  });
  return w;
}

const SPECS: OptimizerSpec[] = [
  sgd(),
  sgd({ learningRate: 0.05, momentum: 0.9 }),
  sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
  rmsprop(),
  rmsprop({ learningRate: 0.01, rho: 0.8, momentum: 0.5, centered: true }),
  rmsprop({ centered: true }),
  rmsprop({ momentum: 0.9, epsilon: 1e-3 }),
  adam(),
  adam({ learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-4, amsgrad: true }),
  adagrad(),
  adagrad({ learningRate: 0.1, initialAccumulatorValue: 0.5, epsilon: 1e-3 }),
  nadam(),
  nadam({ learningRate: 0.01, beta1: 0.85 }),
  adam({ learningRate: { name: 'ExponentialDecay', initialLearningRate: 0.01, decaySteps: 3, decayRate: 0.5, staircase: true } }),
  sgd({ learningRate: { name: 'PiecewiseConstantDecay', boundaries: [2, 5], values: [0.1, 0.01, 0.001] }, momentum: 0.5 }),
];

test('30 steps on random gradients equal the transcribed Keras update for every optimizer and option', () => {
  SPECS.forEach((spec, k) => {
    const rs = new RandomState(k);
    const n = 17;
    const w0 = rs.normal(0, 1, n);
    const grads = Array.from({ length: 30 }, () => rs.normal(0, 1, n));
    const opt = makeOptimizer(spec, n);
    const w = w0.slice();
    for (const g of grads) opt.step(w, g);
    const expected = reference(spec, w0.slice(), grads);
    for (let i = 0; i < n; i++) {
      assert.ok(Math.abs(w[i] - expected[i]) <= 1e-14 * (1 + Math.abs(expected[i])), `${JSON.stringify(spec)}[${i}]: ${w[i]} vs ${expected[i]}`);
    }
    assert.equal(opt.iterations, 30);
  });
});

test('Keras defaults: SGD lr 0.01; RMSprop, Adam, Adagrad, Nadam lr 0.001; a schedule is evaluated at the iteration count', () => {
  assert.equal(makeOptimizer(sgd(), 1).learningRate, 0.01);
  for (const spec of [rmsprop(), adam(), adagrad(), nadam()]) assert.equal(makeOptimizer(spec, 1).learningRate, 0.001);
  const opt = makeOptimizer(adam({ learningRate: { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 } }), 1);
  assert.equal(opt.learningRate, 0.1);
  const w = new Float64Array(1);
  for (let i = 0; i < 10; i++) opt.step(w, new Float64Array([1]));
  assert.ok(Math.abs(opt.learningRate - 0.05) < 1e-15);
  assert.throws(() => opt.setLearningRate(0.1), /schedule/);
});

test('optimizer state round-trips (slots, iterations, Nadam’s running product)', () => {
  for (const spec of SPECS) {
    const rs = new RandomState(1);
    const a = makeOptimizer(spec, 5);
    const w = rs.normal(0, 1, 5);
    for (let i = 0; i < 7; i++) a.step(w, rs.normal(0, 1, 5));
    const b = makeOptimizer(spec, 5);
    b.setState(JSON.parse(JSON.stringify(a.getState())));
    const w2 = w.slice();
    const g = rs.normal(0, 1, 5);
    a.step(w, g);
    b.step(w2, g);
    assert.deepEqual(w2, w, JSON.stringify(spec));
  }
});
