/**
 * The main thread's handle on a training worker: one promise per request, events for progress, `terminate()`.
 * It imports no TensorFlow.js (types only), so a page that trains in a worker never loads TF.js itself.
 *
 * @example
 * const client = TrainingClient.inWorker();
 * const backend = await client.init();                        // backend.summary: "Training on WebGPU (...)"
 * await client.loadData({ source: { kind: 'cifar10', from: '/data/cifar10_train_10k.bin' } });
 * await client.buildModel({ spec: cifarCnn() });
 * const result = await client.train({ spec }, { onBatch: (p) => bar.value = p.step / p.totalSteps });
 * client.terminate();                                         // in disconnectedCallback
 */
import type { BackendOptions, BackendReport } from '../tf/backend/backend.js';
import { deserializeError, TfError } from '../tf/errors.js';
import type { LoadSource, SaveOutcome, SaveTarget } from '../tf/io/save-load.js';
import type { ModelSpec } from '../spec/index.js';
import type { ModelInfo } from '../tf/model/describe-model.js';
import type { EvaluateResult } from '../tf/train/evaluate.js';
import type { BatchProgress, EpochEnd, TrainingNote, TrainResult } from '../tf/train/events.js';
import { createTrainingWorker } from './create-worker.js';
import type { MeasuredBackend } from '../tf/backend/measure.js';
import type {
  ActivationsInfo,
  CacheActivationsParams,
  DataInfo,
  EvaluateParams,
  LoadDataParams,
  MeasureResult,
  MeasureTopParams,
  MeasureParams,
  MemoryInfo,
  ParamsOf,
  PredictParams,
  PredictResult,
  PredictTopParams,
  PredictTopResult,
  RequestType,
  ResultOf,
  ReuseLayersParams,
  ReuseLayersResult,
  TrainParams,
  TrainTopParams,
  WorkerEvent,
  WorkerMessage,
} from './protocol.js';

/** What the client talks to: a Worker, or a MessagePort (in-process). */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  /** Worker.terminate, or MessagePort.close. */
  terminate?(): void;
  close?(): void;
}

/** Per-run callbacks of {@link TrainingClient.train}. */
export interface TrainHandlers {
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (end: EpochEnd) => void;
  onNote?: (note: TrainingNote) => void;
}

/** Events a client emits: everything the worker posts, plus 'error' when the worker itself fails. */
export type ClientEvent = WorkerEvent | { type: 'error'; error: TfError };
type Listener = (event: ClientEvent) => void;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: TfError) => void;
}

let nextRun = 1;

/**
 * A URL resolved against the page: a worker resolves relative URLs against its own script's URL, which is not
 * where the page's `data/cifar.bin` is. Scheme URLs (`indexeddb://name`) pass through.
 */
function absolute(url: string): string {
  const g = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
  const base = g.document?.baseURI ?? g.location?.href;
  try {
    return base ? new URL(url, base).href : url;
  } catch {
    return url;
  }
}

/** A typed, promise-based client of the training worker. */
export class TrainingClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<Listener>();
  private readonly runs = new Map<string, TrainHandlers>();
  private dead: TfError | null = null;

  /** @param endpoint a Worker running training.worker.ts, or a port served by `hostSession`. */
  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener('message', (event: MessageEvent) => this.receive(event.data as WorkerMessage));
    endpoint.addEventListener('error', (event: Event) => {
      // A worker whose script fails to load or throws at the top level: nothing it was asked will be answered.
      const detail = (event as ErrorEvent).message || 'the script failed to load or threw while starting';
      event.preventDefault?.();
      // Its state is unknown now: end it rather than leave it running unanswered.
      this.endpoint.terminate?.();
      this.fail(new TfError('internal', `The training worker failed: ${detail}.`));
    });
    endpoint.addEventListener('messageerror', () => {
      this.emit({ type: 'error', error: new TfError('internal', 'A message from the training worker could not be read.') });
    });
  }

  /** A client of a new module worker (see createTrainingWorker for how the worker file is found). */
  static inWorker(url?: string | URL): TrainingClient {
    return new TrainingClient(createTrainingWorker(url));
  }

  /** True once terminated or failed: every call then rejects. */
  get terminated(): boolean {
    return this.dead !== null;
  }

  /** Listens to every event; returns the function that stops listening. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends one request; resolves with its result, rejects with a TfError (its `name` is the original class). */
  request<K extends RequestType>(type: K, params: ParamsOf<K>, transfer: Transferable[] = []): Promise<ResultOf<K>> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.endpoint.postMessage({ kind: 'request', id, type, params }, transfer);
      } catch (err) {
        this.pending.delete(id);
        reject(new TfError('internal', `Could not send ${type} to the training worker: ${(err as Error).message}`));
      }
    });
  }

  /** Chooses the backend (WebGPU first, self-checked); the report names it and the GPU for the UI. */
  init(options: BackendOptions = {}): Promise<BackendReport> {
    return this.request('init', options);
  }

  /**
   * Loads data into the worker. Buffers in the source (`ArrayBuffer`, `arrays.x/y`) are transferred: they are
   * detached here afterwards. Progress arrives as 'load-progress' events.
   */
  loadData(params: LoadDataParams): Promise<DataInfo[]> {
    let { source } = params;
    if (source.kind === 'cifar10') {
      const from = source.from;
      const resolved =
        typeof from === 'string' ? absolute(from) : Array.isArray(from) ? from.map((f) => (typeof f === 'string' ? absolute(f) : f)) : from;
      source = { ...source, from: resolved as typeof from };
      params = { ...params, source };
    }
    const transfer: Transferable[] = [];
    if (source.kind === 'cifar10' && source.from instanceof ArrayBuffer) transfer.push(source.from);
    if (source.kind === 'arrays') transfer.push(source.x.buffer, ...(source.y.buffer !== source.x.buffer ? [source.y.buffer] : []));
    return this.request('loadData', params, transfer);
  }

  dropData(name: string): Promise<void> {
    return this.request('dropData', { name });
  }

  buildModel(spec: ModelSpec): Promise<ModelInfo> {
    return this.request('buildModel', { spec });
  }

  /** Loads a model: a URL or `indexeddb://name`, picked files ({ json, weights }), or saved ModelFiles. */
  loadModel(source: LoadSource): Promise<ModelInfo> {
    const transfer = typeof source === 'object' && 'modelJson' in source ? [source.weights] : [];
    return this.request('loadModel', { source: typeof source === 'string' ? absolute(source) : source }, transfer);
  }

  /** Saves to `indexeddb://name`, or returns the files (`{ files: true }`) for a download link. */
  saveModel(target: SaveTarget): Promise<SaveOutcome> {
    return this.request('saveModel', { target });
  }

  setTrainable(layers: Record<string, boolean>): Promise<ModelInfo> {
    return this.request('setTrainable', { layers });
  }

  /**
   * Trains the current model; resolves when the run ends for any reason (completed, early stopping, stopped,
   * diverged, NaN: see `stopReason`). Progress goes to `handlers` and to 'batch'/'epoch'/'note' events.
   */
  train(params: TrainParams, handlers: TrainHandlers = {}): Promise<TrainResult> {
    return this.run('train', params, handlers);
  }

  private async run<K extends 'train' | 'trainTop'>(type: K, params: ParamsOf<K>, handlers: TrainHandlers): Promise<TrainResult> {
    const runId = params.runId ?? `run-${nextRun++}`;
    this.runs.set(runId, handlers);
    try {
      return await this.request(type, { ...params, runId } as ParamsOf<K>);
    } finally {
      this.runs.delete(runId);
    }
  }

  /**
   * Transfer learning: a new model of the current model's layers up to `upTo` (copies, frozen) and a new head; the
   * current model is kept as the base, for `predictTop({ model: 'base' })`.
   */
  reuseLayers(params: ReuseLayersParams): Promise<ReuseLayersResult> {
    return this.request('reuseLayers', params);
  }

  /**
   * The current model's activations at layer `params.at` for a stored set, stored as a set of their own (progress as
   * 'activations-progress' events; `stop()` ends it with a TfError `aborted`).
   */
  cacheActivations(params: CacheActivationsParams): Promise<ActivationsInfo> {
    return this.request('cacheActivations', params);
  }

  /** Trains the layers above `params.at` on activations cached there; resolves as `train` does. */
  trainTop(params: TrainTopParams, handlers: TrainHandlers = {}): Promise<TrainResult> {
    return this.run('trainTop', params, handlers);
  }

  /** Times a few training steps above a cache point (the weights are put back): what a run there will cost. */
  measureTop(params: MeasureTopParams): Promise<MeasureResult> {
    return this.request('measureTop', params);
  }

  /** Probabilities of the current model (or the base) from activations cached at `params.at`. */
  predictTop(params: PredictTopParams): Promise<PredictTopResult> {
    return this.request('predictTop', params);
  }

  /**
   * Times a few training steps of `params.spec` on the backends and switches to the fastest (see the protocol's
   * `measure`); `onMeasure` hears which backend is being timed. `stop()` ends it: it then rejects with a TfError
   * `aborted`.
   */
  async measure(params: MeasureParams, onMeasure?: (e: { backend: string; label: string; index: number; count: number }) => void): Promise<MeasuredBackend> {
    const off = onMeasure ? this.on((e) => e.type === 'measure' && onMeasure(e)) : undefined;
    try {
      return await this.request('measure', params);
    } finally {
      off?.();
    }
  }

  /** Resolves once the run has paused between two steps. */
  pause(): Promise<void> {
    return this.request('pause', {});
  }
  resume(): Promise<void> {
    return this.request('resume', {});
  }
  /** Asks the run to stop; `train()` then resolves with stopReason 'stopped'. */
  stop(): Promise<void> {
    return this.request('stop', {});
  }

  evaluate(params: EvaluateParams): Promise<EvaluateResult> {
    return this.request('evaluate', params);
  }

  predict(params: PredictParams): Promise<PredictResult> {
    return this.request('predict', params);
  }

  memory(): Promise<MemoryInfo> {
    return this.request('memory', {});
  }

  /** Frees the worker's model and data; the worker stays up. */
  reset(): Promise<void> {
    return this.request('reset', {});
  }

  /**
   * Ends the worker at once (an element calls this when it leaves the page). Pending requests reject with a
   * TfError `terminated`; later calls reject the same way.
   */
  terminate(): void {
    if (this.dead) return;
    this.endpoint.terminate?.();
    this.endpoint.close?.();
    this.fail(new TfError('terminated', 'The training worker was terminated.'));
  }

  private fail(error: TfError): void {
    if (!this.dead) this.dead = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.runs.clear();
    this.emit({ type: 'error', error });
  }

  private emit(event: ClientEvent): void {
    for (const l of this.listeners) l(event);
  }

  private receive(message: WorkerMessage): void {
    if (!message || typeof message !== 'object') return;
    if (message.kind === 'reply') {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.ok) p.resolve(message.result);
      else p.reject(deserializeError(message.error));
      return;
    }
    if (message.kind !== 'event') return;
    const event = message.event;
    if (event.type === 'batch') this.runs.get(event.runId)?.onBatch?.(event.progress);
    else if (event.type === 'epoch') this.runs.get(event.runId)?.onEpoch?.(event.end);
    else if (event.type === 'note') this.runs.get(event.runId)?.onNote?.(event.note);
    this.emit(event);
  }
}
