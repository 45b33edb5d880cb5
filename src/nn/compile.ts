/**
 * `compile(model, trainSpec)`: binds the loss to the output layer, picks the accuracy Keras would, and makes a fresh
 * optimizer (as Keras's compile does; fitting again later continues with the same optimizer state).
 */
import { validateTrainSpec } from '../spec/validate-train.js';
import type { TrainSpec } from '../spec/types.js';
import { SpecError, type SpecProblem } from './errors.js';
import { bindLoss, type BoundLoss } from './losses.js';
import { accuracyKind, type AccuracyKind } from './metrics.js';
import { makeOptimizer, type Optimizer } from './optimizers/index.js';
import type { Sequential } from './sequential.js';

/** What compile attaches to a model. */
export interface CompiledState {
  trainSpec: TrainSpec;
  loss: BoundLoss;
  /** The accuracy form, when `metrics` includes 'accuracy'. */
  accuracy: AccuracyKind | null;
  /** Binary accuracy's threshold on the output: 0.5 on probabilities, 0 on logits. */
  threshold: number;
  optimizer: Optimizer;
}

/** Every problem with a TrainSpec (src/spec's validateTrainSpec: the engine needs nothing beyond it). */
export function trainSpecProblems(trainSpec: TrainSpec): SpecProblem[] {
  return validateTrainSpec(trainSpec);
}

/**
 * Keras's `model.compile(optimizer, loss, metrics)` from a TrainSpec; returns the model.
 * @throws SpecError listing every problem with the spec.
 */
export function compile(model: Sequential, trainSpec: TrainSpec): Sequential {
  const problems = trainSpecProblems(trainSpec);
  if (problems.length > 0) throw new SpecError(problems, 'train spec');
  attachCompiled(model, structuredClone(trainSpec));
  return model;
}

/** Compiles without re-validating (for fromJSON, whose trainSpec was valid when saved). */
export function attachCompiled(model: Sequential, trainSpec: TrainSpec): void {
  const last = model.layers[model.layers.length - 1];
  const loss = bindLoss(trainSpec.loss, last.activation, last.units, trainSpec.fromLogits ?? false);
  model.compiled = {
    trainSpec,
    loss,
    accuracy: trainSpec.metrics?.includes('accuracy') ? accuracyKind(loss) : null,
    threshold: loss.mode === 'from-logits' ? 0 : 0.5,
    optimizer: makeOptimizer(trainSpec.optimizer, model.params.length),
  };
}

