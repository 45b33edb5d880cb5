/**
 * The trainable model: a {@link Network} with Keras's compile, fit and evaluate. Built from a ModelSpec
 * (`Sequential.fromSpec`, `buildModel`) or from Keras-shaped calls (`sequential([dense(5, {...}), dense(1, {...})],
 * { inputShape: [2], seed })`); both give the same `model.spec`. Weights and seeding: see network.ts.
 */
import type { LayerSpec, ModelSpec, TrainSpec } from '../spec/types.js';
import { refuse } from './errors.js';
import { validateTrainSpec } from '../spec/validate-train.js';
import { throwIfProblems } from '../spec/problems.js';
import { attachCompiled, compile } from './compile.js';
import type { LabelInput, MatrixInput } from './data-input.js';
import { evaluate, type EvaluateResult } from './evaluate.js';
import { fit, fitAsync, startFit, type AsyncFitOptions, type FitOptions, type History, type TrainingRun } from './fit.js';
import { checkedSpec, Network, type SequentialJSON } from './network.js';

export { modelToJSON, Network, type SequentialJSON, type WeightInput } from './network.js';

/** Options of {@link sequential}: Keras's `input_shape` and the seed of every unseeded initializer. */
export interface SequentialOptions {
  inputShape: number[];
  seed?: number;
}

/** A Keras-style Sequential model of Dense layers on Float64Arrays. */
export class Sequential extends Network {
  /**
   * Builds and initializes a model from its spec.
   * @throws SpecError listing every problem (including non-Dense layers, which run on the TensorFlow.js engine).
   */
  static override fromSpec(spec: ModelSpec): Sequential {
    return new Sequential(checkedSpec(spec)).initialized();
  }

  /** Keras's `model.compile(...)` from a TrainSpec (see {@link compile}); returns this model. */
  compile(trainSpec: TrainSpec): this {
    compile(this, trainSpec);
    return this;
  }

  /** Synchronous training (see {@link fit}). */
  fit(x: MatrixInput, y: LabelInput, options?: FitOptions): History {
    return fit(this, x, y, options);
  }

  /** Time-sliced training that yields to the page (see {@link fitAsync}). */
  fitAsync(x: MatrixInput, y: LabelInput, options?: AsyncFitOptions): Promise<History> {
    return fitAsync(this, x, y, options);
  }

  /** Starts time-sliced training and returns its pause/resume/abort controller (see {@link startFit}). */
  startFit(x: MatrixInput, y: LabelInput, options?: AsyncFitOptions): TrainingRun {
    return startFit(this, x, y, options);
  }

  /** Loss and accuracy on a data set (see {@link evaluate}). */
  evaluate(x: MatrixInput, y: LabelInput): EvaluateResult {
    return evaluate(this, x, y);
  }

  /**
   * Rebuilds a model (weights, and training setup and optimizer state when saved) from {@link toJSON}'s output.
   * @throws SpecError for anything that is not such JSON (null, another format, a bad spec or weights).
   */
  static fromJSON(json: SequentialJSON): Sequential {
    const j = json as unknown as Record<string, unknown> | null;
    if (typeof j !== 'object' || j === null || Array.isArray(j)) refuse('json', "must be a model's JSON ({ format: 'nn-mathlets/sequential', version: 1, spec, weights })", json, 'model JSON');
    if (j.format !== 'nn-mathlets/sequential') refuse('json.format', 'must be "nn-mathlets/sequential"', j.format, 'model JSON');
    if (j.version !== 1) refuse('json.version', 'must be 1', j.version, 'model JSON');
    if (!Array.isArray(j.weights)) refuse('json.weights', 'must be an array of weight arrays', j.weights, 'model JSON');
    if (j.trainSpec !== undefined) throwIfProblems(validateTrainSpec(j.trainSpec), 'trainSpec of the model JSON');
    if (j.optimizerState !== undefined && (typeof j.optimizerState !== 'object' || j.optimizerState === null)) refuse('json.optimizerState', 'must be an object', j.optimizerState, 'model JSON');
    const model = Sequential.fromSpec(json.spec);
    model.setWeights(json.weights);
    if (json.trainSpec) {
      attachCompiled(model, json.trainSpec);
      if (json.optimizerState) model.compiled!.optimizer.setState(json.optimizerState);
    }
    return model;
  }
}

/**
 * Keras-shaped construction: `sequential([dense(5, { activation: 'tanh' }), dense(1, { activation: 'sigmoid' })],
 * { inputShape: [2], seed: 1 })`. The same as `Sequential.fromSpec({ inputShape, layers, seed })`.
 */
export function sequential(layers: LayerSpec[], options: SequentialOptions): Sequential {
  const spec: ModelSpec = { inputShape: options?.inputShape, layers };
  if (options?.seed !== undefined) spec.seed = options.seed;
  return Sequential.fromSpec(spec);
}

/** Builds a model from a ModelSpec (the same as `Sequential.fromSpec`). */
export function buildModel(spec: ModelSpec): Sequential {
  return Sequential.fromSpec(spec);
}
