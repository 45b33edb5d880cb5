// The training loop on the cpu backend in Node, with small synthetic data: determinism, per-step schedules,
// Keras callbacks on real weights, divergence, pause/resume/stop, tensor bookkeeping, evaluation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { makeSchedule } from '../../../src/schedules/index.js';
import { RandomState } from '../../../src/random/index.js';
import type { ModelSpec, TrainSpec } from '../../../src/spec/index.js';
import { buildModel, evaluateModel, Trainer, type BatchProgress, type Dataset } from '../../../src/tf/index.js';

await tf.setBackend('cpu');

/** Three Gaussian blobs in 2-D, classes 0..2, shuffled: learnable in a few epochs. */
function blobs(n: number, seed: number): Dataset {
  const rs = new RandomState(seed);
  const x = new Float32Array(n * 2);
  const y = new Uint8Array(n);
  const centers = [[-2, 0], [2, 0], [0, 2.5]];
  const noise = rs.normal(0, 0.8, 2 * n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 3;
    x[2 * i] = centers[y[i]][0] + noise[2 * i];
    x[2 * i + 1] = centers[y[i]][1] + noise[2 * i + 1];
  }
  return { x, y, count: n, shape: [2], format: 'float32' };
}

/** 8×8×1 images: a bright bar, horizontal (class 0) or vertical (class 1), with noise. */
function bars(n: number, seed: number): Dataset {
  const rs = new RandomState(seed);
  const noise = rs.uniform(0, 0.3, n * 64);
  const x = new Float32Array(n * 64);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const at = 2 + (i % 4);
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 8; c++) x[i * 64 + r * 8 + c] = noise[i * 64 + r * 8 + c] + ((y[i] === 0 ? r : c) === at ? 1 : 0);
    }
  }
  return { x, y, count: n, shape: [8, 8, 1], format: 'float32' };
}

const DENSE: ModelSpec = {
  inputShape: [2],
  seed: 1,
  layers: [
    { type: 'dense', units: 8, activation: 'relu', kernelInitializer: 'he_normal' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};
const CONV: ModelSpec = {
  inputShape: [8, 8, 1],
  seed: 2,
  layers: [
    { type: 'conv2d', filters: 3, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.25 },
    { type: 'flatten' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
};
const base = (over: Partial<TrainSpec> = {}): TrainSpec => ({
  optimizer: { name: 'adam', learningRate: 0.05 },
  loss: 'sparse_categorical_crossentropy',
  epochs: 4,
  batchSize: 16,
  seed: 9,
  ...over,
});

async function fit(spec: ModelSpec, train: TrainSpec, data: Dataset, options = {}) {
  const model = buildModel(spec);
  const result = await new Trainer(model, train).fit(data, options);
  return { model, result };
}

test('a run learns, and the same seeds give the same history exactly', async () => {
  const a = await fit(DENSE, base(), blobs(96, 1));
  const b = await fit(DENSE, base(), blobs(96, 1));
  assert.equal(a.result.stopReason, 'completed');
  assert.equal(a.result.epochsRun, 4);
  assert.equal(a.result.steps, 4 * 6);
  assert.ok(a.result.history[3].loss < 0.6 * a.result.history[0].loss, JSON.stringify(a.result.history));
  assert.ok(a.result.history[3].accuracy! > 0.8);
  assert.deepEqual(a.result.history, b.result.history);
  a.model.dispose();
  b.model.dispose();
});

test('a conv net with seeded dropout trains, repeats exactly, and its tensors do not grow across epochs', async () => {
  const counts: number[] = [];
  const run = () =>
    fit(CONV, base({ epochs: 3, optimizer: { name: 'rmsprop', learningRate: 0.01 } }), bars(32, 3), {
      validation: bars(16, 4),
      onEpoch: () => counts.push(tf.memory().numTensors),
    });
  const a = await run();
  const after = counts.splice(0);
  const b = await run();
  assert.deepEqual(a.result.history, b.result.history);
  assert.equal(new Set(after).size, 1, `numTensors after each epoch: ${after}`);
  assert.ok(a.result.history.at(-1)!.val_accuracy !== undefined);
  a.model.dispose();
  b.model.dispose();
});

test('a schedule sets the learning rate before every step (Keras step semantics)', async () => {
  const schedule = { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.5 } as const;
  const seen: BatchProgress[] = [];
  const { model, result } = await fit(DENSE, base({ epochs: 2, optimizer: { name: 'sgd', learningRate: schedule } }), blobs(48, 2), {
    progressIntervalMs: 0,
    onBatch: (p: BatchProgress) => seen.push(p),
  });
  const fn = makeSchedule(schedule);
  assert.equal(seen.length, 6);
  seen.forEach((p) => assert.equal(p.learningRate, fn(p.step)));
  assert.equal(result.history[1].learning_rate, fn(5));
  model.dispose();
});

test('EarlyStopping with restore_best_weights leaves the best epoch’s weights in the model', async () => {
  const data = blobs(60, 5);
  const val = blobs(30, 6);
  const { model, result } = await fit(
    DENSE,
    base({
      epochs: 12,
      // A rate this high makes val_loss bounce, so the best epoch is not the last.
      optimizer: { name: 'sgd', learningRate: 1.5 },
      callbacks: [{ name: 'EarlyStopping', patience: 2, restoreBestWeights: true }],
    }),
    data,
    { validation: val },
  );
  const best = Math.min(...result.history.map((h) => h.val_loss!));
  assert.equal(result.stopReason, 'early-stopping');
  assert.equal(result.history[result.bestEpoch].val_loss, best);
  assert.equal(result.epochsRun, result.bestEpoch + 3);
  assert.equal(result.restoredEpoch, result.bestEpoch);
  const now = await evaluateModel(model, val, { loss: 'sparse_categorical_crossentropy' });
  assert.ok(Math.abs(now.loss - best) < 1e-5, `${now.loss} vs best ${best}`);
  model.dispose();
});

test('a diverging rate is detected and the run stops, with the step and a sentence', async () => {
  const { model, result } = await fit(DENSE, base({ epochs: 20, optimizer: { name: 'sgd', learningRate: 200 } }), blobs(96, 7), {
    divergence: { window: 3 },
    progressIntervalMs: 0,
  });
  assert.equal(result.stopReason, 'diverged');
  assert.ok(result.divergedAtStep >= 0 && result.divergedAtStep < 30, String(result.divergedAtStep));
  assert.match(result.message, /Diverged at batch/);
  model.dispose();
});

test('TerminateOnNaN stops a run whose loss becomes NaN', async () => {
  const spec: ModelSpec = { inputShape: [2], layers: [{ type: 'dense', units: 3, activation: 'relu' }, { type: 'dense', units: 3 }] };
  const { model, result } = await fit(
    spec,
    base({ loss: 'mean_squared_error', epochs: 50, optimizer: { name: 'sgd', learningRate: 1e6 }, callbacks: [{ name: 'TerminateOnNaN' }] }),
    { ...blobs(32, 8), y: new Float32Array(96).fill(1e3) },
    { progressIntervalMs: 0 },
  );
  assert.equal(result.stopReason, 'nan');
  assert.ok(result.epochsRun < 50);
  model.dispose();
});

test('pause holds the loop between steps; resume continues; stop ends it with "stopped"', async () => {
  const model = buildModel(DENSE);
  const trainer = new Trainer(model, base({ epochs: 1000 }));
  let steps = 0;
  const done = trainer.fit(blobs(64, 9), { progressIntervalMs: 0, onBatch: (p) => (steps = p.step + 1) });
  while (steps < 3) await new Promise((r) => setTimeout(r, 1));
  await trainer.pause();
  assert.equal(trainer.state, 'paused');
  const at = steps;
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(steps, at, 'no steps while paused');
  trainer.resume();
  while (steps < at + 3) await new Promise((r) => setTimeout(r, 1));
  trainer.stop();
  const result = await done;
  assert.equal(result.stopReason, 'stopped');
  assert.equal(trainer.state, 'done');
  assert.ok(result.steps >= at + 3 && result.steps < 1000 * 4);
  await assert.rejects(trainer.fit(blobs(8, 1)), /already run/);
  model.dispose();
});

test('validationSplit holds out the last part, before shuffling (Keras)', async () => {
  const { model, result } = await fit(DENSE, base({ epochs: 1, validationSplit: 0.25 }), blobs(64, 10));
  assert.equal(result.steps, 3); // 48 training examples at batch 16
  assert.ok(result.history[0].val_loss !== undefined);
  model.dispose();
});

test('evaluateModel: loss, accuracy and a confusion matrix whose rows are the true classes', async () => {
  const { model } = await fit(DENSE, base({ epochs: 6 }), blobs(96, 11));
  const data = blobs(30, 12);
  const r = await evaluateModel(model, data, { loss: 'sparse_categorical_crossentropy', confusion: true, batchSize: 7 });
  assert.equal(r.count, 30);
  assert.deepEqual(r.confusion!.map((row) => row.reduce((a, b) => a + b, 0)), [10, 10, 10]);
  const correct = r.confusion!.reduce((a, row, i) => a + row[i], 0);
  assert.ok(Math.abs(r.accuracy! - correct / 30) < 1e-9);
  const again = await evaluateModel(model, data, { loss: 'sparse_categorical_crossentropy', batchSize: 30 });
  assert.ok(Math.abs(again.loss - r.loss) < 1e-6, 'batch size does not change the result');
  model.dispose();
});

test('stop during the test pass ends it between batches: the epoch is not logged, and the weights stay', async () => {
  const model = buildModel(DENSE);
  const trainer = new Trainer(model, base({ epochs: 3, batchSize: 30 }));
  const validation = blobs(3000, 9);
  let evaluated = false;
  const result = await trainer.fit(blobs(60, 8), {
    validation,
    evalBatchSize: 10,
    // The last step of the first epoch: the stop arrives while its test pass runs.
    onBatch: (p) => void (p.batch === p.batchesPerEpoch - 1 && setTimeout(() => trainer.stop(), 0)),
    onEpoch: () => (evaluated = true),
  });
  assert.equal(result.stopReason, 'stopped');
  assert.equal(result.epochsRun, 0);
  assert.equal(evaluated, false);
  assert.equal(result.steps, 2);
  const partial = await evaluateModel(model, validation, { loss: 'sparse_categorical_crossentropy', batchSize: 10, shouldStop: () => true });
  assert.deepEqual([partial.count, partial.stopped], [0, true]);
  model.dispose();
});
