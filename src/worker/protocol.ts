/**
 * The training worker's message protocol: typed requests (each answered by one reply with the same id) and events
 * (progress, epochs, notes, load progress) that the worker posts on its own. Plain data only; big arrays travel as
 * transferred buffers (listed in each request's doc), so nothing is copied per batch, or at all.
 *
 * Type-only imports: the main thread's client must not load TensorFlow.js.
 */
import type { ModelSpec, LossName, OptimizerSpec, TrainSpec } from '../spec/index.js';
import type { BackendOptions, BackendReport } from '../tf/backend/backend.js';
import type { MeasuredBackend } from '../tf/backend/measure.js';
import type { DivergenceOptions } from '../tf/callbacks/divergence.js';
import type { SerializedError } from '../tf/errors.js';
import type { LoadSource, SaveOutcome, SaveTarget } from '../tf/io/save-load.js';
import type { ModelInfo } from '../tf/model/describe-model.js';
import type { TrainerState } from '../tf/train/trainer.js';
import type { EvaluateResult } from '../tf/train/evaluate.js';
import type { BatchProgress, EpochEnd, TrainResult, TrainingNote } from '../tf/train/events.js';

/**
 * Where data comes from.
 * - `cifar10`: CIFAR-10 binary data, read in the worker by `loadCifar10` (streaming, with progress events):
 *   URL(s) of `.bin` batches or the official `cifar-10-binary.tar.gz`, Files/Blobs (cloned by reference, not
 *   copied), or bytes (an ArrayBuffer, transferred).
 * - `arrays`: examples already decoded (`x` and `y` buffers are transferred).
 */
export type DataSource =
  | { kind: 'cifar10'; from: string | string[] | Blob | Blob[] | ArrayBuffer; cache?: boolean }
  | {
      kind: 'arrays';
      x: Uint8Array | Float32Array;
      y: Uint8Array | Float32Array;
      count: number;
      shape: number[];
      format: 'cifar10' | 'float32';
    };

/** Parameters of `loadData`. */
export interface LoadDataParams {
  source: DataSource;
  /** Name the training part is stored under (default 'train'); an `arrays` source is stored under it too. */
  name?: string;
  /** Name the test part of CIFAR-10 data is stored under (default 'test'). */
  testName?: string;
  /** Keep only the first n examples of each part (a quick run, a story). */
  subset?: number;
  /**
   * When the source holds one part only (a single .bin, or arrays), hold out its last fraction (0 ≤ f < 1) as the
   * test part `testName`, as Keras's `validation_split` takes the last part of the data, before any shuffling.
   * Ignored when the source has its own test part. Applied after `subset`.
   */
  validationSplit?: number;
  /** Map labels (the transfer task: `{ map: { 1: 0, 3: 1, 9: 2 }, other: 3 }`). */
  relabel?: { map: Record<number, number>; other: number };
}

/** One stored data set. */
export interface DataInfo {
  name: string;
  count: number;
  shape: number[];
  format: 'cifar10' | 'float32';
  /** Examples per class id (classification labels). */
  classCounts: number[];
  /** True when every URL came from the browser's cache. */
  fromCache: boolean;
  /** True for a test part held out of a one-part source by `validationSplit`. */
  heldOut?: boolean;
}

/** Parameters of `train`. */
export interface TrainParams {
  spec: TrainSpec;
  /** Data set to train on (default 'train'). */
  data?: string;
  /** Data set evaluated at each epoch's end (val_loss, val_accuracy). */
  validation?: string;
  /** Use only the first n training / validation examples. */
  subset?: number;
  validationSubset?: number;
  progressIntervalMs?: number;
  divergence?: DivergenceOptions | boolean;
  maxSteps?: number;
  evalBatchSize?: number;
  /** Tags this run's events; the client sets it. */
  runId?: string;
}

/** Parameters of `evaluate`. */
export interface EvaluateParams {
  data: string;
  subset?: number;
  confusion?: boolean;
  /** Default: the last run's loss, else sparse categorical cross-entropy. */
  loss?: LossName;
  batchSize?: number;
}

/** Parameters of `predict`: which examples of a stored set. */
export interface PredictParams {
  data: string;
  /** Example indices (default: the first `count`, or all). */
  indices?: number[];
  count?: number;
  /** Also return those images' bytes (CIFAR-10 layout), for thumbnails with `imageToRGBA`. */
  withImages?: boolean;
}

/** What `predict` returns (buffers transferred). */
export interface PredictResult {
  /** Row-major [count, classes]. */
  probabilities: Float32Array;
  classes: number;
  count: number;
  indices: number[];
  /** The true labels of those examples. */
  labels: Uint8Array | Float32Array;
  /** count·3072 bytes in CIFAR-10's planar layout, when asked for and the set is CIFAR-10. */
  images?: Uint8Array;
}

/** Parameters of `measure`: the model and data to time, as the run will train them. */
export interface MeasureParams {
  spec: ModelSpec;
  /** Data set whose first images the timed steps train on (default 'train'). */
  data?: string;
  /** The run's batch size (a slow backend is timed on smaller batches and scaled). */
  batchSize: number;
  /** Default RMSprop at 1e-3. */
  optimizer?: OptimizerSpec;
  /** Default sparse categorical cross-entropy. */
  loss?: LossName;
  /** Longest time spent timing one backend after its warm-up step (default 2000 ms). */
  maxMsPerBackend?: number;
  /** The candidates to compare (default every registered one). */
  backends?: string[];
  /** Below this speed (images/s) a hardware GPU counts as slow and the others are timed too (default 50). */
  slowBelow?: number;
}

/** What `memory` returns: TF.js's bookkeeping, for leak checks. */
export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  backend: string;
}

/** Every request: its parameters and its result. */
export interface RequestMap {
  /** Choose the backend (WebGPU first, self-checked); call first. */
  init: { params: BackendOptions; result: BackendReport };
  loadData: { params: LoadDataParams; result: DataInfo[] };
  dropData: { params: { name: string }; result: void };
  buildModel: { params: { spec: ModelSpec }; result: ModelInfo };
  /** Load a model (the current one is disposed). Files travel as Blobs; ModelFiles' `weights` is transferred. */
  loadModel: { params: { source: LoadSource }; result: ModelInfo };
  /** Save the current model; `{ files: true }` returns model.json + weights (weights transferred). */
  saveModel: { params: { target: SaveTarget }; result: SaveOutcome };
  /** Freeze or unfreeze layers by name (transfer learning). */
  setTrainable: { params: { layers: Record<string, boolean> }; result: ModelInfo };
  /** Resolves when the run ends (any reason); progress arrives as events meanwhile. */
  train: { params: TrainParams; result: TrainResult };
  /** Resolves once the run is paused at a step boundary. */
  pause: { params: Record<string, never>; result: void };
  resume: { params: Record<string, never>; result: void };
  /** Resolves at once; the train request then resolves with stopReason 'stopped'. */
  stop: { params: Record<string, never>; result: void };
  evaluate: { params: EvaluateParams; result: EvaluateResult };
  predict: { params: PredictParams; result: PredictResult };
  memory: { params: Record<string, never>; result: MemoryInfo };
  /** Free the model and all data (the worker stays up). */
  reset: { params: Record<string, never>; result: void };
  /**
   * Time a few training steps of a model on the backend `init` chose, and on every other candidate when that is
   * not WebGPU, WebGPU on a software adapter, or slow; switch to the fastest. Needs data loaded; 'measure' events
   * say which backend is being timed; `stop` ends it (the request then rejects with a TfError `aborted` and the
   * backend `init` chose stays).
   */
  measure: { params: MeasureParams; result: MeasuredBackend };
}

export type RequestType = keyof RequestMap;
export type ParamsOf<K extends RequestType> = RequestMap[K]['params'];
export type ResultOf<K extends RequestType> = RequestMap[K]['result'];

/** Main thread → worker. */
export type RequestMessage = {
  [K in RequestType]: { kind: 'request'; id: number; type: K; params: ParamsOf<K> };
}[RequestType];

/** Worker → main thread: the answer to request `id`. */
export type ReplyMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: SerializedError };

/** Worker → main thread, unasked. */
export type WorkerEvent =
  /** The worker's module loaded and it listens. */
  | { type: 'ready' }
  | { type: 'load-progress'; name: string; loaded: number; total: number | undefined }
  | { type: 'batch'; runId: string; progress: BatchProgress }
  | { type: 'epoch'; runId: string; end: EpochEnd }
  | { type: 'note'; runId: string; note: TrainingNote }
  | { type: 'state'; state: TrainerState }
  /** `measure` is timing this backend, the `index`-th of `count`. */
  | { type: 'measure'; backend: string; label: string; index: number; count: number };

export type EventMessage = { kind: 'event'; event: WorkerEvent };

/** Anything the worker posts. */
export type WorkerMessage = ReplyMessage | EventMessage;

/** How the session posts: `postMessage` with a transfer list. */
export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;
