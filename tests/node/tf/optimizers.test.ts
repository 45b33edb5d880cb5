// This library's TF.js optimizers against the small engine's (src/nn, float64, Keras 2.11+ rules) on the same
// gradients, and RMSprop's two epsilon placements against the formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { makeOptimizer as makeSmallOptimizer } from '../../../src/nn/index.js';
import { RandomState } from '../../../src/random/index.js';
import type { OptimizerSpec } from '../../../src/spec/index.js';
import { DEFAULT_RMSPROP_EPSILON_PLACEMENT, KerasRMSprop, makeOptimizer } from '../../../src/tf/index.js';

await tf.setBackend('cpu');

const SIZE = 12;
const STEPS = 6;
let variables = 0;

/** Runs both engines' optimizers over the same gradient sequence; returns the final weights of each. */
async function runBoth(spec: OptimizerSpec): Promise<{ ours: Float32Array; small: Float64Array }> {
  const rs = new RandomState(42);
  const start = rs.uniform(-1, 1, SIZE);
  const grads = Array.from({ length: STEPS }, () => rs.normal(0, 0.3, SIZE));
  const small = makeSmallOptimizer(spec, SIZE);
  const params = Float64Array.from(start);
  for (const g of grads) small.step(params, g);

  const { optimizer, schedule } = makeOptimizer(spec);
  const w = tf.tidy(() => tf.tensor1d(Float32Array.from(start)).variable(true, `opt_test_w${variables++}`));
  for (const g of grads) {
    if (schedule) optimizer.learningRate = schedule(optimizer.iterations);
    const gt = tf.tensor1d(Float32Array.from(g));
    optimizer.applyGradients({ [w.name]: gt });
    gt.dispose();
  }
  const ours = (await w.data()) as Float32Array;
  optimizer.dispose();
  w.dispose();
  return { ours, small: params };
}

const SPECS: OptimizerSpec[] = [
  { name: 'sgd', learningRate: 0.1 },
  { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
  { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true },
  { name: 'rmsprop', learningRate: 0.01 },
  { name: 'rmsprop', learningRate: 0.01, momentum: 0.5, centered: true, epsilonPlacement: 'inside' },
  // Gradients near epsilon's scale are where the two placements part; both engines follow the spec's choice.
  { name: 'rmsprop', learningRate: 0.01, epsilon: 0.1, epsilonPlacement: 'outside' },
  { name: 'rmsprop', learningRate: 0.01, epsilon: 0.1, momentum: 0.5, centered: true, epsilonPlacement: 'outside' },
  { name: 'adam', learningRate: 0.01 },
  { name: 'adam', learningRate: 0.01, amsgrad: true },
  { name: 'adagrad', learningRate: 0.05 },
  { name: 'nadam', learningRate: 0.01 },
  {
    name: 'sgd',
    learningRate: { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 },
    momentum: 0.9,
  },
];

for (const spec of SPECS) {
  test(`${JSON.stringify(spec)} matches the small engine`, async () => {
    const { ours, small } = await runBoth(spec);
    for (let i = 0; i < SIZE; i++) {
      // float32 against float64 over a few steps.
      assert.ok(Math.abs(ours[i] - small[i]) <= 2e-6 * Math.max(1, Math.abs(small[i])), `w[${i}] ${ours[i]} vs ${small[i]}`);
    }
  });
}

test('RMSprop puts epsilon inside the root by default (current tf.keras), outside on request', async () => {
  assert.equal(DEFAULT_RMSPROP_EPSILON_PLACEMENT, 'inside');
  // A tiny gradient, where the placement matters: v = 0.1·g², lr·g/(√v + ε) vs lr·g/√(v + ε).
  const g = 1e-4;
  const eps = 1e-7;
  const lr = 0.001;
  const v = 0.1 * g * g;
  const expected = { outside: -(lr * g) / (Math.sqrt(v) + eps), inside: -(lr * g) / Math.sqrt(v + eps) };
  for (const placement of ['outside', 'inside'] as const) {
    const opt = new KerasRMSprop({ learningRate: lr, epsilonPlacement: placement });
    const w = tf.tidy(() => tf.scalar(0).variable(true, `rms_${placement}`));
    const grad = tf.scalar(g);
    opt.applyGradients({ [w.name]: grad });
    const got = (await w.data())[0];
    assert.ok(Math.abs(got - expected[placement]) < 1e-6 * Math.abs(expected[placement]), `${placement}: ${got}`);
    tf.dispose([w, grad]);
    opt.dispose();
  }
  // The two differ by far more than round-off here (a student sees it in early steps with small gradients).
  assert.ok(Math.abs(expected.outside / expected.inside - 1) > 0.1);
});

test('optimizers free their slot variables on dispose', () => {
  const before = tf.memory().numTensors;
  const { optimizer } = makeOptimizer({ name: 'adam' });
  const w = tf.tidy(() => tf.zeros([3]).variable(true, 'slot_check'));
  const g = tf.ones([3]);
  optimizer.applyGradients({ [w.name]: g });
  assert.equal(tf.memory().numTensors, before + 2 + 2); // w, g, and Adam's m and v
  optimizer.applyGradients({ [w.name]: g });
  assert.equal(tf.memory().numTensors, before + 2 + 2); // no growth per step
  optimizer.dispose();
  tf.dispose([w, g]);
  assert.equal(tf.memory().numTensors, before);
});
