// The CIFAR-10 lab's work, off the element: one training worker (ended when the host leaves), data, training with
// exponential decay and early stopping, predictions, the confusion matrix, save and load.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSpec, ScheduleSpec, TrainSpec } from '../../src/spec/types.js';
import {
  TrainingClient,
  type BackendName,
  type BackendReport,
  type BatchProgress,
  type DataInfo,
  type EpochEnd,
  type LoadSource,
  type ModelFiles,
  type PredictResult,
  type TrainResult,
} from '../../src/worker/index.js';
import { startTrainingClient } from '../internal/training-client.js';

/** How a run trains. */
export interface CifarPlan {
  model: ModelSpec;
  /** The rate schedule; exponential decay from the chosen rate by default. */
  schedule: ScheduleSpec;
  epochs: number;
  patience: number;
  batchSize: number;
  seed: number;
  /** Train on the first n images (0: all). */
  subset: number;
}

/** The data as loaded: which stored set trains and which tests (the same one when the source had only one). */
export interface LoadedData {
  train: DataInfo;
  test: DataInfo;
}

export class CifarLab implements ReactiveController {
  client: TrainingClient | null = null;
  backend: BackendReport | null = null;
  data: LoadedData | null = null;
  /** Bytes loaded so far, and the total when known, while loading. */
  loading: { loaded: number; total: number | undefined } | null = null;
  progress: BatchProgress | null = null;
  training = false;
  /** Whether a model is in the worker (trained or loaded). */
  hasModel = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.client?.terminate();
    this.client = null;
    this.backend = null;
    this.data = null;
    this.hasModel = false;
    this.training = false;
  }

  /** The worker, started (and its backend chosen) on first use. */
  async worker(backend: BackendName | 'auto'): Promise<TrainingClient> {
    const client = (this.client ??= startTrainingClient());
    if (!this.backend) {
      client.on((e) => {
        if (e.type === 'load-progress') {
          this.loading = { loaded: e.loaded, total: e.total };
          this.host.requestUpdate();
        }
      });
      this.backend = await client.init({ backend });
      this.host.requestUpdate();
    }
    return client;
  }

  /**
   * Loads CIFAR-10 from URLs or files, with progress. A source without a test set (one `.bin` file) gives its last
   * `validationSplit` fraction to testing; with 0, it is tested on its own training images.
   */
  async load(from: string | string[] | Blob | Blob[], backend: BackendName | 'auto', validationSplit = 0): Promise<LoadedData> {
    this.loading = { loaded: 0, total: undefined };
    this.host.requestUpdate();
    try {
      const client = await this.worker(backend);
      const sets = await client.loadData({ source: { kind: 'cifar10', from }, name: 'train', testName: 'test', validationSplit });
      const train = sets.find((s) => s.name === 'train') ?? sets[0];
      const test = sets.find((s) => s.name === 'test') ?? train;
      this.data = { train, test };
      return this.data;
    } finally {
      this.loading = null;
      this.host.requestUpdate();
    }
  }

  /** Builds the model and trains it; resolves with how the run ended. */
  async train(plan: CifarPlan, onEpoch: (end: EpochEnd) => void): Promise<TrainResult> {
    const client = this.client;
    if (!client || !this.data) throw new Error('Load the data first.');
    this.training = true;
    this.host.requestUpdate();
    try {
      await client.buildModel(plan.model);
      this.hasModel = true;
      const { train, test } = this.data;
      return await client.train(
        {
          spec: trainSpec(plan),
          data: train.name,
          validation: test.name,
          subset: plan.subset || undefined,
          validationSubset: plan.subset || undefined,
        },
        { onBatch: (p) => ((this.progress = p), this.host.requestUpdate()), onEpoch },
      );
    } finally {
      this.training = false;
      this.host.requestUpdate();
    }
  }

  /** Top predictions for the first `count` test images, with their pixels; and the confusion matrix. */
  async results(count: number, subset: number): Promise<{ predictions: PredictResult; confusion: number[][]; accuracy: number }> {
    const client = this.client!;
    const test = this.data!.test;
    const predictions = await client.predict({ data: test.name, count: Math.min(count, test.count), withImages: true });
    const evaluated = await client.evaluate({ data: test.name, confusion: true, subset: subset || undefined });
    return { predictions, confusion: evaluated.confusion ?? [], accuracy: evaluated.accuracy ?? NaN };
  }

  stop(): void {
    void this.client?.stop().catch(() => undefined);
  }

  /** Saves to browser storage (`indexeddb://name`) and returns its URL. */
  async saveToBrowser(name: string): Promise<string> {
    const out = await this.client!.saveModel(`indexeddb://${name}`);
    return 'url' in out ? out.url : `indexeddb://${name}`;
  }

  /** The model as files (model.json + weights), for a download. */
  async saveFiles(): Promise<ModelFiles> {
    const out = await this.client!.saveModel({ files: true });
    if (!('files' in out)) throw new Error('The worker returned no files.');
    return out.files;
  }

  /** Loads a model: a URL, `indexeddb://name`, picked files, or saved files. */
  async loadModel(source: LoadSource, backend: BackendName | 'auto'): Promise<void> {
    const client = await this.worker(backend);
    await client.loadModel(source);
    this.hasModel = true;
    this.host.requestUpdate();
  }
}

/** RMSprop on the schedule, with EarlyStopping on the validation loss (Keras's restore_best_weights). */
export function trainSpec(plan: CifarPlan): TrainSpec {
  return {
    optimizer: { name: 'rmsprop', learningRate: plan.schedule },
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    batchSize: plan.batchSize,
    epochs: plan.epochs,
    shuffle: true,
    seed: plan.seed,
    callbacks: [{ name: 'EarlyStopping', monitor: 'val_loss', patience: plan.patience, restoreBestWeights: true }],
  };
}
