/**
 * Against TensorFlow.js 4.22 (cpu backend, in Node): with the same weights, the same forward pass and gradients to
 * float32 precision, and one epoch of SGD, Adam and RMSprop (no shuffling) ends at the same weights.
 * TensorFlow.js computes in float32; both sides start from float32-representable weights and data, so the
 * differences left are float32 rounding. Known formula differences, and how they are handled:
 * - Adam: TF.js divides the bias-corrected m̂ by sqrt(v̂) + ε, Keras (and this engine) divides m·α by
 *   sqrt(v) + ε — the ε's differ by a factor sqrt(1 − β₂ᵗ). With ε = 1e-7 that moves the result by far less than
 *   float32 rounding over an epoch, so the same tolerance covers it (a test with a large ε shows the difference).
 * - RMSprop: TF.js puts ε inside the square root, as Keras 2.11+ does: the same update.
 * - Binary cross-entropy: TF.js clips probabilities, this engine uses the sigmoid's logits (tf.keras 2.x); away
 *   from saturation the two agree.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { RandomState } from '../../../src/random/index.js';
import {
  adam,
  compile,
  dense,
  fit,
  gradients,
  predict,
  rmsprop,
  sequential,
  sgd,
  type ActivationName,
  type LossName,
  type OptimizerSpec,
  type Sequential,
} from '../../../src/core.js';
import { assertClose, randomRows } from './helpers.js';

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const TF_LOSS: Record<string, string> = {
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  mean_squared_error: 'meanSquaredError',
};

interface Case {
  acts: ActivationName[];
  units: number[];
  loss: LossName;
}

const CASES: Case[] = [
  { acts: ['relu', 'relu', 'relu', 'sigmoid'], units: [5, 5, 5, 1], loss: 'binary_crossentropy' },
  { acts: ['tanh', 'tanh', 'sigmoid'], units: [5, 5, 1], loss: 'binary_crossentropy' },
  { acts: ['elu', 'softplus', 'softmax'], units: [6, 4, 3], loss: 'categorical_crossentropy' },
  { acts: ['sigmoid', 'linear'], units: [4, 2], loss: 'mean_squared_error' },
];

/** Our model with float32 weights, and a TF.js twin holding the same weights. */
function twins(c: Case, seed: number): { ours: Sequential; theirs: tf.Sequential } {
  const ours = sequential(c.units.map((u, i) => dense(u, { activation: c.acts[i] })), { inputShape: [2], seed });
  const rs = new RandomState(seed + 100);
  ours.params.set(rs.normal(0, 0.8, ours.params.length).map(Math.fround));
  const theirs = tf.sequential();
  c.units.forEach((u, i) => theirs.add(tf.layers.dense({ units: u, activation: c.acts[i] as 'relu', ...(i === 0 ? { inputShape: [2] } : {}) })));
  let inDim = 2;
  const w: tf.Tensor[] = [];
  ours.layers.forEach((l) => {
    w.push(tf.tensor2d(Float32Array.from(l.kernel), [inDim, l.units]), tf.tensor1d(Float32Array.from(l.bias)));
    inDim = l.units;
  });
  theirs.setWeights(w);
  tf.dispose(w);
  return { ours, theirs };
}

function dataFor(c: Case, seed: number, n: number): { X: number[][]; Y: number[][] } {
  const rs = new RandomState(seed);
  const X = randomRows(rs, n, 2).map((r) => r.map(Math.fround));
  const k = c.units[c.units.length - 1];
  const Y = X.map(([a, b]) => {
    if (c.loss === 'categorical_crossentropy') {
      const row = new Array(k).fill(0);
      row[a > 0 ? (b > 0 ? 0 : 1) : 2] = 1;
      return row;
    }
    if (c.loss === 'binary_crossentropy') return [a * a + b * b < 0.5 ? 1 : 0];
    return Array.from({ length: k }, (_, j) => Math.fround(Math.sin(a + j * b)));
  });
  return { X, Y };
}

async function tfWeights(m: tf.Sequential): Promise<Float64Array> {
  const parts = await Promise.all(m.getWeights().map((w) => w.data()));
  return Float64Array.from(parts.flatMap((p) => Array.from(p)));
}

test('same weights → same forward pass and same gradients (float32 precision)', async () => {
  for (const [k, c] of CASES.entries()) {
    const { ours, theirs } = twins(c, k);
    const { X, Y } = dataFor(c, k, 40);
    const xs = tf.tensor2d(X);
    const ys = tf.tensor2d(Y);
    const out = theirs.predict(xs) as tf.Tensor;
    assertClose(predict(ours, X), await out.data(), 2e-5, 2e-6, `forward ${c.acts}`);

    compile(ours, { optimizer: sgd(), loss: c.loss, epochs: 1 });
    const vars = theirs.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
    const lossFn = TF_LOSS[c.loss];
    const { grads } = tf.variableGrads(() => {
      const pred = theirs.apply(xs) as tf.Tensor;
      const per = (tf.metrics as unknown as Record<string, (a: tf.Tensor, b: tf.Tensor) => tf.Tensor>)[lossFn](ys, pred);
      return tf.mean(per) as tf.Scalar;
    }, vars);
    const theirGrads = (await Promise.all(vars.map((v) => grads[v.name].data()))).flatMap((d) => Array.from(d));
    const ourGrads = gradients(ours, X, Y).flatMap((g) => [...g.kernel, ...(g.bias ?? [])]);
    const scale = Math.max(...theirGrads.map(Math.abs));
    assertClose(ourGrads, theirGrads, 1e-4, 1e-5 * scale, `gradients ${c.acts}`);
    tf.dispose([xs, ys, out, ...Object.values(grads)]);
    theirs.dispose();
  }
});

async function oneEpoch(c: Case, opt: OptimizerSpec, tfOpt: tf.Optimizer, seed: number): Promise<{ ours: Float64Array; theirs: Float64Array; start: Float64Array }> {
  const { ours, theirs } = twins(c, seed);
  const start = ours.params.slice();
  const { X, Y } = dataFor(c, seed, 100);
  compile(ours, { optimizer: opt, loss: c.loss, epochs: 1, batchSize: 16, shuffle: false });
  fit(ours, X, Y);
  theirs.compile({ optimizer: tfOpt, loss: TF_LOSS[c.loss] });
  const xs = tf.tensor2d(X);
  const ys = tf.tensor2d(Y);
  await theirs.fit(xs, ys, { batchSize: 16, epochs: 1, shuffle: false, verbose: 0 });
  const w = await tfWeights(theirs);
  tf.dispose([xs, ys]);
  theirs.dispose();
  return { ours: ours.params, theirs: w, start };
}

test('one epoch of SGD (7 steps, last batch of 4) ends at the same weights', async () => {
  for (const [k, c] of CASES.entries()) {
    const r = await oneEpoch(c, sgd({ learningRate: 0.1 }), tf.train.sgd(0.1), 10 + k);
    assert.notDeepEqual(r.ours, r.start);
    assertClose(r.ours, r.theirs, 1e-4, 1e-5, `sgd ${c.acts}`);
  }
});

/** One epoch (batches of 16, in order) of Adam on this engine's gradients, by Keras's rule or TF.js's. */
function adamReplica(c: Case, seed: number, rule: 'keras' | 'tfjs'): Float64Array {
  const { ours: model } = twins(c, seed);
  const { X, Y } = dataFor(c, seed, 100);
  compile(model, { optimizer: sgd(), loss: c.loss, epochs: 1 });
  const n = model.params.length;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  for (let s = 0, t = 1; s < X.length; s += 16, t++) {
    const g = gradients(model, X.slice(s, s + 16), Y.slice(s, s + 16)).flatMap((l) => [...l.kernel, ...(l.bias ?? [])]);
    for (let i = 0; i < n; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      if (rule === 'tfjs') {
        model.params[i] -= (0.01 * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-7);
      } else {
        const alpha = (0.01 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
        model.params[i] -= (m[i] * alpha) / (Math.sqrt(v[i]) + 1e-7);
      }
    }
  }
  return model.params;
}

test('one epoch of Adam: TF.js’s rule on our gradients gives TF.js’s weights; ours differs by just the ε placement', async () => {
  for (const [k, c] of CASES.entries()) {
    const r = await oneEpoch(c, adam({ learningRate: 0.01 }), tf.train.adam(0.01, 0.9, 0.999, 1e-7), 20 + k);
    const tfRule = adamReplica(c, 20 + k, 'tfjs');
    const kerasRule = adamReplica(c, 20 + k, 'keras');
    assertClose(tfRule, r.theirs, 1e-4, 2e-5, `TF.js rule ${c.acts}`);
    assertClose(r.ours, kerasRule, 1e-12, 1e-15, `Keras rule ${c.acts}`);
    for (let i = 0; i < r.ours.length; i++) {
      // Keras's ε is relatively larger where gradients are tiny (a saturated unit): the formulas' own gap, plus
      // float32 rounding, bounds the difference.
      const gap = Math.abs(kerasRule[i] - tfRule[i]);
      assert.ok(Math.abs(r.ours[i] - r.theirs[i]) <= gap + 1e-4 * Math.abs(r.theirs[i]) + 2e-5, `adam ${c.acts}[${i}]`);
    }
  }
});

test('with a large ε the Keras and TF.js Adam formulas visibly differ, and ours is Keras’s', async () => {
  const c = CASES[1];
  const r = await oneEpoch(c, adam({ learningRate: 0.01, epsilon: 0.1 }), tf.train.adam(0.01, 0.9, 0.999, 0.1), 30);
  const diff = r.ours.reduce((m, v, i) => Math.max(m, Math.abs(v - r.theirs[i])), 0);
  assert.ok(diff > 1e-4, `expected a visible difference, got ${diff}`);
});

test('one epoch of RMSprop ends at the same weights (TF.js puts ε inside the root, as Keras 2.11+ does)', async () => {
  for (const [k, c] of CASES.entries()) {
    const r = await oneEpoch(c, rmsprop({ learningRate: 0.01 }), tf.train.rmsprop(0.01, 0.9, 0, 1e-7), 40 + k);
    assertClose(r.ours, r.theirs, 1e-4, 2e-5, `rmsprop ${c.acts}`);
  }
});
