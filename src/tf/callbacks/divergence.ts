/**
 * Divergence for the learning-rate sweep: the loss is NaN or infinite, or the mean of the last `window` batch
 * losses is above `ratio` × the first batch's loss (taken before any update). A window mean, not one batch, since
 * batch losses are noisy; a ratio above 1 so a flat run (too small a rate) is not called diverged by noise, while a
 * rate that blows up passes it within a few steps.
 */
import type { Callback, TrainingControl } from './types.js';

/** Options of {@link DivergenceMonitor}. */
export interface DivergenceOptions {
  /** Batches averaged (default 10). */
  window?: number;
  /** How far above the starting loss counts as diverged (default 1.25). */
  ratio?: number;
}

/** Watches batch losses and stops a run that diverges. */
export class DivergenceMonitor<W = unknown> implements Callback<W> {
  readonly name = 'Divergence';
  readonly window: number;
  readonly ratio: number;
  /** The first batch's loss. */
  startLoss = NaN;
  /** Step at which divergence was found, or -1. */
  divergedAt = -1;
  private readonly recent: number[] = [];

  constructor(options: DivergenceOptions = {}) {
    this.window = Math.max(1, options.window ?? 10);
    this.ratio = options.ratio ?? 1.25;
  }

  /** Feeds one batch loss; returns true once the run has diverged. */
  push(step: number, loss: number): boolean {
    if (this.divergedAt >= 0) return true;
    if (!Number.isFinite(loss)) {
      this.divergedAt = step;
      return true;
    }
    if (Number.isNaN(this.startLoss)) this.startLoss = loss;
    this.recent.push(loss);
    if (this.recent.length > this.window) this.recent.shift();
    if (this.recent.length === this.window) {
      const mean = this.recent.reduce((a, b) => a + b, 0) / this.window;
      if (mean > this.ratio * this.startLoss) this.divergedAt = step;
    }
    return this.divergedAt >= 0;
  }

  onBatchEnd(step: number, loss: number, control: TrainingControl<W>): void {
    if (this.divergedAt >= 0) return;
    if (this.push(step, loss)) {
      control.stopTraining(
        'diverged',
        Number.isFinite(loss)
          ? `Diverged at batch ${step + 1}: the loss averaged over ${this.window} batches is above ` +
              `${this.ratio}× its start (${this.startLoss.toPrecision(4)}).`
          : `Diverged at batch ${step + 1}: the loss is ${loss}.`,
      );
    }
  }
}
