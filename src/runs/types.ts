/** The shapes of the page's run store: what a lab records while it trains, one record per run. */

/**
 * What happened to a run. `interrupted`: its page was closed (or reloaded) while it trained; what it recorded up
 * to then is kept.
 */
export type RunStatus = 'running' | 'paused' | 'done' | 'stopped' | 'diverged' | 'aborted' | 'interrupted';

/** Things worth marking on a run's curves (epochs counted from 1, as Keras prints them). */
export interface RunMarkers {
  /** The epoch at which early stopping ended the run. */
  stoppedEpoch?: number;
  /** The epoch whose weights early stopping restored (restore_best_weights). */
  restoredEpoch?: number;
  /** Epochs whose learning rate differs from the epoch before. */
  lrChanges?: number[];
  /** The epoch whose loss was not a number (the run stopped there). */
  nanEpoch?: number;
}

/**
 * One weight tensor's histogram at one epoch, as TensorBoard's `HistogramProto` holds it: the values' min, max,
 * count, sum and sum of squares, and `counts` in equal-width buckets from `min` to `max` (the last bucket closed).
 */
export interface HistogramEntry {
  /** The epoch (from 1) it was taken after. */
  epoch: number;
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  counts: number[];
}

/** A hyperparameter's value as the hparams table shows it. */
export type HparamValue = string | number | boolean;

/** One named run: its setup, its per-epoch scalars (TensorBoard's "scalars" tab) and its end. */
export interface RunRecord {
  /** Unique in the store and in the browser's saved runs, e.g. "run-1" or "m3k2x9-run-1". */
  readonly id: string;
  /** What a person reads: the element and its setup, e.g. "nn-trainer#lab · vanishing-fixed". */
  name: string;
  /** The tag (and id) of the element that made it, e.g. "nn-trainer#lab". */
  source?: string;
  /** The page it was made on (its path, e.g. "/content/07-l1-regularization.html"). */
  page?: string;
  /** The setup, as plain JSON (model, train and data specs), so the run can be reproduced. */
  spec?: unknown;
  /** Settings worth comparing across runs (the hparams table), beyond what the spec says. */
  hparams?: Record<string, HparamValue>;
  /** Which stage of a multi-stage experiment this run is (e.g. "head" then "fine-tune" in transfer learning). */
  stage?: string;
  /** Optimizer steps (batches) per epoch, when known: the dashboard's "step" axis. */
  stepsPerEpoch?: number;
  /** Per-epoch scalars by tag (`loss`, `accuracy`, `val_loss`, `val_accuracy`, `lr`, …); index 0 is epoch 1. */
  scalars: Record<string, number[]>;
  /** Milliseconds from `startedAt` to the end of each epoch (index 0 is epoch 1). */
  times?: number[];
  /**
   * The epoch number (from 1) of each index, when not every epoch is kept (a share link's thinned run); absent,
   * index `i` is epoch `i + 1`.
   */
  epochs?: number[];
  /**
   * Weight histograms per epoch by tag (Keras's names, `dense/kernel_0`, `dense_1/bias_0`, …). At most
   * {@link HISTOGRAM_KEEP} entries per tag: past that every other one is dropped, first and last kept.
   */
  histograms?: Record<string, HistogramEntry[]>;
  status: RunStatus;
  markers: RunMarkers;
  /** Final numbers (e.g. `trainAccuracy`, `testAccuracy`), set when the run ends. */
  summary: Record<string, number>;
  /** `Date.now()` when it started and (when over) ended. */
  startedAt: number;
  endedAt?: number;
  /** Why it ended, in words, when it ended early (divergence, an abort). */
  message?: string;
}

/** What a listener is told: the record that changed and how. */
export interface RunStoreChange {
  type: 'add' | 'epoch' | 'end' | 'remove' | 'clear' | 'update' | 'load' | 'storage';
  /** The record (absent for `clear`, `load` and `storage`). */
  run?: RunRecord;
}

export type RunStoreListener = (change: RunStoreChange) => void;

/** The fields a new run starts with. */
export interface NewRun {
  name: string;
  source?: string;
  spec?: unknown;
  hparams?: Record<string, HparamValue>;
  stage?: string;
  stepsPerEpoch?: number;
  /** Defaults to the store's page (the page's path in a browser). */
  page?: string;
  /** Defaults to `Date.now()`. */
  startedAt?: number;
}
