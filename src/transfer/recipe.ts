/**
 * The homework's transfer recipe as plain specs: the 4-class relabelling, the new head, and how a stage trains
 * (RMSprop, as problems 3 and 4 train the base).
 */
import { HOMEWORK_LABEL_MAP } from '../data/cifar10/relabel.js';
import type { LayerSpec, TrainSpec } from '../spec/types.js';

/** The homework's `label_map` as the worker's relabel option: car 0, cat 1, truck 2, every other label 3. */
export const TRANSFER_RELABEL: Readonly<{ map: Record<number, number>; other: number }> = Object.freeze({ map: { ...HOMEWORK_LABEL_MAP }, other: 3 });

/** How one stage trains. */
export interface StagePlan {
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Training images (0: all). */
  subset: number;
  /** Test images validated after each epoch (0: all). */
  validation: number;
}

/** RMSprop at the plan's rate on sparse categorical cross-entropy, shuffled and seeded. */
export function stageSpec(plan: StagePlan): TrainSpec {
  return {
    optimizer: { name: 'rmsprop', learningRate: plan.learningRate },
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    batchSize: plan.batchSize,
    epochs: plan.epochs,
    shuffle: true,
    seed: plan.seed,
  };
}

/**
 * The new head for `classes` outputs: Dense(units, relu) and Dropout(0.5) when units > 0 (512 is the base's own head
 * shape), then Dense(classes, softmax). Named head_*, apart from the reused layers.
 */
export function headSpec(units: number, classes = 4): LayerSpec[] {
  const out: LayerSpec = { type: 'dense', units: classes, activation: 'softmax', name: 'head_output' };
  if (units <= 0) return [out];
  return [{ type: 'dense', units, activation: 'relu', name: 'head_dense' }, { type: 'dropout', rate: 0.5, name: 'head_dropout' }, out];
}
