/**
 * Keras's `LearningRateScheduler(schedule)`: at the start of each epoch, lr ← schedule(epoch) (0-based epoch).
 * Here the schedule is a ScheduleSpec; with `perEpoch: false` it is evaluated at the iteration count before
 * every batch instead (what passing the schedule to the optimizer does, but settable from a callback).
 */
import type { CallbackSpec, ScheduleSpec } from '../../spec/types.js';
import { scheduleFunction } from '../optimizers/optimizer.js';
import type { Callback, TrainingContext } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'LearningRateScheduler' }>;

/** Builds a LearningRateScheduler spec. */
export function learningRateScheduler(schedule: ScheduleSpec, perEpoch = true): Spec {
  return { name: 'LearningRateScheduler', schedule, ...(perEpoch ? {} : { perEpoch }) };
}

/** The running LearningRateScheduler callback. */
export class LearningRateScheduler implements Callback {
  readonly name = 'LearningRateScheduler';
  private readonly fn: (step: number) => number;
  private readonly perEpoch: boolean;

  constructor(spec: Spec) {
    this.fn = scheduleFunction(spec.schedule);
    this.perEpoch = spec.perEpoch ?? true;
  }

  onEpochBegin(epoch: number, ctx: TrainingContext): void {
    if (this.perEpoch) ctx.setLearningRate(this.fn(epoch));
  }

  onBatchBegin(_batch: number, ctx: TrainingContext): void {
    if (!this.perEpoch) ctx.setLearningRate(this.fn(ctx.iterations));
  }
}
