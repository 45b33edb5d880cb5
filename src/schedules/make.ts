/**
 * A schedule spec turned into the function the optimizer calls once per step.
 */
import type { ScheduleSpec } from '../spec/types.js';
import { scheduleKind } from './registry.js';
import type { LearningRateFn } from './types.js';
import { assertValidSchedule } from './validate.js';

/**
 * The learning rate as a function of the step, with Keras's step semantics: `step` is the number of optimizer
 * iterations done so far (0 for the first update) and the value is the rate used for the update at that step.
 * Validates first and throws a SpecError naming every problem. The returned function allocates nothing.
 */
export function makeSchedule(spec: ScheduleSpec): LearningRateFn {
  assertValidSchedule(spec);
  return scheduleKind(spec).make(spec);
}

/** The learning rate at one step (validates each call: for many steps, call makeSchedule once). */
export function learningRateAt(spec: ScheduleSpec, step: number): number {
  return makeSchedule(spec)(step);
}

/**
 * The rate at `count` evenly spaced integer steps from 0 to `lastStep` (inclusive), for a plot; a step shown is
 * always a whole step, so staircases and restarts land where training meets them.
 */
export function sampleSchedule(
  spec: ScheduleSpec,
  lastStep: number,
  count = Math.min(lastStep + 1, 512),
): { steps: Float64Array; values: Float64Array } {
  const fn = makeSchedule(spec);
  const n = Math.max(1, Math.floor(count));
  const steps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    steps[i] = n === 1 ? 0 : Math.round((i * lastStep) / (n - 1));
    values[i] = fn(steps[i]);
  }
  return { steps, values };
}
