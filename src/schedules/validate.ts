/**
 * Checks a ScheduleSpec field by field. Used on its own (a picker), inside TrainSpec validation (the optimizer's
 * learning rate, LearningRateScheduler) and by makeSchedule before any step is computed.
 */
import type { ScheduleSpec } from '../spec/types.js';
import { joinPath, oneOf, ProblemList, type SpecProblem, throwIfProblems } from '../spec/problems.js';
import { ALL_SCHEDULE_FIELDS, isScheduleName, SCHEDULE_NAMES, scheduleKind } from './registry.js';

/** Every problem of a schedule spec; paths are relative to it (`decaySteps`, `values[2]`). */
export function validateScheduleSpec(spec: unknown): SpecProblem[] {
  const problems = new ProblemList('schedule');
  checkSchedule(spec, problems, '');
  return problems.problems;
}

/** Throws a SpecError naming every problem of a schedule spec. */
export function assertValidSchedule(spec: unknown): asserts spec is ScheduleSpec {
  throwIfProblems(validateScheduleSpec(spec), 'schedule');
}

/** Adds the problems of the schedule at `base` to `problems` (for validators of specs that hold a schedule). */
export function checkSchedule(spec: unknown, problems: ProblemList, base: string): void {
  const obj = problems.object(base, spec, 'a schedule object ({ name: "ExponentialDecay", ... })');
  if (!obj) return;
  if (!isScheduleName(obj.name)) {
    problems.check(joinPath(base, 'name'), obj.name, oneOf(SCHEDULE_NAMES));
    return;
  }
  const kind = scheduleKind(obj as unknown as ScheduleSpec);
  kind.check(obj, problems, base);
  const foreign = ALL_SCHEDULE_FIELDS.filter((f) => !kind.fields.includes(f));
  problems.notApplicable(base, obj, foreign, obj.name);
}
