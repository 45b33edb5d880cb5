/**
 * Plans that fit the hardware: backend choice by measurement, plans cut to a time budget from the measured speed,
 * and durations and speeds written for people. No TensorFlow.js: the elements use it on the page's main thread.
 *
 * @example
 * const quick = fitEpochPlan({ epochs: 20, trainImages: 10000, testImages: 2000, batchSize: 64 }, { imagesPerSecond: 6.5 }, 180_000);
 * `${quick.plan.epochs} epochs of ${quick.plan.trainImages} images: about ${formatDuration(quick.ms)}`;
 */
export { formatDuration, formatSpeed } from './format.js';
export {
  fitStepPlan,
  fitEpochPlan,
  stepPlanMs,
  epochPlanMs,
  type Speed,
  type StepPlan,
  type EpochPlan,
  type FittedPlan,
  type StepPlanLimits,
  type EpochPlanLimits,
} from './budget.js';
export {
  chooseByMeasurement,
  describeChoice,
  fastest,
  needsComparison,
  SLOW_IMAGES_PER_SECOND,
  type SpeedSample,
  type PreferredBackend,
  type MeasuredChoiceOptions,
  type MeasuredChoice,
} from './choice.js';
