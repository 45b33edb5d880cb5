/**
 * nn-mathlets/tf: the TensorFlow.js side. Backend choice (WebGPU first, self-checked), ModelSpec → TF.js models
 * (the homework's CIFAR CNN), Keras optimizers and callbacks that TF.js lacks, the training loop, evaluation,
 * save/load — and the training worker's client (src/worker), which the elements use so that training runs off the
 * main thread.
 */
export { TfError, type TfErrorCode, type SerializedError, serializeError, deserializeError } from './errors.js';

// Backends
export {
  chooseBackend,
  resetSelfCheck,
  BACKEND_ORDER,
  registerBackendCandidate,
  backendCandidates,
  backendLabel,
  type BackendCandidate,
  type BackendName,
  type BackendOptions,
  type BackendReport,
} from './backend/backend.js';
export { measureBackends, timeTrainingSteps, PROBE_BATCH, type MeasureOptions, type MeasuredBackend } from './backend/measure.js';
export { describeGpuAdapter, adapterLabel, type GpuAdapterDescription } from './backend/adapter-info.js';
export { installFastCpuConvFilter } from './backend/cpu-conv-filter.js';
export { registerSimdBackend, SIMD_BACKEND, SIMD_BACKEND_LABEL } from './backend/simd/register.js';
export {
  selfCheck,
  SELF_CHECK_LOSS_TOLERANCE,
  SELF_CHECK_GRAD_TOLERANCE,
  type SelfCheckResult,
} from './backend/self-check.js';

// Models
export { buildModel } from './model/build-model.js';
export { cifarCnn, CIFAR_CNN_PARAMS, type CifarCnnOptions } from './model/cifar-cnn.js';
export { summarizeModel, type ModelSummary, type LayerSummary } from './model/summary.js';
export { describeModel, type ModelInfo, type LayerInfo } from './model/describe-model.js';
export { kerasLayerNames } from './model/layer-names.js';
export { computeFans, initialValues } from './model/initial-weights.js';
export { LEAKY_RELU_ALPHA } from './model/activations.js';

// Optimizers
export { KerasOptimizer } from './optimizers/keras-optimizer.js';
export { KerasSGD } from './optimizers/sgd.js';
export {
  KerasRMSprop,
  DEFAULT_RMSPROP_EPSILON_PLACEMENT,
  type EpsilonPlacement,
  type RMSpropOptions,
} from './optimizers/rmsprop.js';
export { KerasAdam } from './optimizers/adam.js';
export { KerasAdagrad } from './optimizers/adagrad.js';
export { KerasNadam } from './optimizers/nadam.js';
export { makeOptimizer, DEFAULT_LEARNING_RATES, type MadeOptimizer } from './optimizers/make-optimizer.js';

// Callbacks
export type { Callback, EpochLogs, StopReason, TrainingControl } from './callbacks/types.js';
export { EarlyStopping } from './callbacks/early-stopping.js';
export { ReduceLROnPlateau } from './callbacks/reduce-lr-on-plateau.js';
export { TerminateOnNaN } from './callbacks/terminate-on-nan.js';
export { LearningRateScheduler } from './callbacks/learning-rate-scheduler.js';
export { DivergenceMonitor, type DivergenceOptions } from './callbacks/divergence.js';
export { makeCallbacks } from './callbacks/make-callbacks.js';

// Training
export { Trainer, type FitOptions, type TrainerState } from './train/trainer.js';
export type { BatchProgress, EpochEnd, TrainingNote, TrainResult } from './train/events.js';
export { cifarDataset, checkDataset, subset, slice, makeBatch, type Dataset, type Batch } from './train/dataset.js';
export { evaluateModel, predictProbabilities, type EvaluateOptions, type EvaluateResult } from './train/evaluate.js';
export { confusionMatrix, argmaxRows, topK, perClassAccuracy, type Ranked } from './train/metrics.js';
export { lossValue, KERAS_EPSILON, type OutputKind } from './train/losses.js';
export { forward, outputKind, modelLayers, frozenPrefix, type ForwardOptions } from './train/forward.js';
export { dropoutMask, maskSeed } from './train/dropout.js';

// Transfer learning: a new head on reused layers, a model's top part, cached activations
export { reuseLayers, type ReuseOptions } from './transfer/reuse.js';
export { topModel, inputShapeAt } from './transfer/top-model.js';
export { computeActivations, type ActivationOptions } from './transfer/activations.js';

// The learning-rate sweep's pure parts
export { geometricRates } from './sweep/rates.js';
export { recommendLearningRate, earlyLoss, isStable, type SweepRun, type Recommendation } from './sweep/recommend.js';

// Plans that fit the hardware: measured choice, budgets, durations for people
export * from './plan/index.js';

// Save and load
export { saveModel, loadModel, type SaveTarget, type SaveOutcome, type LoadSource } from './io/save-load.js';
export { modelToFiles, artifactsFromFiles } from './io/artifacts.js';
export { modelFilesToBlobs, MODEL_JSON_NAME, WEIGHTS_NAME, type ModelFiles } from './io/model-files.js';

// The training worker's client and protocol (elements import them from src/worker/index.ts, which loads no TF.js)
export { TrainingClient, createTrainingWorker, type Endpoint, type TrainHandlers, type ClientEvent } from '../worker/index.js';
export type * from '../worker/protocol.js';
export { inProcessClient } from '../worker/in-process.js';
