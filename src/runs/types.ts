/** The shapes of the page's run store: what a lab records while it trains, one record per run. */

/** What happened to a run. */
export type RunStatus = 'running' | 'paused' | 'done' | 'stopped' | 'diverged' | 'aborted';

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
  /** Epochs where a new stage of the run starts, with its name (transfer learning's "stage 2: fine-tuning"). */
  phases?: Array<{ epoch: number; label: string }>;
}

/** One named run: its setup, its per-epoch scalars (TensorBoard's "scalars" tab) and its end. */
export interface RunRecord {
  /** Unique within the store: "run-1", "run-2", … */
  readonly id: string;
  /** What a person reads: the element and its setup, e.g. "nn-trainer#lab · vanishing-fixed". */
  name: string;
  /** The tag (and id) of the element that made it, e.g. "nn-trainer#lab". */
  source?: string;
  /** The setup, as plain JSON (model, train and data specs), so the run can be reproduced. */
  spec?: unknown;
  /** Per-epoch scalars by tag (`loss`, `accuracy`, `val_loss`, `val_accuracy`, `lr`, …); index 0 is epoch 1. */
  scalars: Record<string, number[]>;
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
  type: 'add' | 'epoch' | 'end' | 'remove' | 'clear' | 'update';
  /** The record (absent for `clear`). */
  run?: RunRecord;
}

export type RunStoreListener = (change: RunStoreChange) => void;

/** The fields a new run starts with. */
export interface NewRun {
  name: string;
  source?: string;
  spec?: unknown;
  /** Defaults to `Date.now()`. */
  startedAt?: number;
}
