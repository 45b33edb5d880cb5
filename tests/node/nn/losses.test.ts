/**
 * Loss values as Keras computes them (reduction, the cached-logits path after sigmoid/softmax, the clipped
 * probability path otherwise), regularization added as Keras adds it, and the accuracy metric.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, dense, evaluate, KERAS_EPSILON, sequential, sgd, type ActivationSpec, type LossName, type Sequential } from '../../../src/core.js';

/** A one-layer model whose output for input [1] is `f(b)`: kernel 0, bias b. */
function constantModel(units: number, activation: ActivationSpec, bias: number[], loss: LossName, fromLogits = false): Sequential {
  const m = sequential([dense(units, { activation })], { inputShape: [1] });
  m.setWeights([new Array(units).fill(0), bias]);
  compile(m, { optimizer: sgd(), loss, fromLogits, metrics: ['accuracy'], epochs: 1 });
  return m;
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

test('binary_crossentropy after a sigmoid uses the logits (tf.keras 2.x _keras_logits): exact, no clipping', () => {
  const m = constantModel(1, 'sigmoid', [0.3], 'binary_crossentropy');
  const p = sig(0.3);
  const r = evaluate(m, [[1], [1]], [1, 0]);
  assert.ok(Math.abs(r.loss - (-Math.log(p) - Math.log(1 - p)) / 2) < 1e-15);
  // At logit 40 the clipped formula would give −log(1 − (1 − 1e-7) + 1e-7) ≈ 15.4; from logits it is 40.
  const far = constantModel(1, 'sigmoid', [40], 'binary_crossentropy');
  assert.ok(Math.abs(evaluate(far, [[1]], [0]).loss - 40) < 1e-9);
});

test('binary_crossentropy on probabilities from another activation clips to [ε, 1 − ε] and adds ε in the log', () => {
  // softmax over 2 units with equal logits gives 0.5 each — a probability output without cached sigmoid logits.
  const m = constantModel(2, 'softmax', [0, 0], 'binary_crossentropy');
  assert.ok(Math.abs(evaluate(m, [[1]], [[1, 0]]).loss - -Math.log(0.5 + KERAS_EPSILON)) < 1e-12);
  // A linear output of 0 is clipped to ε: loss −log(ε + ε) for label 1.
  const lin = constantModel(1, 'linear', [0], 'binary_crossentropy');
  assert.ok(Math.abs(evaluate(lin, [[1]], [1]).loss - -Math.log(2e-7)) < 1e-9);
  // fromLogits on a linear output: sigmoid cross-entropy of the raw output.
  const logits = constantModel(1, 'linear', [-2], 'binary_crossentropy', true);
  assert.ok(Math.abs(evaluate(logits, [[1]], [1]).loss - Math.log(1 + Math.exp(2))) < 1e-12);
});

test('binary_crossentropy with several units is the mean over units, then over the batch', () => {
  const m = constantModel(2, 'sigmoid', [0.5, -1], 'binary_crossentropy');
  const [p0, p1] = [sig(0.5), sig(-1)];
  const perRow = (-Math.log(p0) - Math.log(1 - p1)) / 2;
  assert.ok(Math.abs(evaluate(m, [[1]], [[1, 0]]).loss - perRow) < 1e-14);
});

test('categorical and sparse cross-entropy: from softmax logits exactly, renormalised and clipped otherwise', () => {
  const b = [0.2, -0.1, 1.3];
  const e = b.map(Math.exp);
  const s = e[0] + e[1] + e[2];
  const soft = constantModel(3, 'softmax', b, 'categorical_crossentropy');
  assert.ok(Math.abs(evaluate(soft, [[1]], [[0, 0, 1]]).loss - -Math.log(e[2] / s)) < 1e-14);
  const sparse = constantModel(3, 'softmax', b, 'sparse_categorical_crossentropy');
  assert.ok(Math.abs(evaluate(sparse, [[1], [1]], [2, 0]).loss - (-Math.log(e[2] / s) - Math.log(e[0] / s)) / 2) < 1e-14);
  const scaled = constantModel(2, { name: 'softmax', scale: 10 }, [0.1, 0], 'sparse_categorical_crossentropy');
  assert.ok(Math.abs(evaluate(scaled, [[1]], [1]).loss - Math.log(1 + Math.exp(1))) < 1e-14);
  // sigmoid outputs are renormalised to sum 1 before −Σ y·log p (Keras's probability path).
  const sg = constantModel(2, 'sigmoid', [0, 1], 'categorical_crossentropy');
  const q = [sig(0), sig(1)];
  assert.ok(Math.abs(evaluate(sg, [[1]], [[0, 1]]).loss - -Math.log(q[1] / (q[0] + q[1]))) < 1e-14);
  // sparse on probabilities: no renormalisation, clipped.
  const sps = constantModel(2, 'sigmoid', [0, 1], 'sparse_categorical_crossentropy');
  assert.ok(Math.abs(evaluate(sps, [[1]], [1]).loss - -Math.log(q[1])) < 1e-14);
});

test('mean_squared_error is the mean over units of the squared error, then the mean over rows', () => {
  const m = constantModel(2, 'linear', [1, -2], 'mean_squared_error');
  assert.ok(Math.abs(evaluate(m, [[1], [1]], [[0, 0], [1, 1]]).loss - ((1 + 4) / 2 + (0 + 9) / 2) / 2) < 1e-15);
});

test('regularization: l1·Σ|w| + l2·Σw² per weight array added once (no ½); activity penalty averaged over rows', () => {
  const m = sequential([dense(2, { activation: 'linear', kernelRegularizer: { l1: 0.1, l2: 0.01 }, biasRegularizer: { l2: 0.5 }, activityRegularizer: { l1: 0.2 } })], { inputShape: [1] });
  m.setWeights([[[3, -4]], [1, 2]]);
  compile(m, { optimizer: sgd(), loss: 'mean_squared_error', epochs: 1 });
  const X = [[1], [0]];
  const Y = [[0, 0], [0, 0]];
  // outputs: row0 [4, −2], row1 [1, 2]
  const mse = ((16 + 4) / 2 + (1 + 4) / 2) / 2;
  const kernel = 0.1 * 7 + 0.01 * 25;
  const bias = 0.5 * 5;
  const activity = (0.2 * (4 + 2) + 0.2 * (1 + 2)) / 2;
  assert.ok(Math.abs(evaluate(m, X, Y).loss - (mse + kernel + bias + activity)) < 1e-14);
});

test('binary accuracy thresholds at p > 0.5 strictly (Keras’s y_pred > threshold); categorical by argmax', () => {
  const m = constantModel(1, 'sigmoid', [0], 'binary_crossentropy'); // p = 0.5 exactly
  assert.equal(evaluate(m, [[1], [1]], [1, 0]).accuracy, 0.5);
  assert.equal(evaluate(m, [[1]], [1]).accuracy, 0);
  const c = constantModel(3, 'softmax', [0, 2, 1], 'categorical_crossentropy');
  assert.equal(evaluate(c, [[1], [1]], [[0, 1, 0], [1, 0, 0]]).accuracy, 0.5);
  const s = constantModel(3, 'softmax', [0, 2, 1], 'sparse_categorical_crossentropy');
  assert.equal(evaluate(s, [[1], [1], [1]], [1, 1, 2]).accuracy, 2 / 3);
  // fromLogits: the threshold is on the probability, i.e. logit > 0 (a deliberate difference from Keras).
  const l = constantModel(1, 'linear', [0.3], 'binary_crossentropy', true);
  assert.equal(evaluate(l, [[1]], [1]).accuracy, 1);
});
