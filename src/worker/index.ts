/**
 * What an element needs to train in a worker, without loading TensorFlow.js on the page: the client and its
 * protocol, the error type, and the TF-free helpers (the CIFAR CNN's spec, model summaries from a spec, confusion
 * matrices and top-k lists, the adapter's label, model files as Blobs). TensorFlow.js loads in the worker only
 * (or on this thread with `inProcessClient()` from `nn-mathlets/tf`).
 */
export { TrainingClient, type Endpoint, type TrainHandlers, type ClientEvent } from './client.js';
export { createTrainingWorker } from './create-worker.js';
export type * from './protocol.js';

export { TfError, type TfErrorCode } from '../tf/errors.js';
export { cifarCnn, CIFAR_CNN_PARAMS, type CifarCnnOptions } from '../tf/model/cifar-cnn.js';
export { summarizeModel, type ModelSummary, type LayerSummary } from '../tf/model/summary.js';
export { confusionMatrix, argmaxRows, topK, perClassAccuracy, type Ranked } from '../tf/train/metrics.js';
export { adapterLabel, type GpuAdapterDescription } from '../tf/backend/adapter-info.js';
export { geometricRates } from '../tf/sweep/rates.js';
export { recommendLearningRate, earlyLoss, isStable, type SweepRun, type Recommendation } from '../tf/sweep/recommend.js';
export * from '../tf/plan/index.js';
export type { MeasuredBackend } from '../tf/backend/measure.js';
export { modelFilesToBlobs, MODEL_JSON_NAME, WEIGHTS_NAME, type ModelFiles } from '../tf/io/model-files.js';
export type { BackendName, BackendOptions, BackendReport } from '../tf/backend/backend.js';
export type { SelfCheckResult } from '../tf/backend/self-check.js';
export type { ModelInfo, LayerInfo } from '../tf/model/describe-model.js';
export type { BatchProgress, EpochEnd, TrainingNote, TrainResult } from '../tf/train/events.js';
export type { EvaluateResult } from '../tf/train/evaluate.js';
export type { EpochLogs, StopReason } from '../tf/callbacks/types.js';
export type { DivergenceOptions } from '../tf/callbacks/divergence.js';
export type { LoadSource, SaveTarget, SaveOutcome } from '../tf/io/save-load.js';
export type { TrainerState } from '../tf/train/trainer.js';
