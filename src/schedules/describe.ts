/**
 * What an element shows beside a schedule's plot: the formula with the current numbers and in symbols, the tf.keras
 * code, and a table of arguments.
 */
import type { ScheduleSpec } from '../spec/types.js';
import { pyCall } from './format.js';
import type { KerasCall } from './kind.js';
import { scheduleKind } from './registry.js';
import type { ScheduleDescription } from './types.js';
import { assertValidSchedule } from './validate.js';

/**
 * Title, KaTeX formula (`tex` with the spec's numbers, `texSymbolic` in symbols), `kerasCode` (one line of Python
 * such as `tf.keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.001, decay_steps=1000,
 * decay_rate=0.96, staircase=False)`; for 1cycle, a call to the class in `kerasPrelude`) and the arguments with
 * defaults filled in. Throws a SpecError for an invalid spec.
 */
export function describeSchedule(spec: ScheduleSpec): ScheduleDescription {
  assertValidSchedule(spec);
  const kind = scheduleKind(spec);
  const { fn, args, prelude } = kind.keras(spec);
  return { ...kind.describe(spec), kerasCode: pyCall(fn, args, '', Infinity), kerasPrelude: prelude };
}

/** The Keras call for a valid schedule, as parts (for the notebook export, which wraps long lines). */
export function scheduleKerasCall(spec: ScheduleSpec): KerasCall {
  assertValidSchedule(spec);
  return scheduleKind(spec).keras(spec);
}
