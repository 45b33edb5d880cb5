/**
 * Keras's `ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=10, mode='auto', min_delta=1e-4,
 * cooldown=0, min_lr=0)`: after `patience` epochs without improvement (by more than min_delta), lr ← max(lr·factor,
 * min_lr), then `cooldown` epochs during which wait stays 0. 'auto' maximises monitors containing "acc".
 */
import type { CallbackSpec } from '../../spec/types.js';
import type { Callback, EpochLogs, TrainingContext } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'ReduceLROnPlateau' }>;

/** Builds a ReduceLROnPlateau spec (Keras defaults where left out). */
export function reduceLROnPlateau(options: Omit<Spec, 'name'> = {}): Spec {
  return { name: 'ReduceLROnPlateau', ...options };
}

/** The running ReduceLROnPlateau callback. */
export class ReduceLROnPlateau implements Callback {
  readonly name = 'ReduceLROnPlateau';
  readonly monitor: string;
  private readonly factor: number;
  private readonly patience: number;
  private readonly minDelta: number;
  private readonly cooldown: number;
  private readonly minLr: number;
  private readonly maximise: boolean;
  private best = Infinity;
  private wait = 0;
  private cooldownCounter = 0;

  /** @throws RangeError when factor ≥ 1, as Keras refuses it. */
  constructor(spec: Spec) {
    this.monitor = spec.monitor ?? 'val_loss';
    this.factor = spec.factor ?? 0.1;
    if (!(this.factor < 1)) throw new RangeError(`ReduceLROnPlateau.factor must be < 1, got ${this.factor}`);
    this.patience = spec.patience ?? 10;
    this.minDelta = spec.minDelta ?? 1e-4;
    this.cooldown = spec.cooldown ?? 0;
    this.minLr = spec.minLr ?? 0;
    const mode = spec.mode ?? 'auto';
    // Keras's ReduceLROnPlateau tests `'acc' in monitor` (EarlyStopping tests the ending).
    this.maximise = mode === 'max' || (mode === 'auto' && this.monitor.includes('acc'));
  }

  private improves(current: number): boolean {
    return this.maximise ? current > this.best + this.minDelta : current < this.best - this.minDelta;
  }

  onTrainBegin(): void {
    this.best = this.maximise ? -Infinity : Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  onEpochEnd(_epoch: number, logs: EpochLogs, ctx: TrainingContext): void {
    const current = logs[this.monitor];
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.wait = 0;
    }
    if (this.improves(current)) {
      this.best = current;
      this.wait = 0;
    } else if (!(this.cooldownCounter > 0)) {
      this.wait++;
      if (this.wait >= this.patience) {
        const old = ctx.getLearningRate();
        // Keras compares with np.float32(min_lr): the lr variable is float32 there.
        if (old > Math.fround(this.minLr)) {
          ctx.setLearningRate(Math.max(old * this.factor, this.minLr));
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
