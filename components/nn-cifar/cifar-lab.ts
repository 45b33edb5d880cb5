// The CIFAR-10 lab's work, off the element: one training worker (ended when the host leaves), data, the backend
// timed on the model's first steps, training with exponential decay and early stopping (pause, resume, stop after
// the step), predictions, the confusion matrix, save and load.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSpec, ScheduleSpec, TrainSpec } from '../../src/spec/types.js';
import type {
  BackendName,
  BatchProgress,
  DataInfo,
  EpochEnd,
  LoadSource,
  ModelFiles,
  PredictResult,
  TrainResult,
} from '../../src/worker/index.js';
import { LabWorker, type Measured } from '../internal/lab-worker.js';

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
  /** Test after each epoch on the first n test images (0: all). */
  testSubset: number;
}

/** The data as loaded: which stored set trains and which tests (the same one when the source had only one). */
export interface LoadedData {
  train: DataInfo;
  test: DataInfo;
}

/** What the lab is doing. */
export type CifarPhase = 'idle' | 'loading' | 'measuring' | 'training' | 'paused' | 'stopping' | 'testing';

export class CifarLab implements ReactiveController {
  readonly worker: LabWorker;
  data: LoadedData | null = null;
  progress: BatchProgress | null = null;
  phase: CifarPhase = 'idle';
  /** Whether a model is in the worker (trained or loaded). */
  hasModel = false;

  constructor(host: ReactiveControllerHost, private readonly changed: () => void = () => host.requestUpdate()) {
    host.addController(this);
    this.worker = new LabWorker(host, () => this.changed());
  }

  get client() {
    return this.worker.client;
  }
  get backend() {
    return this.worker.backend;
  }
  get loading() {
    return this.worker.loading;
  }
  /** True from Train to the run's end (paused and stopping included). */
  get training(): boolean {
    return this.phase === 'measuring' || this.phase === 'training' || this.phase === 'paused' || this.phase === 'stopping';
  }

  hostDisconnected(): void {
    this.data = null;
    this.hasModel = false;
    this.phase = 'idle';
  }

  private set(phase: CifarPhase): void {
    this.phase = phase;
    this.changed();
  }

  /**
   * Loads CIFAR-10 from URLs or files, with progress. A source without a test set (one `.bin` file) gives its last
   * `validationSplit` fraction to testing; with 0, it is tested on its own training images.
   */
  async load(from: string | string[] | Blob | Blob[], backend: BackendName | 'auto', validationSplit = 0): Promise<LoadedData> {
    this.set('loading');
    try {
      await this.worker.start(backend);
      const sets = await this.worker.load({ source: { kind: 'cifar10', from }, name: 'train', testName: 'test', validationSplit });
      const train = sets.find((s) => s.name === 'train') ?? sets[0];
      const test = sets.find((s) => s.name === 'test') ?? train;
      this.data = { train, test };
      return this.data;
    } finally {
      this.set('idle');
    }
  }

  /** Times the model's first steps on the backends (the fastest stays active); reused while the model is the same. */
  async measure(model: ModelSpec, batchSize: number, backend: BackendName | 'auto'): Promise<Measured> {
    if (!this.data) throw new Error('Load the data first.');
    this.set('measuring');
    return this.worker.measure({ spec: model, data: this.data.train.name, batchSize }, backend);
  }

  /** Builds the model and trains it; resolves with how the run ended. */
  async train(plan: CifarPlan, onEpoch: (end: EpochEnd) => void): Promise<TrainResult> {
    const client = this.worker.client;
    if (!client || !this.data) throw new Error('Load the data first.');
    this.progress = null;
    if (this.phase !== 'stopping') this.set('training');
    try {
      await client.buildModel(plan.model);
      this.hasModel = true;
      // Stopped while the model was being built: the worker had no run to stop yet.
      if (this.phase === 'stopping') return notTrained();
      const { train, test } = this.data;
      return await client.train(
        {
          spec: trainSpec(plan),
          data: train.name,
          validation: test.name,
          subset: plan.subset || undefined,
          validationSubset: plan.testSubset || undefined,
        },
        {
          onBatch: (p) => {
            this.progress = p;
            this.changed();
          },
          onEpoch,
        },
      );
    } finally {
      this.set('idle');
    }
  }

  /** Top predictions for the first `count` test images, with their pixels; and the confusion matrix. */
  async results(count: number, subset: number): Promise<{ predictions: PredictResult; confusion: number[][]; accuracy: number }> {
    const client = this.worker.client!;
    const test = this.data!.test;
    this.set('testing');
    try {
      const predictions = await client.predict({ data: test.name, count: Math.min(count, test.count), withImages: true });
      const evaluated = await client.evaluate({ data: test.name, confusion: true, subset: subset || undefined });
      return { predictions, confusion: evaluated.confusion ?? [], accuracy: evaluated.accuracy ?? NaN };
    } finally {
      this.set('idle');
    }
  }

  /** Holds the run after its step; resolves once paused. */
  async pause(): Promise<void> {
    if (this.phase !== 'training') return;
    await this.worker.client?.pause();
    if (this.phase === 'training') this.set('paused');
  }

  resume(): void {
    if (this.phase !== 'paused') return;
    void this.worker.client?.resume().catch(() => undefined);
    this.set('training');
  }

  /** Stops the run after its step (or the timing of the backends): "stopping" at once; the model keeps its weights. */
  stop(): void {
    if (!this.training || this.phase === 'stopping') return;
    this.set('stopping');
    void this.worker.client?.stop().catch(() => undefined);
  }

  /** Saves to browser storage (`indexeddb://name`) and returns its URL. */
  async saveToBrowser(name: string): Promise<string> {
    const out = await this.worker.client!.saveModel(`indexeddb://${name}`);
    return 'url' in out ? out.url : `indexeddb://${name}`;
  }

  /** The model as files (model.json + weights), for a download. */
  async saveFiles(): Promise<ModelFiles> {
    const out = await this.worker.client!.saveModel({ files: true });
    if (!('files' in out)) throw new Error('The worker returned no files.');
    return out.files;
  }

  /** Loads a model: a URL, `indexeddb://name`, picked files, or saved files. */
  async loadModel(source: LoadSource, backend: BackendName | 'auto'): Promise<void> {
    const client = await this.worker.start(backend);
    await client.loadModel(source);
    this.hasModel = true;
    this.changed();
  }
}

/** The result of a run stopped before its first step. */
function notTrained(): TrainResult {
  return {
    stopReason: 'stopped', message: 'Stopped before training.', epochsRun: 0, steps: 0, history: [], divergedAtStep: -1,
    bestEpoch: -1, restoredEpoch: -1, elapsedMs: 0, imagesPerSecond: 0, notes: [],
  };
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
