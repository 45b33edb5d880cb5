/**
 * What the Keras callbacks see and may change, kept free of TensorFlow.js so their logic is tested in Node with
 * plain numbers: weights are an opaque snapshot type that the trainer makes, restores and disposes.
 */

/** Keras's epoch logs: loss and metrics, `val_`-prefixed for the validation set, and the rate used. */
export interface EpochLogs {
  loss: number;
  accuracy?: number;
  val_loss?: number;
  val_accuracy?: number;
  /** The learning rate at the end of the epoch (as Keras's ReduceLROnPlateau logs it). */
  learning_rate?: number;
  [metric: string]: number | undefined;
}

/** Why training stopped before its last epoch. */
export type StopReason = 'early-stopping' | 'nan' | 'diverged' | 'stopped';

/** The trainer as a callback sees it. `W` is a weight snapshot. */
export interface TrainingControl<W = unknown> {
  /** The rate the next step uses. Setting it throws when a schedule drives the rate (as in Keras). */
  learningRate: number;
  /** True when the optimizer's rate is a schedule. */
  readonly hasSchedule: boolean;
  /** Asks the loop to stop after the current batch/epoch, with the reason and a sentence for the student. */
  stopTraining(reason: StopReason, message: string): void;
  /** A copy of the current weights. */
  snapshotWeights(): W;
  /** Sets the weights from a snapshot (the snapshot stays valid). */
  restoreWeights(snapshot: W): void;
  /** Frees a snapshot. */
  disposeSnapshot(snapshot: W): void;
  /** A sentence for the UI about what a callback did ("Learning rate reduced to 1e-4 at epoch 7."). */
  note(callback: string, message: string): void;
}

/** Keras's callback hooks, those this library uses. Epochs and steps count from 0. */
export interface Callback<W = unknown> {
  /** Keras's class name, for notes and summaries. */
  readonly name: string;
  onTrainBegin?(control: TrainingControl<W>): void;
  onEpochBegin?(epoch: number, control: TrainingControl<W>): void;
  /** After each step, with the step's loss (read back from the device, possibly a few steps late). */
  onBatchEnd?(step: number, loss: number, control: TrainingControl<W>): void;
  onEpochEnd?(epoch: number, logs: EpochLogs, control: TrainingControl<W>): void;
  onTrainEnd?(control: TrainingControl<W>): void;
}

/** Keras's 'auto' mode: metrics whose name ends in acc/accuracy/auc are maximised, everything else minimised. */
export function autoModeIsMax(monitor: string): boolean {
  return /(acc|accuracy|auc)$/.test(monitor);
}
