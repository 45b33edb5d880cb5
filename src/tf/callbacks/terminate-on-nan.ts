/** Keras's `TerminateOnNaN()`: stops training at the first batch whose loss is NaN or infinite. */
import type { Callback, TrainingControl } from './types.js';

/** TerminateOnNaN with Keras's semantics (the loss is read back a few steps late on a GPU: see the trainer). */
export class TerminateOnNaN<W = unknown> implements Callback<W> {
  readonly name = 'TerminateOnNaN';
  /** Step at which it stopped training, or -1. */
  stoppedStep = -1;

  onBatchEnd(step: number, loss: number, control: TrainingControl<W>): void {
    if (this.stoppedStep < 0 && !Number.isFinite(loss)) {
      this.stoppedStep = step;
      control.stopTraining('nan', `Batch ${step + 1}: the loss is ${loss}; training stopped (TerminateOnNaN).`);
    }
  }
}
