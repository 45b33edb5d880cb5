/**
 * The small-network engine: Keras-faithful Dense networks on Float64Arrays, their training, and introspection.
 * Every model method is also a free function taking the model (`fit(model, x, y)` = `model.fit(x, y)`).
 */
export { Sequential, sequential, buildModel, type SequentialOptions } from './sequential.js';
export { Network, modelToJSON, type SequentialJSON, type WeightInput } from './network.js';
export { dense, type DenseLayer, type DenseOptions } from './dense.js';
export { compile, trainSpecProblems, type CompiledState } from './compile.js';
export { modelSpecProblems } from './model-checks.js';
export {
  fit,
  fitAsync,
  startFit,
  yieldToEventLoop,
  Trainer,
  type AsyncFitOptions,
  type FitOptions,
  type History,
  type LayerGradientNorm,
  type TrainingRun,
} from './fit.js';
export { evaluate, predict, type EvaluateResult } from './evaluate.js';
export type { LabelInput, MatrixInput } from './data-input.js';

export {
  getActivation,
  sigmoid,
  softplus,
  softmaxJacobian,
  LEAKY_RELU_ALPHA,
  ELU_ALPHA,
  type Activation,
} from './activations.js';
export {
  zeros,
  ones,
  constant,
  randomUniform,
  randomNormal,
  truncatedNormal,
  glorotUniform,
  glorotNormal,
  heNormal,
  heUniform,
  lecunNormal,
  lecunUniform,
  derivedSeed,
  initializeInto,
  TRUNCATED_NORMAL_STDDEV,
} from './initializers.js';
export {
  losses,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  meanSquaredError,
  bindLoss,
  KERAS_EPSILON,
  type BoundLoss,
  type LossMode,
} from './losses.js';
export { accuracyKind, type AccuracyKind } from './metrics.js';
export { l1, l2, l1L2 } from './regularizers.js';
export {
  sgd,
  rmsprop,
  adam,
  adagrad,
  nadam,
  makeOptimizer,
  Optimizer,
  Sgd,
  Rmsprop,
  Adam,
  Adagrad,
  Nadam,
  type OptimizerState,
} from './optimizers/index.js';
export {
  earlyStopping,
  reduceLROnPlateau,
  learningRateScheduler,
  terminateOnNaN,
  EarlyStopping,
  ReduceLROnPlateau,
  LearningRateScheduler,
  TerminateOnNaN,
  type BatchLogs,
  type Callback,
  type EpochLogs,
  type StopInfo,
  type TrainingContext,
} from './callbacks/index.js';

export { trace } from './introspection/trace.js';
export { gradients, lossValue, type GradientOptions } from './introspection/gradients.js';
export { inputGradient, type InputGradientOptions } from './introspection/input-gradient.js';
export { chainRulePaths, type ChainRulePathOptions } from './introspection/chain-rule-paths.js';
export { deadUnits, deadUnitsOn } from './introspection/dead-units.js';
export { layerGradientNorms } from './introspection/layer-gradient-norms.js';
export { decisionGrid, type DecisionGridOptions } from './decision-grid.js';
export { loadWasmKernels, useWasmKernels, wasmKernelsActive } from './wasm/runtime.js';
export type * from './introspection-types.js';
