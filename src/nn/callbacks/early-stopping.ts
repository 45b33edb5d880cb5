/**
 * Keras's `EarlyStopping(monitor='val_loss', min_delta=0, patience=0, mode='auto', baseline=None,
 * restore_best_weights=False, start_from_epoch=0)`, as tf.keras 2.11–2.15 runs it:
 * - improvement means monitor_op(current − min_delta, best), with min_delta's sign set by the mode
 *   ('auto' maximises monitors ending in acc/accuracy/auc);
 * - epochs before start_from_epoch, and epochs without the monitored value, are ignored;
 * - wait counts epochs since the last improvement; an improvement resets it only if it also beats `baseline`;
 * - training stops when wait ≥ patience (never after the first epoch);
 * - restore_best_weights restores the best epoch's weights only when it stops training. If training runs to
 *   its last epoch, the last weights stay (Keras 3 changed this to restore at train end; tf.keras 2.x did not).
 */
import type { CallbackSpec } from '../../spec/types.js';
import type { Callback, EpochLogs, TrainingContext } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'EarlyStopping' }>;

/** Builds an EarlyStopping spec (Keras defaults where left out). */
export function earlyStopping(options: Omit<Spec, 'name'> = {}): Spec {
  return { name: 'EarlyStopping', ...options };
}

/** The mode Keras's 'auto' picks: maximise accuracy-like monitors, minimise the rest. */
export function monitorMaximises(monitor: string, mode: 'auto' | 'min' | 'max' | undefined): boolean {
  if (mode === 'max') return true;
  if (mode === 'min') return false;
  return monitor.endsWith('acc') || monitor.endsWith('accuracy') || monitor.endsWith('auc');
}

/** The running EarlyStopping callback; `bestEpoch`, `stoppedEpoch` and `best` can be read after training. */
export class EarlyStopping implements Callback {
  readonly name = 'EarlyStopping';
  readonly monitor: string;
  private readonly maximise: boolean;
  private readonly minDelta: number;
  private readonly patience: number;
  private readonly baseline: number | undefined;
  private readonly restore: boolean;
  private readonly startFromEpoch: number;
  wait = 0;
  stoppedEpoch = 0;
  best = Infinity;
  bestEpoch = 0;
  private bestWeights: Float64Array | null = null;

  constructor(spec: Spec) {
    this.monitor = spec.monitor ?? 'val_loss';
    this.maximise = monitorMaximises(this.monitor, spec.mode);
    // Keras stores min_delta with the sign that makes `current - min_delta` the bar to beat.
    this.minDelta = Math.abs(spec.minDelta ?? 0) * (this.maximise ? 1 : -1);
    this.patience = spec.patience ?? 0;
    this.baseline = spec.baseline ?? undefined;
    this.restore = spec.restoreBestWeights ?? false;
    this.startFromEpoch = spec.startFromEpoch ?? 0;
  }

  private improves(value: number, reference: number): boolean {
    const v = value - this.minDelta;
    return this.maximise ? v > reference : v < reference;
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.maximise ? -Infinity : Infinity;
    this.bestWeights = null;
    this.bestEpoch = 0;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): void {
    const current = logs[this.monitor];
    if (current === undefined || epoch < this.startFromEpoch) return;
    const params = ctx.model.params;
    // Keras keeps the first epoch's weights in case nothing ever improves.
    if (this.restore && this.bestWeights === null) this.bestWeights = params.slice();
    this.wait++;
    if (this.improves(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restore) this.bestWeights!.set(params);
      if (this.baseline === undefined || this.improves(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      ctx.stopTraining = true;
      let message = `Early stopping after epoch ${epoch + 1}: ${this.monitor} has not improved for ${this.wait} epochs (best ${this.best} at epoch ${this.bestEpoch + 1}).`;
      if (this.restore && this.bestWeights !== null) {
        params.set(this.bestWeights);
        message += ` Restored the weights from the end of epoch ${this.bestEpoch + 1}.`;
      }
      ctx.stopInfo = { reason: 'early-stopping', epoch, message };
    }
  }
}
