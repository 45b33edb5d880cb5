/**
 * Keras's `ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=10, mode='auto', min_delta=1e-4, cooldown=0,
 * min_lr=0)`. Like Keras, it refuses to run with a learning-rate schedule (a schedule's rate cannot be set).
 */
import type { CallbackSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';
import type { Callback, EpochLogs, TrainingControl } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'ReduceLROnPlateau' }>;

/** ReduceLROnPlateau with Keras's semantics. */
export class ReduceLROnPlateau<W = unknown> implements Callback<W> {
  readonly name = 'ReduceLROnPlateau';
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  readonly isMax: boolean;
  wait = 0;
  cooldownCounter = 0;
  best = Infinity;
  private warned = false;

  /** @throws {TfError} `spec` for a factor ≥ 1 (Keras raises ValueError). */
  constructor(spec: Omit<Spec, 'name'> = {}) {
    this.monitor = spec.monitor ?? 'val_loss';
    this.factor = spec.factor ?? 0.1;
    this.patience = spec.patience ?? 10;
    this.minDelta = spec.minDelta ?? 1e-4;
    this.cooldown = spec.cooldown ?? 0;
    this.minLr = spec.minLr ?? 0;
    if (!(this.factor < 1)) throw new TfError('spec', `ReduceLROnPlateau.factor must be below 1, got ${this.factor}.`);
    // Keras: 'auto' maximises when the name contains "acc".
    this.isMax = spec.mode === 'max' || (spec.mode !== 'min' && this.monitor.includes('acc'));
  }

  onTrainBegin(control: TrainingControl<W>): void {
    if (control.hasSchedule) {
      throw new TfError(
        'spec',
        'ReduceLROnPlateau cannot change a learning rate that a schedule sets (Keras refuses this too): ' +
          'use a constant learning rate with it, or drop one of the two.',
      );
    }
    this.best = this.isMax ? -Infinity : Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  private improves(value: number): boolean {
    return this.isMax ? value > this.best + this.minDelta : value < this.best - this.minDelta;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, control: TrainingControl<W>): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      if (!this.warned) control.note(this.name, `ReduceLROnPlateau watches "${this.monitor}", which this run does not log.`);
      this.warned = true;
      return;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.improves(current)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = control.learningRate;
    // Keras compares with min_lr as float32.
    if (old > Math.fround(this.minLr)) {
      const lr = Math.max(old * this.factor, this.minLr);
      control.learningRate = lr;
      control.note(this.name, `Epoch ${epoch + 1}: ${this.monitor} on a plateau, learning rate ${old} → ${lr}.`);
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }
}
