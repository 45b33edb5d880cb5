/**
 * Keras's `LearningRateScheduler(schedule)`: sets the rate at the start of every epoch from `schedule(epoch)`.
 * With `perEpoch: false` the schedule is read per step instead (what an optimizer's schedule does).
 */
import { makeSchedule } from '../../schedules/index.js';
import type { CallbackSpec } from '../../spec/index.js';
import type { Callback, TrainingControl } from './types.js';

type Spec = Extract<CallbackSpec, { name: 'LearningRateScheduler' }>;

/** LearningRateScheduler over a ScheduleSpec. */
export class LearningRateScheduler<W = unknown> implements Callback<W> {
  readonly name = 'LearningRateScheduler';
  readonly perEpoch: boolean;
  private readonly fn: (step: number) => number;

  constructor(spec: Omit<Spec, 'name'>) {
    this.fn = makeSchedule(spec.schedule);
    this.perEpoch = spec.perEpoch ?? true;
  }

  onEpochBegin(epoch: number, control: TrainingControl<W>): void {
    if (this.perEpoch) control.learningRate = this.fn(epoch);
  }

  /** The rate for the step about to run, or null when this scheduler works per epoch. */
  rateForStep(step: number): number | null {
    return this.perEpoch ? null : this.fn(step);
  }
}
