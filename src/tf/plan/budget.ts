/**
 * Plans that fit a time budget, from a measured training speed. Two shapes: runs of a number of steps each (the
 * learning-rate sweep: one short run per rate) and epochs with a test pass after each (the CIFAR lab, transfer
 * learning). A plan that does not fit keeps its shape and trains on less: fewer steps and images for runs; for
 * epochs, first fewer images (down to `minTrainImages`), then fewer epochs (down to `minEpochs`), then fewer images
 * again. Pure functions: the elements say what they chose with the numbers returned here.
 */

/** How fast a backend trains one model, as measured. */
export interface Speed {
  /** Training images per second (forward, backward and update). */
  imagesPerSecond: number;
  /** Images per second in a test pass (forward only); default 3× the training speed. */
  evalImagesPerSecond?: number;
}

/** Runs of equal length: the sweep trains `runs` rates for `stepsPerRun` steps each. */
export interface StepPlan {
  runs: number;
  stepsPerRun: number;
  batchSize: number;
  /** Images each run draws its batches from (at most `stepsPerRun · batchSize` are seen in one pass). */
  subset: number;
}

/** Epochs over `trainImages`, each followed by a test pass over `testImages`. */
export interface EpochPlan {
  epochs: number;
  trainImages: number;
  testImages: number;
  batchSize: number;
}

/** A plan cut to a budget: the plan, its estimated time, and the full plan's. */
export interface FittedPlan<P> {
  plan: P;
  /** Estimated milliseconds of the plan at the measured speed. */
  ms: number;
  /** Estimated milliseconds of the full plan. */
  fullMs: number;
  /** True when the plan is smaller than the full one. */
  reduced: boolean;
}

/** Limits a fitted step plan keeps. */
export interface StepPlanLimits {
  /** Fewest steps per run (default 3: divergence needs a few steps to show). */
  minSteps?: number;
}

/** Limits a fitted epoch plan keeps. */
export interface EpochPlanLimits {
  /** Fewest epochs (default the full plan's, at most 5). */
  minEpochs?: number;
  /** Images per epoch kept before epochs are cut (default 20 batches). */
  minTrainImages?: number;
}

const evalSpeed = (s: Speed) => s.evalImagesPerSecond ?? 3 * s.imagesPerSecond;

function checkSpeed(s: Speed): void {
  if (!(s.imagesPerSecond > 0) || !Number.isFinite(s.imagesPerSecond)) {
    throw new RangeError(`A plan needs a measured speed above 0 images/s, not ${s.imagesPerSecond}.`);
  }
}

/** Estimated milliseconds of a step plan. */
export function stepPlanMs(plan: StepPlan, speed: Speed): number {
  checkSpeed(speed);
  return (1000 * plan.runs * plan.stepsPerRun * plan.batchSize) / speed.imagesPerSecond;
}

/** Estimated milliseconds of an epoch plan: every epoch trains on its images and then tests. */
export function epochPlanMs(plan: EpochPlan, speed: Speed): number {
  checkSpeed(speed);
  return 1000 * plan.epochs * (plan.trainImages / speed.imagesPerSecond + plan.testImages / evalSpeed(speed));
}

/**
 * The step plan that fits `budgetMs`: the full one when it fits, else fewer steps per run (at least `minSteps`),
 * each run on `steps · batchSize` images (every image seen once).
 */
export function fitStepPlan(full: StepPlan, speed: Speed, budgetMs: number, limits: StepPlanLimits = {}): FittedPlan<StepPlan> {
  const fullMs = stepPlanMs(full, speed);
  if (fullMs <= budgetMs) return { plan: { ...full }, ms: fullMs, fullMs, reduced: false };
  const minSteps = Math.min(full.stepsPerRun, limits.minSteps ?? 3);
  const perStep = (1000 * full.runs * full.batchSize) / speed.imagesPerSecond;
  const steps = Math.max(minSteps, Math.min(full.stepsPerRun, Math.floor(budgetMs / perStep)));
  const plan = { ...full, stepsPerRun: steps, subset: Math.min(full.subset, steps * full.batchSize) };
  return { plan, ms: stepPlanMs(plan, speed), fullMs, reduced: true };
}

/**
 * The epoch plan that fits `budgetMs`: the full one when it fits; else fewer training images (the test images in
 * the same proportion) down to `minTrainImages`, then fewer epochs down to `minEpochs`, then fewer images again,
 * down to one batch. Image counts are whole batches.
 */
export function fitEpochPlan(full: EpochPlan, speed: Speed, budgetMs: number, limits: EpochPlanLimits = {}): FittedPlan<EpochPlan> {
  const fullMs = epochPlanMs(full, speed);
  if (fullMs <= budgetMs) return { plan: { ...full }, ms: fullMs, fullMs, reduced: false };
  const b = full.batchSize;
  const testShare = full.trainImages > 0 ? full.testImages / full.trainImages : 0;
  // Milliseconds one training image costs in an epoch, with its share of the test pass.
  const perImage = 1000 * (1 / speed.imagesPerSecond + testShare / evalSpeed(speed));
  const imagesFor = (epochs: number) => Math.floor(budgetMs / (epochs * perImage) / b) * b;
  const minTrain = Math.min(full.trainImages, limits.minTrainImages ?? 20 * b);
  const minEpochs = Math.min(full.epochs, limits.minEpochs ?? 5);
  let epochs = full.epochs;
  let train = imagesFor(epochs);
  if (train < minTrain) {
    epochs = Math.max(minEpochs, Math.min(full.epochs, Math.floor(budgetMs / (minTrain * perImage))));
    train = Math.max(b, Math.min(minTrain, imagesFor(epochs)));
  }
  train = Math.min(full.trainImages, train);
  const test = Math.min(full.testImages, Math.max(full.testImages > 0 ? Math.min(b, full.testImages) : 0, Math.round(train * testShare)));
  const plan = { ...full, epochs, trainImages: train, testImages: test };
  return { plan, ms: epochPlanMs(plan, speed), fullMs, reduced: true };
}
