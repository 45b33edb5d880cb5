/** The plain-data shapes of a 2-D lab: its setup, its prepared data and the run it produces. */
import type { DataSpec, ModelSpec, TrainSpec } from '../spec/index.js';

/** One experiment: the data, the model and how it trains, as plain JSON. */
export interface LabSetup {
  data: DataSpec;
  model: ModelSpec;
  train: TrainSpec;
}

/** A preset's name (the homework's setups). */
export type LabPresetName = 'vanishing-bad' | 'vanishing-fixed' | 'overfit' | 'early-stopping' | 'l1' | 'l2';

/** A named setup with the words a page shows beside it. */
export interface LabPreset extends LabSetup {
  name: LabPresetName;
  /** A short title ("Not-so-good model"). */
  title: string;
  /** Which homework problem it is, and what it shows, in a sentence. */
  description: string;
  /** How the final line is printed: the notebook's "Train: x, Test: y", or train/validation/test. */
  report: 'train-test' | 'train-validation-test';
}

/** Rows of features and their 0/1 labels. */
export interface LabSplit {
  X: number[][];
  y: number[];
}

/** A data set made and divided as its DataSpec says. */
export interface LabData {
  train: LabSplit;
  /** What `fit` validates on: its own slice (problems 6–8) or, as problem 1's notebook does, the test split. */
  validation: LabSplit;
  test: LabSplit;
  /** True when `validation` is the test split itself. */
  validationIsTest: boolean;
  /** Every point, for drawing: its split and label. */
  points: Array<{ x: number; y: number; label: number; split: 'train' | 'validation' | 'test' }>;
  /** The drawn square: each axis padded around the data. */
  extent: { x: [number, number]; y: [number, number] };
  /** How many classes the labels use. */
  classes: number;
}

/** How a run ended. */
export type LabRunStatus = 'done' | 'early-stopped' | 'diverged' | 'aborted';

/** What a finished (or stopped) lab run leaves: the issue's `{ spec, history, …, stoppedEpoch }` and more. */
export interface LabRun {
  spec: LabSetup;
  /** Per-epoch values by Keras's names: loss, accuracy, val_loss, val_accuracy, lr. */
  history: Record<string, number[]>;
  trainAccuracy: number;
  validationAccuracy: number;
  testAccuracy: number;
  /** The epoch (from 1) at which early stopping ended the run, or null when it ran all its epochs. */
  stoppedEpoch: number | null;
  /** The epoch whose weights were restored (restore_best_weights), or null. */
  restoredEpoch: number | null;
  /** Epochs trained. */
  epochs: number;
  status: LabRunStatus;
  /** Why it ended early, in words (divergence, abort). */
  message?: string;
  /** The epoch whose loss was NaN, when it diverged. */
  nanEpoch?: number;
  /** Per epoch, each Dense layer's gradient size (L2 norm of dLoss/dkernel on the training set). */
  gradientNorms: number[][];
  /** Share of kernel weights whose size is under `threshold` at the end. */
  sparsity: { zeroFraction: number; threshold: number; zero: number; total: number };
  /** Final kernel weights, flattened (for a histogram). */
  weights: number[];
  /** The run store's id for this run, when it was recorded. */
  runId?: string;
}
