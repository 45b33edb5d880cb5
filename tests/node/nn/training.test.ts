/**
 * The fit loop: Keras's batching, epoch means, validation split and data, seeded shuffling, History, the built-in
 * callbacks (EarlyStopping, ReduceLROnPlateau, LearningRateScheduler, TerminateOnNaN) and plain hooks, and the
 * time-sliced async form (yields, pause/resume, AbortSignal).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import { makeSchedule } from '../../../src/schedules/index.js';
import {
  adam,
  compile,
  dense,
  earlyStopping,
  evaluate,
  fit,
  fitAsync,
  gradients,
  learningRateScheduler,
  reduceLROnPlateau,
  sequential,
  sgd,
  startFit,
  terminateOnNaN,
  type Callback,
  type EpochLogs,
  type Sequential,
  type TrainSpec,
} from '../../../src/core.js';
import { randomRows } from './helpers.js';

function data(seed: number, n: number): { X: number[][]; y: number[] } {
  const rs = new RandomState(seed);
  const X = randomRows(rs, n, 2);
  return { X, y: X.map(([a, b]) => (a * a + b * b < 0.5 ? 1 : 0)) };
}

function model(seed = 0): Sequential {
  return sequential([dense(6, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2], seed });
}

function compiled(train: Partial<TrainSpec> = {}, seed = 0): Sequential {
  const m = model(seed);
  compile(m, { optimizer: adam({ learningRate: 0.01 }), loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 5, batchSize: 16, ...train });
  return m;
}

test('History: keys, one entry per epoch, params; the loss goes down on an easy task', () => {
  const { X, y } = data(1, 100);
  const m = compiled({ epochs: 30 });
  const h = fit(m, X, y, { validationData: [X.slice(0, 20), y.slice(0, 20)] });
  assert.deepEqual(Object.keys(h.history).sort(), ['accuracy', 'loss', 'lr', 'val_accuracy', 'val_loss']);
  assert.deepEqual(h.epoch, Array.from({ length: 30 }, (_, i) => i));
  assert.equal(h.history.loss.length, 30);
  assert.deepEqual(h.params, { epochs: 30, steps: 7, batchSize: 16, samples: 100 });
  assert.ok(h.history.loss[29] < h.history.loss[0] * 0.9);
  assert.ok(h.history.lr.every((v) => v === 0.01));
  assert.equal(h.stopped, undefined);
});

test('epoch loss and accuracy are the sample-weighted means of each batch’s pre-update values; batch logs run', () => {
  const { X, y } = data(2, 50);
  const m = compiled({ epochs: 1, batchSize: 16 });
  const batches: Array<{ size: number; batchLoss: number; loss: number }> = [];
  const h = fit(m, X, y, { onBatchEnd: (_b, logs) => batches.push({ size: logs.size, batchLoss: logs.batchLoss, loss: logs.loss }) });
  assert.deepEqual(batches.map((b) => b.size), [16, 16, 16, 2]);
  const weighted = batches.reduce((s, b) => s + b.batchLoss * b.size, 0) / 50;
  assert.ok(Math.abs(h.history.loss[0] - weighted) < 1e-14);
  assert.ok(Math.abs(batches[3].loss - weighted) < 1e-14, 'the running mean after the last batch is the epoch loss');
});

test('batches follow RandomState(seed).permutation(n) per epoch, and each step is w ← w − lr·∇ (checked by hand)', () => {
  const { X, y } = data(3, 10);
  const m = compiled({ optimizer: sgd({ learningRate: 0.3 }), epochs: 2, batchSize: 4, seed: 11 });
  const ref = compiled({ optimizer: sgd({ learningRate: 0.3 }), epochs: 2, batchSize: 4, seed: 11 });
  fit(m, X, y);
  const rs = new RandomState(11);
  for (let e = 0; e < 2; e++) {
    const perm = rs.permutation(10);
    for (let s = 0; s < 10; s += 4) {
      const idx = perm.slice(s, s + 4);
      const g = gradients(ref, idx.map((i) => X[i]), idx.map((i) => y[i]));
      const flat = g.flatMap((l) => [...l.kernel, ...(l.bias ?? [])]);
      ref.params.forEach((_, i) => (ref.params[i] -= 0.3 * flat[i]));
    }
  }
  for (let i = 0; i < m.params.length; i++) assert.ok(Math.abs(m.params[i] - ref.params[i]) < 1e-13);
});

test('same seed, same run; another seed, another order; shuffle: false keeps the order', () => {
  const { X, y } = data(4, 64);
  const a = compiled({ seed: 1 });
  const b = compiled({ seed: 1 });
  const c = compiled({ seed: 2 });
  fit(a, X, y);
  fit(b, X, y);
  fit(c, X, y);
  assert.deepEqual(a.params, b.params);
  assert.notDeepEqual(a.params, c.params);
  const d = compiled({ seed: 1, shuffle: false });
  const e = compiled({ seed: 2, shuffle: false });
  fit(d, X, y);
  fit(e, X, y);
  assert.deepEqual(d.params, e.params);
});

test('validationSplit holds out the LAST fraction (before shuffling), as Keras', () => {
  const { X, y } = data(5, 50);
  const m = compiled({ epochs: 1, validationSplit: 0.3 });
  const h = fit(m, X, y);
  assert.equal(h.params.samples, 35); // floor(50·0.7)
  const v = evaluate(m, X.slice(35), y.slice(35));
  assert.ok(Math.abs(h.history.val_loss[0] - v.loss) < 1e-15);
  assert.equal(h.history.val_accuracy[0], v.accuracy);
  // validationData wins over validationSplit.
  const m2 = compiled({ epochs: 1, validationSplit: 0.3 });
  const h2 = fit(m2, X, y, { validationData: [X.slice(0, 5), y.slice(0, 5)] });
  assert.equal(h2.params.samples, 50);
});

/** A callback that overwrites logs[key] with a scripted value per epoch (placed before the one under test). */
function script(key: string, values: number[]): Callback {
  return { onEpochEnd: (epoch: number, logs: EpochLogs) => void (logs[key] = values[epoch]) };
}

function snapshots(m: Sequential, into: Float64Array[]): Callback {
  return { onEpochEnd: () => void into.push(m.params.slice()) };
}

test('EarlyStopping: patience counts epochs without improvement; restore_best_weights when it stops', () => {
  const { X, y } = data(6, 32);
  const m = compiled({ epochs: 20 });
  const snaps: Float64Array[] = [];
  const es = earlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
  const h = fit(m, X, y, { validationSplit: 0.25, callbacks: [script('val_loss', [1, 0.9, 0.95, 0.96, 0.5]), snapshots(m, snaps), es] });
  assert.equal(h.epoch.length, 4);
  assert.equal(h.stopped?.reason, 'early-stopping');
  assert.match(h.stopped!.message, /epoch 4.*Restored the weights from the end of epoch 2/);
  assert.deepEqual(m.params, snaps[1]);
  assert.deepEqual(h.history.val_loss, [1, 0.9, 0.95, 0.96]);
});

test('EarlyStopping (tf.keras 2.x): no restore when training runs to the end; min_delta; mode auto for accuracy', () => {
  const { X, y } = data(7, 32);
  const m = compiled({ epochs: 4 });
  const snaps: Float64Array[] = [];
  fit(m, X, y, { callbacks: [script('loss', [1, 0.5, 0.6, 0.7]), snapshots(m, snaps), earlyStopping({ monitor: 'loss', patience: 5, restoreBestWeights: true })] });
  assert.deepEqual(m.params, snaps[3]);
  // min_delta 0.1: 0.95 is not an improvement on 1.0, so wait reaches patience 1 at epoch 1.
  const h = fit(compiled({ epochs: 10 }), X, y, { callbacks: [script('loss', [1, 0.95, 0.5]), earlyStopping({ monitor: 'loss', minDelta: 0.1, patience: 1 })] });
  assert.equal(h.epoch.length, 2);
  // 'accuracy' is maximised in auto mode.
  const h2 = fit(compiled({ epochs: 10 }), X, y, { callbacks: [script('accuracy', [0.5, 0.6, 0.55, 0.54]), earlyStopping({ monitor: 'accuracy', patience: 2 })] });
  assert.equal(h2.epoch.length, 4);
});

test('EarlyStopping: an improvement resets wait only if it also beats the baseline; start_from_epoch skips epochs', () => {
  const { X, y } = data(8, 32);
  // Improving but never below the baseline: wait goes 1, 2, 3 (an improving epoch never stops training itself),
  // so the first worse epoch stops it.
  const h = fit(compiled({ epochs: 10 }), X, y, { callbacks: [script('loss', [1, 0.9, 0.8, 0.85, 0.7]), earlyStopping({ monitor: 'loss', patience: 3, baseline: 0.5 })] });
  assert.equal(h.epoch.length, 4);
  const h1 = fit(compiled({ epochs: 5 }), X, y, { callbacks: [script('loss', [1, 0.9, 0.8, 0.85, 0.7]), earlyStopping({ monitor: 'loss', patience: 3 })] });
  assert.equal(h1.epoch.length, 5);
  const h2 = fit(compiled({ epochs: 10 }), X, y, { callbacks: [script('loss', [1, 2, 3, 4, 5, 6, 7]), earlyStopping({ monitor: 'loss', patience: 1, startFromEpoch: 3 })] });
  assert.equal(h2.epoch.length, 5); // epoch 3 sets best, epoch 4 is worse: stop
});

test('ReduceLROnPlateau: lr ← max(lr·factor, min_lr) after `patience` flat epochs, then cooldown', () => {
  const { X, y } = data(9, 32);
  const m = compiled({ optimizer: sgd({ learningRate: 0.1 }), epochs: 9 });
  const h = fit(m, X, y, { callbacks: [script('val_loss', new Array(9).fill(1)), reduceLROnPlateau({ monitor: 'val_loss', patience: 2, factor: 0.5, cooldown: 1, minLr: 0.02 })] });
  // logs.lr is the rate used during the epoch (set before callbacks reduce it). As in Keras, the epoch that ends
  // the cooldown already counts towards the next wait.
  const lr = h.history.lr;
  const expected = [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02];
  lr.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-15, `epoch ${i}: ${v} vs ${expected[i]}`));
  assert.ok(Math.abs(m.compiled!.optimizer.learningRate - 0.02) < 1e-15);
});

test('LearningRateScheduler sets lr = schedule(epoch) each epoch; a schedule optimizer logs schedule(iterations)', () => {
  const { X, y } = data(10, 32);
  const schedule = { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 } as const;
  const h = fit(compiled({ optimizer: sgd(), epochs: 4 }), X, y, { callbacks: [learningRateScheduler(schedule)] });
  const f = makeSchedule(schedule);
  h.history.lr.forEach((v, e) => assert.equal(v, f(e)));
  const m = compiled({ optimizer: adam({ learningRate: { name: 'InverseTimeDecay', initialLearningRate: 0.01, decaySteps: 2, decayRate: 1 } }), epochs: 3, batchSize: 8 });
  const h2 = fit(m, X, y);
  const g = makeSchedule({ name: 'InverseTimeDecay', initialLearningRate: 0.01, decaySteps: 2, decayRate: 1 });
  h2.history.lr.forEach((v, e) => assert.equal(v, g((e + 1) * 4)));
  assert.throws(() => fit(m, X, y, { callbacks: [reduceLROnPlateau()] }), /schedule/);
});

test('TerminateOnNaN stops at the bad step, names epoch and step, and keeps the weights from before it', () => {
  const rs = new RandomState(12);
  const X = randomRows(rs, 64, 2, -10, 10);
  const y = X.map(([a, b]) => [a * 100 + b * 100]);
  const m = sequential([dense(8, { activation: 'relu' }), dense(1)], { inputShape: [2], seed: 1 });
  compile(m, { optimizer: sgd({ learningRate: 5 }), loss: 'mean_squared_error', epochs: 50, batchSize: 8, callbacks: [terminateOnNaN()] });
  let before = m.params.slice();
  let last = m.params.slice();
  const h = fit(m, X, y, { onBatchEnd: () => { before = last; last = m.params.slice(); } });
  assert.equal(h.stopped?.reason, 'nan');
  assert.match(h.stopped!.message, /at epoch \d+, step \d+: training stopped \(TerminateOnNaN\) and the weights from before that step were kept/);
  assert.ok(m.params.every(Number.isFinite));
  assert.deepEqual(m.params, last);
  assert.ok(before.length > 0);
  assert.ok(Number.isNaN(h.history.loss.at(-1)!) || !Number.isFinite(h.history.loss.at(-1)!));
  // Without TerminateOnNaN, training goes on as Keras would (and the weights are lost).
  const n = sequential([dense(8, { activation: 'relu' }), dense(1)], { inputShape: [2], seed: 1 });
  compile(n, { optimizer: sgd({ learningRate: 5 }), loss: 'mean_squared_error', epochs: 5, batchSize: 8 });
  const h2 = fit(n, X, y);
  assert.equal(h2.stopped, undefined);
  assert.equal(h2.epoch.length, 5);
});

test('recordGradientNorms: one entry per epoch with a kernel and bias norm per layer', () => {
  const { X, y } = data(13, 40);
  const h = fit(compiled({ epochs: 3 }), X, y, { recordGradientNorms: true });
  assert.equal(h.layerGradientNorms!.length, 3);
  for (const e of h.layerGradientNorms!) {
    assert.equal(e.length, 2);
    for (const l of e) assert.ok(l.kernel > 0 && l.bias > 0);
  }
});

test('fitAsync gives the same result as fit, and lets the event loop run while it trains', async () => {
  const { X, y } = data(14, 200);
  const a = compiled({ epochs: 30 });
  const b = compiled({ epochs: 30 });
  const hs = fit(a, X, y);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const ha = await fitAsync(b, X, y, { sliceMs: 1 });
  clearInterval(timer);
  assert.deepEqual(b.params, a.params);
  assert.deepEqual(ha.history, hs.history);
  assert.ok(ticks > 0, 'timers ran during training');
});

test('startFit: pause holds training, resume continues, abort (or an AbortSignal) stops it with a reason', async () => {
  const { X, y } = data(15, 100);
  const m = compiled({ epochs: 1000 });
  const run = startFit(m, X, y, { sliceMs: 1, onEpochEnd: (e) => { if (e === 2) run.pause(); } });
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(run.paused, true);
  assert.equal(run.history.epoch.length, 3);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(run.history.epoch.length, 3, 'no epochs while paused');
  run.resume();
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(run.history.epoch.length > 3);
  run.abort();
  const h = await run.done;
  assert.equal(h.stopped?.reason, 'aborted');
  assert.ok(h.epoch.length < 1000);

  const controller = new AbortController();
  const m2 = compiled({ epochs: 1000 });
  const p = fitAsync(m2, X, y, { signal: controller.signal, onEpochEnd: (e) => { if (e === 4) controller.abort(); } });
  const h2 = await p;
  assert.equal(h2.stopped?.reason, 'aborted');
  assert.equal(h2.epoch.length, 5);
  // An already-aborted signal: nothing runs.
  const m3 = compiled({ epochs: 10 });
  const before = m3.params.slice();
  const h3 = await fitAsync(m3, X, y, { signal: AbortSignal.abort() });
  assert.equal(h3.epoch.length, 0);
  assert.deepEqual(m3.params, before);
});

test('fitting again continues with the same optimizer state (as Keras after one compile)', () => {
  const { X, y } = data(16, 32);
  const a = compiled({ epochs: 2, shuffle: false });
  const b = compiled({ epochs: 1, shuffle: false });
  fit(a, X, y);
  fit(b, X, y);
  fit(b, X, y);
  assert.deepEqual(b.params, a.params);
  assert.equal(b.compiled!.optimizer.iterations, 4);
});
