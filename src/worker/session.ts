/**
 * The worker's side of the protocol: one model, named data sets, at most one training run, and a handler per
 * request type. Transport-free (it posts through a function), so the same code serves a Web Worker, a
 * MessagePort on the main thread (inProcessClient) and Node tests.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../spec/index.js';
import { chooseBackend, type BackendReport } from '../tf/backend/backend.js';
import { measureBackends } from '../tf/backend/measure.js';
import { serializeError, TfError } from '../tf/errors.js';
import { loadModel, saveModel } from '../tf/io/save-load.js';
import { buildModel } from '../tf/model/build-model.js';
import { describeModel, type ModelInfo } from '../tf/model/describe-model.js';
import { reuseLayers } from '../tf/transfer/reuse.js';
import { subset, type Dataset } from '../tf/train/dataset.js';
import { evaluateModel, predictProbabilities } from '../tf/train/evaluate.js';
import type { TrainResult } from '../tf/train/events.js';
import { Trainer } from '../tf/train/trainer.js';
import { DataStore } from './data-store.js';
import type { ParamsOf, Post, PredictResult, RequestMessage, RequestType, ResultOf, TrainParams, WorkerEvent } from './protocol.js';
import { measureTop } from './measure-top.js';
import { TransferState } from './transfer-state.js';

/** One handler per request; `transfer` collects the buffers its reply moves rather than copies. */
type Handlers = { [K in RequestType]: (params: ParamsOf<K>, transfer: Transferable[]) => Promise<ResultOf<K>> };

/** Serves the protocol's requests. */
export class TrainingSession {
  private backend: BackendReport | null = null;
  private model: tf.LayersModel | null = null;
  private readonly data = new DataStore();
  private readonly transfer = new TransferState(this.data);
  private trainer: Trainer | null = null;
  private lastLoss: LossName = 'sparse_categorical_crossentropy';
  private closed = false;
  /** True while `measure` times backends; `stop` sets `measureStopped`. */
  private measuring = false;
  private measureStopped = false;

  constructor(private readonly post: Post) {}

  /**
   * Ends the session on this thread (a worker needs none: terminate() ends it): stops a run, frees the model and
   * data, and ignores later requests. The model is freed when the run has left its step.
   */
  close(): void {
    this.closed = true;
    this.transfer.stop();
    this.data.clear();
    if (this.trainer) this.trainer.stop();
    else this.freeModel();
  }

  private freeModel(): void {
    this.transfer.forget(this.model, true);
    this.model?.dispose();
    this.model = null;
  }

  /** Handles one request and posts its reply (errors become `ok: false` replies, never throws). */
  async handle(message: RequestMessage): Promise<void> {
    if (!message || message.kind !== 'request' || this.closed) return;
    const { id, type, params } = message;
    try {
      const handler = this.handlers[type] as (p: unknown, t: Transferable[]) => Promise<unknown>;
      if (!handler) throw new TfError('internal', `Unknown request type ${JSON.stringify(type)}.`);
      const transfer: Transferable[] = [];
      const result = await handler(params, transfer);
      if (!this.closed) this.post({ kind: 'reply', id, ok: true, result }, transfer);
    } catch (err) {
      if (!this.closed) this.post({ kind: 'reply', id, ok: false, error: serializeError(err) });
    }
  }

  private emit(event: WorkerEvent): void {
    if (!this.closed) this.post({ kind: 'event', event });
  }

  private async ensureBackend(): Promise<void> {
    if (!this.backend) this.backend = await chooseBackend();
  }

  private requireModel(): tf.LayersModel {
    if (!this.model) throw new TfError('model', 'No model yet: build or load one first.');
    return this.model;
  }

  private requireIdle(what: string): void {
    if (this.trainer || this.measuring) throw new TfError('state', `Cannot ${what} while a model is training: stop it first.`);
    if (this.transfer.busy) throw new TfError('state', `Cannot ${what} while activations are being computed: stop it first.`);
  }

  private setModel(model: tf.LayersModel): ModelInfo {
    this.transfer.forget(this.model, true);
    this.model?.dispose();
    this.model = model;
    return describeModel(model);
  }

  private readonly handlers: Handlers = {
    init: async (options) => {
      this.requireIdle('change the backend');
      this.backend = await chooseBackend(options);
      return this.backend;
    },
    loadData: async (params) =>
      this.data.load(params, (loaded, total) =>
        this.emit({ type: 'load-progress', name: params.name ?? 'train', loaded, total }),
      ),
    dropData: async ({ name }) => {
      this.data.drop(name);
      this.transfer.dropped(name);
    },
    buildModel: async ({ spec }) => {
      this.requireIdle('build a model');
      await this.ensureBackend();
      return this.setModel(buildModel(spec));
    },
    loadModel: async ({ source }) => {
      this.requireIdle('load a model');
      await this.ensureBackend();
      return this.setModel(await loadModel(source));
    },
    saveModel: async ({ target }, transfer) => {
      const outcome = await saveModel(this.requireModel(), target);
      if ('files' in outcome) transfer.push(outcome.files.weights);
      return outcome;
    },
    setTrainable: async ({ layers }) => {
      this.requireIdle('change which layers train');
      const model = this.requireModel();
      for (const [name, trainable] of Object.entries(layers)) {
        const layer = model.layers.find((l) => l.name === name);
        if (!layer) throw new TfError('model', `The model has no layer "${name}".`);
        layer.trainable = trainable;
      }
      return describeModel(model);
    },
    train: async (params) => {
      this.requireIdle('start another run');
      await this.ensureBackend();
      const model = this.requireModel();
      const { train, validation } = this.runData(params);
      checkFits(model, train);
      return this.fit(model, model, train, validation, params, 0);
    },
    pause: async () => {
      if (!this.trainer) return;
      await this.trainer.pause();
      this.emit({ type: 'state', state: this.trainer?.state ?? 'done' });
    },
    resume: async () => {
      if (!this.trainer) return;
      this.trainer.resume();
      this.emit({ type: 'state', state: 'training' });
    },
    stop: async () => {
      if (this.measuring) this.measureStopped = true;
      this.trainer?.stop();
      this.transfer.stop();
    },
    measure: async (params) => {
      this.requireIdle('measure the backends');
      await this.ensureBackend();
      const data = this.data.get(params.data ?? 'train');
      const preferred = this.backend!;
      this.measuring = true;
      this.measureStopped = false;
      try {
        const out = await measureBackends(
          {
            ...params,
            data,
            onMeasure: (backend, label, index, count) => this.emit({ type: 'measure', backend, label, index, count }),
            onTrainer: (trainer) => (this.trainer = trainer),
            stopped: () => this.measureStopped || this.closed,
          },
          preferred,
        );
        if (this.measureStopped) throw new TfError('aborted', 'Measuring the backends was stopped.');
        this.backend = out.report;
        return out;
      } catch (err) {
        // Whatever was being timed is active now: go back to what init chose.
        this.backend = await chooseBackend({ backend: preferred.backend }).catch(() => preferred);
        throw err;
      } finally {
        this.measuring = false;
        this.trainer = null;
      }
    },
    evaluate: async (params) => {
      this.requireIdle('evaluate');
      let data = this.data.get(params.data);
      if (params.subset !== undefined) data = subset(data, params.subset);
      const model = this.requireModel();
      checkFits(model, data);
      return evaluateModel(model, data, {
        loss: params.loss ?? this.lastLoss,
        confusion: params.confusion,
        batchSize: params.batchSize,
      });
    },
    predict: async (params, transfer) => {
      this.requireIdle('predict');
      const model = this.requireModel();
      const all = this.data.get(params.data);
      checkFits(model, all);
      const indices = params.indices ?? Array.from({ length: Math.min(all.count, params.count ?? all.count) }, (_, i) => i);
      for (const i of indices) {
        if (!Number.isInteger(i) || i < 0 || i >= all.count) {
          throw new TfError('data', `predict: index ${i} is outside "${params.data}" (${all.count} examples).`);
        }
      }
      const picked = gather(all, indices);
      const probabilities = await predictProbabilities(model, picked);
      const result: PredictResult = {
        probabilities,
        classes: indices.length ? probabilities.length / indices.length : 0,
        count: indices.length,
        indices,
        labels: picked.y,
      };
      if (params.withImages && picked.format === 'cifar10') result.images = picked.x as Uint8Array;
      transfer.push(probabilities.buffer, picked.y.buffer, ...(result.images ? [result.images.buffer] : []));
      return result;
    },
    memory: async () => ({ ...tf.memory(), backend: tf.getBackend() }),
    reset: async () => {
      this.requireIdle('reset');
      this.freeModel();
      this.data.clear();
    },
    reuseLayers: async (params) => {
      this.requireIdle('reuse layers');
      const current = this.requireModel();
      const { model, reused } = await reuseLayers(current, params);
      // The current model becomes the base (kept for the comparison); an earlier base is freed.
      this.transfer.forget(current, true);
      this.transfer.base = current;
      this.transfer.reused = new Set(reused);
      this.model = model;
      return { model: describeModel(model), base: describeModel(current), reused };
    },
    cacheActivations: async (params) => {
      this.requireIdle('compute activations');
      await this.ensureBackend();
      const model = this.requireModel();
      checkFits(model, this.data.get(params.data));
      const name = params.name ?? `${params.data}@${params.at}`;
      return this.transfer.cache(model, params, (done, total) => this.emit({ type: 'activations-progress', name, done, total }));
    },
    trainTop: async (params) => {
      this.requireIdle('start another run');
      await this.ensureBackend();
      const model = this.requireModel();
      this.transfer.checkFrozenBelow(model, params.at);
      for (const set of [params.data, params.validation]) if (set) this.transfer.checkCache(set, params.at, model, 'current');
      const { top, from } = this.transfer.top(model, params.at);
      const { train, validation } = this.runData(params);
      return this.fit(model, top, train, validation, params, from);
    },
    measureTop: async (params) => {
      this.requireIdle('measure');
      await this.ensureBackend();
      const model = this.requireModel();
      this.transfer.checkFrozenBelow(model, params.at);
      this.transfer.checkCache(params.data, params.at, model, 'current');
      const { top, from } = this.transfer.top(model, params.at);
      return measureTop(top, this.data.get(params.data), params, from);
    },
    predictTop: async (params, transfer) => {
      this.requireIdle('predict');
      const which = params.model ?? 'current';
      const model = which === 'base' ? this.transfer.requireBase() : this.requireModel();
      this.transfer.checkCache(params.data, params.at, model, which);
      const data = this.data.get(params.data);
      const probabilities = await predictProbabilities(this.transfer.top(model, params.at).top, data);
      const labels = data.y.slice();
      transfer.push(probabilities.buffer, labels.buffer);
      return { probabilities, classes: data.count ? probabilities.length / data.count : 0, count: data.count, labels };
    },
  };

  /** The training and validation sets a run names, cut to their subsets. */
  private runData(params: TrainParams): { train: Dataset; validation?: Dataset } {
    let train = this.data.get(params.data ?? 'train');
    if (params.subset !== undefined) train = subset(train, params.subset);
    let validation: Dataset | undefined;
    if (params.validation) {
      validation = this.data.get(params.validation);
      if (params.validationSubset !== undefined) validation = subset(validation, params.validationSubset);
    }
    return { train, validation };
  }

  /**
   * Trains `trained` (the model, or its top from layer `from` on) with events tagged by the run id; the layers that
   * trained get a new version, so activations cached above them are known to be stale.
   */
  private async fit(model: tf.LayersModel, trained: tf.LayersModel, train: Dataset, validation: Dataset | undefined, params: TrainParams, from: number): Promise<TrainResult> {
    const runId = params.runId ?? '';
    const trainer = new Trainer(trained, params.spec);
    this.trainer = trainer;
    this.lastLoss = params.spec.loss;
    this.emit({ type: 'state', state: 'training' });
    try {
      return await trainer.fit(train, {
        validation,
        progressIntervalMs: params.progressIntervalMs,
        divergence: params.divergence,
        maxSteps: params.maxSteps,
        evalBatchSize: params.evalBatchSize,
        layerOffset: from,
        onBatch: (progress) => this.emit({ type: 'batch', runId, progress }),
        onEpoch: (end) => this.emit({ type: 'epoch', runId, end }),
        onNote: (note) => this.emit({ type: 'note', runId, note }),
      });
    } finally {
      this.trainer = null;
      if (!this.closed) this.transfer.markTrained(model, from);
      if (this.closed) this.freeModel();
      else this.emit({ type: 'state', state: 'done' });
    }
  }
}

/** Copies of the examples at `indices` (fresh buffers, so they can be transferred away). */
function gather(d: Dataset, indices: readonly number[]): Dataset {
  const perX = d.x.length / d.count;
  const perY = d.y.length / d.count;
  const x = new (d.x.constructor as { new (n: number): Uint8Array | Float32Array })(indices.length * perX);
  const y = new (d.y.constructor as { new (n: number): Uint8Array | Float32Array })(indices.length * perY);
  indices.forEach((i, k) => {
    x.set(d.x.subarray(i * perX, (i + 1) * perX), k * perX);
    y.set(d.y.subarray(i * perY, (i + 1) * perY), k * perY);
  });
  return { ...d, x, y, count: indices.length };
}

/**
 * Throws unless one example of `data` has the model's input shape.
 *
 * @throws {TfError} `model`, with both shapes.
 */
function checkFits(model: tf.LayersModel, data: Dataset): void {
  const want = model.inputs[0].shape.slice(1);
  const ok = want.length === data.shape.length && want.every((d, i) => d === null || d === data.shape[i]);
  if (!ok) {
    throw new TfError(
      'model',
      `The model takes inputs of shape [${want.map((d) => d ?? '?').join(', ')}], but the data's are [${data.shape.join(', ')}].`,
    );
  }
}
