// Keras's callbacks as this library runs them on the TF engine, driven with plain numbers through a fake
// TrainingControl (weights are labels here: the epoch they were taken at).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DivergenceMonitor,
  EarlyStopping,
  LearningRateScheduler,
  makeCallbacks,
  ReduceLROnPlateau,
  TerminateOnNaN,
  TfError,
  type Callback,
  type EpochLogs,
  type StopReason,
  type TrainingControl,
} from '../../../src/tf/index.js';

/** A control whose "weights" are the current epoch number; it records stops, restores and snapshots alive. */
function fakeControl(lr = 0.1, hasSchedule = false) {
  const state = {
    epoch: 0,
    learningRate: lr,
    stopped: null as null | { reason: StopReason; message: string },
    restored: [] as number[],
    live: new Set<object>(),
    notes: [] as string[],
  };
  const control: TrainingControl<{ epoch: number }> = {
    get learningRate() {
      return state.learningRate;
    },
    set learningRate(v: number) {
      state.learningRate = v;
    },
    hasSchedule,
    stopTraining: (reason, message) => (state.stopped ??= { reason, message }),
    snapshotWeights: () => {
      const s = { epoch: state.epoch };
      state.live.add(s);
      return s;
    },
    restoreWeights: (s) => state.restored.push(s.epoch),
    disposeSnapshot: (s) => state.live.delete(s),
    note: (_source, message) => state.notes.push(message),
  };
  return { control, state };
}

/** Runs epochs with the given monitored values until a callback stops training; returns the epochs run. */
function run<W>(cb: Callback<W>, control: TrainingControl<W>, state: { epoch: number; stopped: unknown }, values: number[], key = 'val_loss') {
  cb.onTrainBegin?.(control);
  let epochs = 0;
  for (const [epoch, v] of values.entries()) {
    state.epoch = epoch;
    cb.onEpochBegin?.(epoch, control);
    cb.onEpochEnd?.(epoch, { loss: v, [key]: v } as EpochLogs, control);
    epochs++;
    if (state.stopped) break;
  }
  cb.onTrainEnd?.(control);
  return epochs;
}

test('EarlyStopping stops after `patience` epochs without improvement and restores the best weights', () => {
  const { control, state } = fakeControl();
  const es = new EarlyStopping<{ epoch: number }>({ patience: 3, restoreBestWeights: true });
  const epochs = run(es, control, state, [1.0, 0.9, 0.95, 0.96, 0.97, 0.5]);
  assert.equal(epochs, 5); // stopped at epoch 4: three epochs after the best (epoch 1)
  assert.equal(state.stopped?.reason, 'early-stopping');
  assert.match(state.stopped!.message, /after epoch 5.*best 0\.9 at epoch 2\)\. Restored the weights from the end of epoch 2\./);
  assert.equal(es.bestEpoch, 1);
  assert.equal(es.stoppedEpoch, 4);
  assert.deepEqual(state.restored, [1]);
  assert.equal(es.restoredEpoch, 1);
  assert.equal(state.live.size, 0, 'every snapshot is freed');
});

test('EarlyStopping: min_delta, max mode for accuracy, no restore by default', () => {
  const a = fakeControl();
  const es = new EarlyStopping<{ epoch: number }>({ patience: 1, minDelta: 0.05 });
  assert.equal(run(es, a.control, a.state, [1.0, 0.99, 0.98]), 2);
  assert.deepEqual(a.state.restored, []);

  const b = fakeControl();
  const acc = new EarlyStopping<{ epoch: number }>({ monitor: 'val_accuracy', patience: 2 });
  assert.equal(acc.isMax, true);
  assert.equal(run(acc, b.control, b.state, [0.5, 0.6, 0.7, 0.65, 0.66, 0.9], 'val_accuracy'), 5);
  assert.equal(acc.bestEpoch, 2);
});

test('EarlyStopping (tf.keras 2.x, as the small engine) keeps the last weights when every epoch ran', () => {
  const { control, state } = fakeControl();
  const es = new EarlyStopping<{ epoch: number }>({ patience: 10, restoreBestWeights: true });
  assert.equal(run(es, control, state, [1.0, 0.5, 0.7, 0.8]), 4);
  assert.equal(state.stopped as unknown, null);
  assert.deepEqual(state.restored, []);
  assert.equal(es.restoredEpoch, -1);
  assert.equal(state.live.size, 0, 'the kept snapshot is freed at the end');
});

test('EarlyStopping: a baseline not beaten keeps the wait running', () => {
  const { control, state } = fakeControl();
  const es = new EarlyStopping<{ epoch: number }>({ patience: 2, baseline: 0.5 });
  assert.equal(run(es, control, state, [1.0, 1.1, 1.2]), 2);
});

test('EarlyStopping notes once when its monitor is not logged', () => {
  const { control, state } = fakeControl();
  const es = new EarlyStopping<{ epoch: number }>({ monitor: 'val_loss', patience: 0 });
  run(es, control, state, [1, 2, 3], 'something_else');
  assert.equal(state.stopped, null);
  assert.equal(state.notes.length, 1);
});

test('ReduceLROnPlateau: factor, patience, cooldown and min_lr as in Keras', () => {
  const { control, state } = fakeControl(0.1);
  const cb = new ReduceLROnPlateau<{ epoch: number }>({ factor: 0.5, patience: 2, cooldown: 1 });
  const rates: number[] = [];
  cb.onTrainBegin(control);
  for (let e = 0; e < 6; e++) {
    cb.onEpochEnd(e, { loss: 1, val_loss: 1 }, control);
    rates.push(state.learningRate);
  }
  assert.deepEqual(rates, [0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);

  const floor = fakeControl(0.1);
  const min = new ReduceLROnPlateau<{ epoch: number }>({ factor: 0.1, patience: 1, minLr: 0.005 });
  min.onTrainBegin(floor.control);
  for (let e = 0; e < 5; e++) min.onEpochEnd(e, { loss: 1, val_loss: 1 }, floor.control);
  assert.equal(floor.state.learningRate, 0.005);
});

test('ReduceLROnPlateau refuses a scheduled rate and a factor ≥ 1, as Keras does', () => {
  const { control } = fakeControl(0.1, true);
  assert.throws(() => new ReduceLROnPlateau({}).onTrainBegin(control), (e: unknown) => e instanceof TfError && e.code === 'spec');
  assert.throws(() => new ReduceLROnPlateau({ factor: 1 }), /below 1/);
});

test('TerminateOnNaN stops at the first non-finite batch loss', () => {
  const { control, state } = fakeControl();
  const cb = new TerminateOnNaN<{ epoch: number }>();
  cb.onBatchEnd(0, 2.3, control);
  assert.equal(state.stopped as unknown, null);
  cb.onBatchEnd(1, Infinity, control);
  cb.onBatchEnd(2, NaN, control);
  assert.equal(state.stopped?.reason, 'nan');
  assert.equal(cb.stoppedStep, 1);
});

test('DivergenceMonitor: NaN, or a window mean above ratio × the first loss; noise around a flat loss is not', () => {
  const flat = new DivergenceMonitor({ window: 5, ratio: 1.25 });
  const noisy = [2.3, 2.5, 2.1, 2.6, 2.4, 2.2, 2.7, 2.3, 2.5, 2.4];
  assert.ok(noisy.every((l, i) => !flat.push(i, l)));

  const blowUp = new DivergenceMonitor({ window: 3, ratio: 1.25 });
  const losses = [2.3, 2.8, 4.0, 9.0, 14.0];
  const at = losses.findIndex((l, i) => blowUp.push(i, l));
  assert.equal(at, 2); // mean(2.3, 2.8, 4.0) = 3.03 > 1.25 × 2.3
  assert.equal(blowUp.divergedAt, 2);

  const { control, state } = fakeControl();
  const nan = new DivergenceMonitor<{ epoch: number }>();
  nan.onBatchEnd(0, 2.3, control);
  nan.onBatchEnd(1, NaN, control);
  assert.equal(state.stopped?.reason, 'diverged');
  assert.match(state.stopped!.message, /NaN/);
});

test('LearningRateScheduler sets the rate per epoch from a schedule spec (or per step)', () => {
  const { control, state } = fakeControl(1);
  const cb = new LearningRateScheduler<{ epoch: number }>({
    schedule: { name: 'ExponentialDecay', initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 },
  });
  const rates: number[] = [];
  for (let e = 0; e < 3; e++) {
    cb.onEpochBegin(e, control);
    rates.push(state.learningRate);
  }
  assert.deepEqual(rates, [0.1, 0.05, 0.025]);
  assert.equal(cb.rateForStep(3), null);
  const perStep = new LearningRateScheduler({
    schedule: { name: 'PiecewiseConstantDecay', boundaries: [2], values: [1, 0.5] },
    perEpoch: false,
  });
  assert.deepEqual([0, 1, 2, 3].map((s) => perStep.rateForStep(s)), [1, 1, 1, 0.5]);
});

test('makeCallbacks builds each spec in order and refuses unknown names', () => {
  const cbs = makeCallbacks([{ name: 'TerminateOnNaN' }, { name: 'EarlyStopping', patience: 5 }]);
  assert.deepEqual(cbs.map((c) => c.name), ['TerminateOnNaN', 'EarlyStopping']);
  assert.throws(() => makeCallbacks([{ name: 'ModelCheckpoint' } as never]), /callbacks\[0\]\.name "ModelCheckpoint"/);
});
