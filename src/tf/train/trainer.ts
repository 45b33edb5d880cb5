/**
 * The training loop: Keras's `fit` on a TF.js model, with this library's optimizers (the rate set before every
 * step from a schedule or a callback), seeded shuffling and dropout, Keras's callbacks, divergence detection, and
 * pause/resume/stop between steps. It runs the same on the main thread, in a worker and in Node.
 *
 * Losses stay on the device and are read back in one transfer at most every `progressIntervalMs` (and at each
 * epoch's end): a read per step would stall a GPU's queue. So callbacks that look at batch losses (TerminateOnNaN,
 * divergence) see them a few steps late, and stop the run then.
 */
import * as tf from '@tensorflow/tfjs';
import { RandomState } from '../../random/index.js';
import { assertValidTrainSpec, type TrainSpec } from '../../spec/index.js';
import { installFastCpuConvFilter } from '../backend/cpu-conv-filter.js';
import { DivergenceMonitor, type DivergenceOptions } from '../callbacks/divergence.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import { LearningRateScheduler } from '../callbacks/learning-rate-scheduler.js';
import { makeCallbacks } from '../callbacks/make-callbacks.js';
import type { EpochLogs, StopReason, TrainingControl } from '../callbacks/types.js';
import { TfError } from '../errors.js';
import type { KerasOptimizer } from '../optimizers/keras-optimizer.js';
import { makeOptimizer } from '../optimizers/make-optimizer.js';
import { checkDataset, makeBatch, range, slice, type Dataset } from './dataset.js';
import type { BatchProgress, EpochEnd, TrainResult, TrainingNote } from './events.js';
import { evaluateModel } from './evaluate.js';
import { forward, outputKind } from './forward.js';
import { correctCount, lossValue, toPrediction, type OutputKind } from './losses.js';
import { yieldToEventLoop } from './yield.js';

/** Options of {@link Trainer.fit} beyond the TrainSpec. */
export interface FitOptions {
  /** Evaluated at the end of every epoch (val_loss, val_accuracy). Wins over the spec's validationSplit. */
  validation?: Dataset;
  /** Least time between two batch progress events (default 1000/60 ms: about the display rate). */
  progressIntervalMs?: number;
  /** Stop a run whose loss diverges (the learning-rate sweep); off by default. */
  divergence?: DivergenceOptions | boolean;
  /** Stop after this many steps in all (a sweep's budget); the run then counts as completed. */
  maxSteps?: number;
  /** Examples per forward pass when validating (default 128). */
  evalBatchSize?: number;
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (end: EpochEnd) => void;
  onNote?: (note: TrainingNote) => void;
}

/** The loop's state, for a UI's buttons. */
export type TrainerState = 'idle' | 'training' | 'paused' | 'done';

type Snapshot = tf.Tensor[];

/** One step's device-side results, read back later in a batch of steps. */
interface Pending {
  step: number;
  size: number;
  values: tf.Tensor; // [loss, correct]
}

/**
 * Trains one model with one TrainSpec. A Trainer runs once; make another for the next run (the model and its
 * weights carry over).
 */
export class Trainer {
  private stateValue: TrainerState = 'idle';
  private pauseRequested = false;
  private stopRequested = false;
  private stopReason: StopReason | null = null;
  private stopMessage = '';
  private resumeGate: (() => void) | null = null;
  private pausedWaiters: Array<() => void> = [];
  private notes: TrainingNote[] = [];
  private currentStep = 0;

  constructor(
    readonly model: tf.LayersModel,
    readonly spec: TrainSpec,
  ) {}

  /** idle → training ⇄ paused → done. */
  get state(): TrainerState {
    return this.stateValue;
  }

  /** Pauses at the next step boundary; resolves once the loop is paused (or has ended). */
  pause(): Promise<void> {
    if (this.stateValue === 'paused' || this.stateValue === 'done') return Promise.resolve();
    this.pauseRequested = true;
    return new Promise((resolve) => this.pausedWaiters.push(resolve));
  }

  /** Continues a paused run. */
  resume(): void {
    this.pauseRequested = false;
    this.resumeGate?.();
    this.resumeGate = null;
  }

  /** Ends the run after the current step; `fit` then resolves with stopReason 'stopped'. */
  stop(): void {
    this.requestStop('stopped', 'Training stopped.');
    this.resume();
  }

  private requestStop(reason: StopReason, message: string): void {
    if (this.stopRequested) return;
    this.stopRequested = true;
    this.stopReason = reason;
    this.stopMessage = message;
  }

  /** Waits here while paused; returns false when the run should end. */
  private async gate(): Promise<boolean> {
    if (this.pauseRequested && !this.stopRequested) {
      this.stateValue = 'paused';
      for (const w of this.pausedWaiters.splice(0)) w();
      await new Promise<void>((resolve) => (this.resumeGate = resolve));
      this.stateValue = 'training';
    }
    return !this.stopRequested;
  }

  /**
   * Trains on `train` for the spec's epochs.
   *
   * @throws {SpecError} for a TrainSpec that does not validate (every problem listed); {@link TfError} `state` if
   *   this Trainer already ran, `spec`/`data`/`model` when the spec, data and model do not fit together (named).
   *   Divergence, NaN losses, early stopping and stop() are results, not errors.
   */
  async fit(train: Dataset, options: FitOptions = {}): Promise<TrainResult> {
    if (this.stateValue !== 'idle') throw new TfError('state', 'This Trainer has already run; make a new one.');
    const spec = this.spec;
    assertValidTrainSpec(spec);
    // The cpu backend's conv filter gradient is TF.js's slowest kernel by far; a no-op after the first call.
    installFastCpuConvFilter();
    const started = performance.now();
    checkDataset(train, 'training data');
    let validation = options.validation;
    if (!validation && spec.validationSplit && spec.validationSplit > 0) {
      // Keras: the last fraction of the data, before shuffling.
      const at = Math.floor(train.count * (1 - spec.validationSplit));
      validation = slice(train, at, train.count);
      train = slice(train, 0, at);
    }
    if (validation) checkDataset(validation, 'validation data');
    const batchSize = spec.batchSize ?? 32;
    const batchesPerEpoch = Math.ceil(train.count / batchSize);
    if (batchesPerEpoch === 0) throw new TfError('data', 'The training data is empty.');
    const totalSteps = Math.min(spec.epochs * batchesPerEpoch, options.maxSteps ?? Infinity);
    const interval = options.progressIntervalMs ?? 1000 / 60;

    const { optimizer, schedule } = makeOptimizer(spec.optimizer);
    const callbacks = makeCallbacks<Snapshot>(spec.callbacks);
    let divergence: DivergenceMonitor<Snapshot> | null = null;
    if (options.divergence) {
      divergence = new DivergenceMonitor<Snapshot>(options.divergence === true ? {} : options.divergence);
      callbacks.push(divergence);
    }
    const stepScheduler = callbacks.find((c): c is LearningRateScheduler<Snapshot> => c instanceof LearningRateScheduler);
    const control = this.control(optimizer, schedule !== null, options);
    const kind = outputKind(this.model, spec.fromLogits ?? false);
    // LayerVariable.read() is the tf.Variable itself, typed as a Tensor.
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const rng = new RandomState(spec.seed ?? 0);
    const seed = spec.seed ?? 0;
    const history: EpochLogs[] = [];
    let step = 0;
    let epoch = 0;
    let totalSeen = 0;
    let rate = 0;
    let lastRateTime = started;
    let lastRateStep = 0;

    this.stateValue = 'training';
    try {
      for (const c of callbacks) c.onTrainBegin?.(control);
      for (epoch = 0; epoch < spec.epochs && step < totalSteps && !this.stopRequested; epoch++) {
        for (const c of callbacks) c.onEpochBegin?.(epoch, control);
        const order = range(0, train.count);
        if (spec.shuffle ?? true) rng.shuffle(order);
        const epochStart = performance.now();
        const epochStartStep = step;
        let lossSum = 0;
        let correctSum = 0;
        let seen = 0;
        let lastFlush = performance.now();
        let pending: Pending[] = [];

        const flush = async (batch: number): Promise<void> => {
          if (pending.length === 0) return;
          const packed = tf.stack(pending.map((p) => p.values));
          const values = await packed.data();
          packed.dispose();
          const losses: Array<{ step: number; loss: number }> = [];
          pending.forEach((p, i) => {
            const loss = values[2 * i];
            lossSum += loss * p.size;
            correctSum += values[2 * i + 1];
            seen += p.size;
            losses.push({ step: p.step, loss });
            for (const c of callbacks) c.onBatchEnd?.(p.step, loss, control);
            p.values.dispose();
          });
          pending = [];
          const now = performance.now();
          const done = (step - lastRateStep) * batchSize;
          if (now > lastRateTime) {
            const recent = (1000 * done) / (now - lastRateTime);
            rate = rate === 0 ? recent : 0.7 * rate + 0.3 * recent;
          }
          lastRateTime = now;
          lastRateStep = step;
          lastFlush = now;
          options.onBatch?.({
            epoch,
            epochs: spec.epochs,
            batch,
            batchesPerEpoch,
            step: step - 1,
            totalSteps,
            loss: losses[losses.length - 1].loss,
            meanLoss: lossSum / seen,
            ...(spec.loss !== 'mean_squared_error' ? { accuracy: correctSum / seen } : {}),
            learningRate: optimizer.learningRate,
            imagesPerSecond: rate,
            elapsedMs: now - started,
            etaMs: rate > 0 ? ((totalSteps - step) * batchSize * 1000) / rate : NaN,
            losses,
          });
        };

        for (let b = 0; b < batchesPerEpoch && step < totalSteps; b++) {
          if (!(await this.gate())) break;
          this.currentStep = step;
          const perStep = stepScheduler?.rateForStep(step);
          if (schedule) optimizer.learningRate = schedule(optimizer.iterations);
          else if (perStep != null) optimizer.learningRate = perStep;
          const indices = order.subarray(b * batchSize, Math.min(train.count, (b + 1) * batchSize));
          const batch = makeBatch(train, indices);
          const values = this.trainStep(batch.x, batch.y, kind, variables, optimizer, seed, step);
          tf.dispose([batch.x, batch.y]);
          pending.push({ step, size: batch.size, values });
          step++;
          if (performance.now() - lastFlush >= interval) {
            await flush(b);
            await yieldToEventLoop();
          }
        }
        await flush(step - epochStartStep - 1);
        totalSeen += seen;
        // A run stopped inside an epoch (stop(), NaN, divergence) logs no epoch: Keras has none for it either.
        // An epoch cut short by the step budget is logged and validated, like Keras's steps_per_epoch.
        if (seen === 0 || (this.stopRequested && this.stopReason !== 'early-stopping')) break;
        const logs: EpochLogs = { loss: lossSum / seen };
        if (spec.loss !== 'mean_squared_error') logs.accuracy = correctSum / seen;
        if (validation) {
          const v = await evaluateModel(this.model, validation, {
            loss: spec.loss,
            fromLogits: spec.fromLogits,
            batchSize: options.evalBatchSize,
            shouldStop: () => this.stopRequested && this.stopReason === 'stopped',
          });
          // Stopped during the test pass: the epoch is not logged, as one stopped during its steps is not.
          if (v.stopped) break;
          logs.val_loss = v.loss;
          if (v.accuracy !== undefined) logs.val_accuracy = v.accuracy;
        }
        logs.learning_rate = optimizer.learningRate;
        for (const c of callbacks) c.onEpochEnd?.(epoch, logs, control);
        history.push(logs);
        const epochMs = performance.now() - epochStart;
        options.onEpoch?.({
          epoch,
          epochs: spec.epochs,
          logs,
          elapsedMs: performance.now() - started,
          imagesPerSecond: epochMs > 0 ? (1000 * seen) / epochMs : 0,
        });
        await yieldToEventLoop();
      }
      for (const c of callbacks) c.onTrainEnd?.(control);
    } catch (err) {
      for (const c of callbacks) if (c instanceof EarlyStopping) c.release(control);
      throw err;
    } finally {
      optimizer.dispose();
      this.stateValue = 'done';
      for (const w of this.pausedWaiters.splice(0)) w();
    }

    const early = callbacks.find((c): c is EarlyStopping<Snapshot> => c instanceof EarlyStopping);
    const elapsedMs = performance.now() - started;
    const reason = this.stopReason ?? 'completed';
    return {
      stopReason: reason,
      message:
        reason === 'completed'
          ? `Trained ${history.length} epoch${history.length === 1 ? '' : 's'} (${step} steps).`
          : this.stopMessage,
      epochsRun: history.length,
      steps: step,
      history,
      divergedAtStep: divergence?.divergedAt ?? (reason === 'nan' ? this.currentStep : -1),
      bestEpoch: early?.bestEpoch ?? -1,
      restoredEpoch: early?.restoredEpoch ?? -1,
      elapsedMs,
      imagesPerSecond: elapsedMs > 0 ? (1000 * totalSeen) / elapsedMs : 0,
      notes: this.notes,
    };
  }

  /** One optimizer step; returns [loss, correct] on the device (kept: the caller disposes it). */
  private trainStep(
    x: tf.Tensor,
    y: tf.Tensor,
    kind: OutputKind,
    variables: tf.Variable[],
    optimizer: KerasOptimizer,
    seed: number,
    step: number,
  ): tf.Tensor {
    const spec = this.spec;
    const kept: { output?: tf.Tensor } = {};
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const out = forward(this.model, x, { training: true, seed, step, logits: true });
        // Kept past variableGrads' scope: accuracy is read from the same forward pass.
        kept.output = tf.keep(out);
        let loss = lossValue(spec.loss, y, out, kind);
        for (const layer of this.model.layers) for (const r of layer.calculateLosses()) loss = tf.add(loss, r);
        return loss;
      }, variables);
      optimizer.applyGradients(grads);
      const output = kept.output!;
      const correct =
        spec.loss === 'mean_squared_error' ? tf.scalar(0) : correctCount(spec.loss, y, toPrediction(output, kind));
      const result = tf.stack([value, correct]);
      output.dispose();
      return result;
    });
  }

  private control(
    optimizer: KerasOptimizer,
    hasSchedule: boolean,
    options: FitOptions,
  ): TrainingControl<Snapshot> {
    const model = this.model;
    const self = this;
    return {
      get learningRate() {
        return optimizer.learningRate;
      },
      set learningRate(lr: number) {
        if (hasSchedule) throw new TfError('spec', 'The learning rate is set by a schedule and cannot be changed.');
        optimizer.learningRate = lr;
      },
      hasSchedule,
      stopTraining: (reason, message) => self.requestStop(reason, message),
      snapshotWeights: () => tf.tidy(() => model.getWeights().map((w) => w.clone())),
      restoreWeights: (snapshot) => model.setWeights(snapshot),
      disposeSnapshot: (snapshot) => tf.dispose(snapshot),
      note: (source, message) => {
        const note = { source, message, step: self.currentStep };
        self.notes.push(note);
        options.onNote?.(note);
      },
    };
  }
}
