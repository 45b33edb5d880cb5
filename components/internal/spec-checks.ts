// Rules for the spec-valued properties of the CIFAR-10 labs (set from JavaScript): the shared validators' problems,
// as one message, before anything is sent to the training worker.
import { validateModelSpec } from '../../src/spec/validate-model.js';
import { formatProblems } from '../../src/spec/problems.js';
import { validateScheduleSpec } from '../../src/schedules/validate.js';

/** A model for CIFAR-10 images: a valid ModelSpec whose input is [32, 32, 3]. */
export function cifarModelProblem(model: unknown): string | undefined {
  const problems = validateModelSpec(model);
  if (problems.length) return formatProblems(problems, 'model');
  const shape = (model as { inputShape: number[] }).inputShape;
  return shape.join(',') === '32,32,3' ? undefined : `model.inputShape must be [32, 32, 3] for CIFAR-10 images, got [${shape.join(', ')}]`;
}

/** A valid ScheduleSpec. */
export function scheduleProblem(schedule: unknown): string | undefined {
  const problems = validateScheduleSpec(schedule);
  return problems.length ? formatProblems(problems, 'schedule') : undefined;
}
