/**
 * A run that fits a time budget: from throughput measured on the first steps, how many training images and epochs
 * a stage can take in about three minutes, and a sentence saying what was chosen and why. Plain arithmetic, so the
 * element can show it before anything trains. The cut itself is the labs' (`fitEpochPlan`): epochs kept, fewer images.
 */
import { fitEpochPlan, formatDuration } from '../tf/plan/index.js';

/** Measured throughputs, in images per second. */
export interface StageRates {
  /** Training steps through the part that trains (measured on the first steps). */
  train: number;
  /** Computing the cached activations below it (once per image); leave out when nothing needs caching. */
  cache?: number;
  /** Validation after each epoch; default three times `train` (a forward pass is about a third of a step). */
  evaluate?: number;
}

/** What {@link offerStage} needs. */
export interface OfferOptions {
  rates: StageRates;
  /** Training images there are. */
  available: number;
  /** Images per step: the subset is a whole number of batches. */
  batchSize: number;
  /** Seconds the stage should take (default 180). */
  budgetSeconds?: number;
  /** Epochs wanted (default 5, the homework's least); kept, and the subset shrinks to fit. */
  epochs?: number;
  /** Validation images evaluated after every epoch. */
  validation?: number;
  /** Images whose activations are computed once but not trained on (the test set, for validation and the comparison). */
  cacheOnly?: number;
  /** Training images whose activations are cached already. */
  cached?: number;
}

/** What fits. */
export interface StageOffer {
  /** Training images to use (all of them when `fitsAll`). */
  subset: number;
  epochs: number;
  /** The expected time, in seconds. */
  seconds: number;
  fitsAll: boolean;
  /** The choice in words, with the measured rate. */
  reason: string;
}

/**
 * The largest subset (a whole number of batches, at least one) that trains `epochs` epochs within the budget,
 * or every image when they all fit.
 *
 * @throws {RangeError} for a rate that is not positive, or counts that are not whole numbers.
 */
export function offerStage(options: OfferOptions): StageOffer {
  const { rates, available, batchSize } = options;
  const budget = options.budgetSeconds ?? 180;
  const epochs = options.epochs ?? 5;
  const validation = options.validation ?? 0;
  const cached = options.cached ?? 0;
  const cacheOnly = options.cacheOnly ?? 0;
  if (!(rates.train > 0) || (rates.cache !== undefined && !(rates.cache > 0)) || (rates.evaluate !== undefined && !(rates.evaluate > 0))) {
    throw new RangeError(`offerStage: throughputs must be positive numbers of images per second, got ${JSON.stringify(rates)}.`);
  }
  for (const [name, v] of Object.entries({ available, batchSize, epochs, validation, cached, cacheOnly })) {
    const positive = name === 'available' || name === 'batchSize' || name === 'epochs';
    if (!Number.isInteger(v) || v < 0 || (v === 0 && positive)) {
      throw new RangeError(`offerStage: ${name} must be a ${positive ? 'positive' : 'non-negative'} whole number, got ${v}.`);
    }
  }
  const cacheCost = rates.cache ? 1 / rates.cache : 0;
  const evalCost = 1 / (rates.evaluate ?? 3 * rates.train);
  // Caching the test set and validating on it cost the same whatever the subset; caching a training image is paid
  // once, so over the epochs it adds a share to each epoch's cost of that image.
  const fixed = (cacheOnly - cached) * cacheCost + epochs * validation * evalCost;
  const speed = { imagesPerSecond: 1 / (1 / rates.train + cacheCost / epochs) };
  const full = { epochs, trainImages: available, testImages: 0, batchSize };
  const fitted = fitEpochPlan(full, speed, (budget - fixed) * 1000, { minEpochs: epochs, minTrainImages: batchSize });
  const fitsAll = !fitted.reduced;
  const subset = fitted.plan.trainImages;
  const took = Math.max(0, fitted.ms / 1000 + fixed);
  const rate = `${rates.train < 10 ? rates.train.toFixed(1) : Math.round(rates.train)} images/s`;
  const what = `${epochs} epoch${epochs === 1 ? '' : 's'} on ${subset === available ? `all ${available.toLocaleString('en-US')}` : `${subset.toLocaleString('en-US')} of the ${available.toLocaleString('en-US')}`} training images`;
  let reason = `Training ran at ${rate} on the first steps: ${what} take about ${formatDuration(took * 1000)}`;
  reason += fitsAll ? `, within the ${formatDuration(budget * 1000)} budget.` : took > budget ? `, more than the ${formatDuration(budget * 1000)} budget even with one batch.` : `, to fit about ${formatDuration(budget * 1000)}.`;
  return { subset, epochs, seconds: took, fitsAll, reason };
}
