/**
 * Keras's `EarlyStopping(monitor='val_loss', min_delta=0, patience=0, mode='auto', baseline=None,
 * restore_best_weights=False, start_from_epoch=0)` as tf.keras 2.11–2.15 runs it, like the small engine (src/nn):
 * with restore_best_weights, the best epoch's weights are put back when it stops training; a run that reaches its
 * last epoch keeps its last weights (Keras 3 restores at train end in both cases). TF.js's own EarlyStopping has no
 * restore_best_weights.
 */
import type { CallbackSpec } from '../../spec/index.js';
import { autoModeIsMax, type Callback, type EpochLogs, type TrainingControl } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'EarlyStopping' }>;

/** EarlyStopping with Keras's semantics; its state is public for the UI (best epoch, waited epochs). */
export class EarlyStopping<W = unknown> implements Callback<W> {
  readonly name = 'EarlyStopping';
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly isMax: boolean;
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  best = Infinity;
  /** Epoch of the best value seen, or -1. */
  bestEpoch = -1;
  /** Epoch at which it stopped training, or -1. */
  stoppedEpoch = -1;
  /** Epoch whose weights were restored at the end, or -1. */
  restoredEpoch = -1;
  private bestWeights: W | null = null;
  private bestWeightsEpoch = -1;
  private warned = false;

  constructor(spec: Omit<Spec, 'name'> = {}) {
    this.monitor = spec.monitor ?? 'val_loss';
    this.minDelta = Math.abs(spec.minDelta ?? 0);
    this.patience = spec.patience ?? 0;
    this.isMax = spec.mode === 'max' || (spec.mode !== 'min' && autoModeIsMax(this.monitor));
    this.baseline = spec.baseline;
    this.restoreBestWeights = spec.restoreBestWeights ?? false;
    this.startFromEpoch = spec.startFromEpoch ?? 0;
  }

  /** Keras's `_is_improvement`: better than `reference` by more than min_delta. */
  isImprovement(value: number, reference: number): boolean {
    return this.isMax ? value - this.minDelta > reference : value + this.minDelta < reference;
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.best = this.isMax ? -Infinity : Infinity;
    this.bestEpoch = -1;
    this.stoppedEpoch = -1;
    this.restoredEpoch = -1;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, control: TrainingControl<W>): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      if (!this.warned) control.note(this.name, `EarlyStopping watches "${this.monitor}", which this run does not log.`);
      this.warned = true;
      return;
    }
    if (epoch < this.startFromEpoch) return;
    if (this.restoreBestWeights && this.bestWeights === null) {
      // Keras keeps the first epoch's weights, so there is something to restore even without an improvement.
      this.keepWeights(epoch, control);
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights(epoch, control);
      // Only restart the wait when the value beats the baseline too.
      if (this.baseline === undefined || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      let message =
        `Early stopping after epoch ${epoch + 1}: ${this.monitor} has not improved for ${this.wait} epoch` +
        `${this.wait === 1 ? '' : 's'} (best ${fmt(this.best)} at epoch ${this.bestEpoch + 1}).`;
      if (this.restoreBestWeights && this.bestWeights !== null) {
        control.restoreWeights(this.bestWeights);
        this.restoredEpoch = this.bestWeightsEpoch;
        message += ` Restored the weights from the end of epoch ${this.bestWeightsEpoch + 1}.`;
      }
      control.stopTraining('early-stopping', message);
    }
  }

  onTrainEnd(control: TrainingControl<W>): void {
    this.release(control);
  }

  /** Frees the kept weights (also when a run is abandoned). */
  release(control: TrainingControl<W>): void {
    if (this.bestWeights !== null) control.disposeSnapshot(this.bestWeights);
    this.bestWeights = null;
  }

  private keepWeights(epoch: number, control: TrainingControl<W>): void {
    if (this.bestWeights !== null) control.disposeSnapshot(this.bestWeights);
    this.bestWeights = control.snapshotWeights();
    this.bestWeightsEpoch = epoch;
  }
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v);
}
