/** The callback protocol of the fit loop, shaped like Keras's `Callback` (on_epoch_end → onEpochEnd, ...). */
import type { Sequential } from '../sequential.js';

/** Per-epoch values, by Keras's names: loss, accuracy, val_loss, val_accuracy, lr. */
export type EpochLogs = Record<string, number>;

/**
 * Per-batch values: `batch` (index in the epoch), `size` (rows), and the epoch's running means of `loss` and
 * `accuracy` so far, as Keras reports them. The object is reused from batch to batch: copy what you keep.
 */
export interface BatchLogs {
  batch: number;
  size: number;
  loss: number;
  accuracy?: number;
  /** This batch's own loss (not a running mean). */
  batchLoss: number;
}

/** Why training stopped before its last epoch. */
export interface StopInfo {
  reason: 'early-stopping' | 'nan' | 'aborted' | 'callback';
  /** 0-based epoch during or after which it stopped. */
  epoch: number;
  /** 0-based batch within the epoch (for 'nan' and 'aborted'). */
  step?: number;
  message: string;
}

/** What a callback can see and change while training runs. */
export interface TrainingContext {
  readonly model: Sequential;
  /** Set to true to stop after the current epoch (Keras's `model.stop_training`). */
  stopTraining: boolean;
  /** Optional explanation kept in `history.stopped` when a callback stops training. */
  stopInfo: StopInfo | null;
  /** Updates done so far. */
  readonly iterations: number;
  /** The learning rate the next update will use. */
  getLearningRate(): number;
  /** Sets the learning rate (throws when the optimizer's learning rate is a schedule, as Keras does). */
  setLearningRate(lr: number): void;
}

/** A training callback: every hook is optional. */
export interface Callback {
  /** Keras's class name, for built-in callbacks. */
  readonly name?: string;
  onTrainBegin?(ctx: TrainingContext): void;
  onEpochBegin?(epoch: number, ctx: TrainingContext): void;
  onBatchBegin?(batch: number, ctx: TrainingContext): void;
  onBatchEnd?(batch: number, logs: BatchLogs, ctx: TrainingContext): void;
  onEpochEnd?(epoch: number, logs: EpochLogs, ctx: TrainingContext): void;
  onTrainEnd?(ctx: TrainingContext): void;
}
