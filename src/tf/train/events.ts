/** What a training run reports: per batch (throttled), per epoch, notes, and its result. Plain JSON. */
import type { EpochLogs, StopReason } from '../callbacks/types.js';

/** Progress within an epoch, at most once per `progressIntervalMs` and at the end of every epoch. */
export interface BatchProgress {
  /** 0-based epoch and batch within it; `step` counts every batch of the run. */
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  step: number;
  /** Steps the run will take if it runs to the end. */
  totalSteps: number;
  /** The last batch's loss, and the mean over the epoch so far (what Keras's progress bar shows). */
  loss: number;
  meanLoss: number;
  /** Accuracy over the epoch so far (classification losses). */
  accuracy?: number;
  learningRate: number;
  /** Training throughput, recently (images or examples per second). */
  imagesPerSecond: number;
  elapsedMs: number;
  /** Estimated time to the end of the run at the current throughput. */
  etaMs: number;
  /** Every batch loss since the previous progress event, with its step (for a per-batch curve). */
  losses: Array<{ step: number; loss: number }>;
}

/** The end of an epoch: Keras's logs, including validation and the learning rate. */
export interface EpochEnd {
  epoch: number;
  epochs: number;
  logs: EpochLogs;
  elapsedMs: number;
  /** Throughput over the epoch's training steps. */
  imagesPerSecond: number;
}

/** A sentence from a callback or the trainer ("Learning rate reduced to ..."). */
export interface TrainingNote {
  source: string;
  message: string;
  step: number;
}

/** How a run ended. */
export interface TrainResult {
  /** 'completed': every epoch (or the step budget) ran; else why it stopped early. */
  stopReason: 'completed' | StopReason;
  /** A sentence for the student. */
  message: string;
  epochsRun: number;
  steps: number;
  history: EpochLogs[];
  /** Step at which divergence or a NaN loss was found, or -1. */
  divergedAtStep: number;
  /** EarlyStopping's best epoch (0-based), and the epoch whose weights were restored, or -1. */
  bestEpoch: number;
  restoredEpoch: number;
  elapsedMs: number;
  imagesPerSecond: number;
  notes: TrainingNote[];
}
