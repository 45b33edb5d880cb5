// The transfer lab's work, off the element: one training worker (ended when the host leaves), the base model, the
// data, the new head, activations cached below the layers that train, both stages, and the predictions the
// comparison needs.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { relabel } from '../../src/data/index.js';
import { TRANSFER_RELABEL as RELABEL, cachePlan, headSpec, offerStage, stageSpec, topConvLayers, type StageOffer, type StagePlan } from '../../src/transfer/index.js';
import {
  type TrainingClient,
  cifarCnn,
  type ActivationsInfo,
  type BackendName,
  type BackendReport,
  type BatchProgress,
  type DataInfo,
  type EpochEnd,
  type LoadSource,
  type ModelInfo,
  type PredictResult,
  type TrainResult,
} from '../../src/worker/index.js';
import { startTrainingClient } from '../internal/training-client.js';

/** What the progress bar shows. */
export type LabProgress =
  | { kind: 'loading'; loaded: number; total: number | undefined }
  | { kind: 'activations'; name: string; done: number; total: number }
  | { kind: 'training'; stage: 1 | 2; progress: BatchProgress | null }
  | { kind: 'busy'; label: string };

/** The data as loaded: the stored training and test sets (the same one when the source had only one). */
export interface LoadedData {
  train: DataInfo;
  test: DataInfo;
}

export class TransferLab implements ReactiveController {
  client: TrainingClient | null = null;
  backend: BackendReport | null = null;
  /** The model the layers come from, and how it was found. */
  base: { info: ModelInfo; from: string } | null = null;
  data: LoadedData | null = null;
  /** The transferred model (the new head on the reused layers). */
  model: ModelInfo | null = null;
  reused: string[] = [];
  /** Stages done: 0, 1 (the head trained) or 2 (fine-tuned). */
  stage = 0;
  progress: LabProgress | null = null;
  /** The base's predictions on the test set (10 classes), computed once: the base never changes. */
  basePredictions: Float32Array | null = null;
  /** The measured backend choice in words, once the backends have been timed (backend 'auto', before stage 1). */
  measured: string | null = null;
  private readonly caches = new Map<string, ActivationsInfo>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True while anything runs in the worker. */
  get busy(): boolean {
    return this.progress !== null;
  }

  hostDisconnected(): void {
    this.client?.terminate();
    this.client = null;
    this.backend = null;
    this.measured = null;
    this.base = null;
    this.data = null;
    this.forgetModel();
  }

  private forgetModel(): void {
    this.model = null;
    this.reused = [];
    this.stage = 0;
    this.basePredictions = null;
    this.caches.clear();
  }

  private set(progress: LabProgress | null): void {
    this.progress = progress;
    this.host.requestUpdate();
  }

  /** Runs `work` with `progress` shown, and clears it after, whatever happens. */
  private async with<T>(progress: LabProgress, work: () => Promise<T>): Promise<T> {
    this.set(progress);
    try {
      return await work();
    } finally {
      this.set(null);
    }
  }

  /** The worker, started (and its backend chosen) on first use. */
  async worker(backend: BackendName | 'auto'): Promise<TrainingClient> {
    let client = this.client;
    if (!client) {
      // Started as every lab starts its worker, so the page's worker URL (configure() or <meta>) applies here too.
      client = this.client = startTrainingClient();
      client.on((e) => {
        if (e.type === 'load-progress') this.set({ kind: 'loading', loaded: e.loaded, total: e.total });
        else if (e.type === 'activations-progress') this.set({ kind: 'activations', name: e.name, done: e.done, total: e.total });
      });
    }
    if (!this.backend) {
      this.backend = await client.init({ backend });
      this.host.requestUpdate();
    }
    return client;
  }

  /** Loads the base model (a URL, `indexeddb://name` or picked files); `from` says where it came from, in words. */
  async loadBase(source: LoadSource, from: string, backend: BackendName | 'auto'): Promise<ModelInfo> {
    return this.with({ kind: 'busy', label: `Loading ${from}` }, async () => {
      const client = await this.worker(backend);
      const info = await client.loadModel(source);
      if (info.outputUnits < 2) throw new Error(`${from} has ${info.outputUnits} output; a classifier's layers are needed.`);
      this.forgetModel();
      this.base = { info, from };
      return info;
    });
  }

  /** Loads CIFAR-10 (10-class labels kept; the 4-class labels are made as activations are cached). */
  async loadData(from: string | string[] | Blob | Blob[], backend: BackendName | 'auto', validationSplit: number, subset = 0): Promise<LoadedData> {
    return this.with({ kind: 'loading', loaded: 0, total: undefined }, async () => {
      const client = await this.worker(backend);
      const sets = await client.loadData({ source: { kind: 'cifar10', from }, name: 'train', testName: 'test', validationSplit, subset: subset || undefined });
      const train = sets.find((s) => s.name === 'train') ?? sets[0];
      const test = sets.find((s) => s.name === 'test') ?? train;
      for (const name of this.caches.keys()) await client.dropData(name);
      this.caches.clear();
      this.basePredictions = null;
      this.data = { train, test };
      return this.data;
    });
  }

  /** Puts a new head on the base's layers (up to the Flatten), frozen: the homework's `new_model`. */
  async newHead(units: number, seed: number): Promise<ModelInfo> {
    const client = this.client!;
    // A new head replaces the transferred model: start again from the base's own weights.
    if (this.model) throw new Error('A transferred model is already here: load the base again to start over.');
    const out = await client.reuseLayers({ classes: 4, head: headSpec(units), seed });
    this.model = out.model;
    this.reused = out.reused;
    this.caches.clear();
    this.host.requestUpdate();
    return out.model;
  }

  /** Freezes or unfreezes layers of the transferred model. */
  async setTrainable(layers: Record<string, boolean>): Promise<void> {
    this.model = await this.client!.setTrainable(layers);
    this.host.requestUpdate();
  }

  /** Activations of the training or test set at `at` for its first `subset` images (0: all), unless cached already. */
  async cached(part: 'train' | 'test', at: string, subset: number): Promise<ActivationsInfo> {
    const set = this.data![part];
    const name = `${set.name}@${at}`;
    const have = this.caches.get(name);
    const want = subset || set.count;
    if (have && have.count >= want) return have;
    const shown = this.progress;
    const info = await this.client!.cacheActivations({ data: set.name, at, relabel: RELABEL, subset: subset || undefined, name });
    this.caches.set(name, info);
    this.set(shown);
    return info;
  }

  /** Where the current trainable flags put the cache, and the sets cached there. */
  private async prepare(plan: StagePlan): Promise<{ at: string; train: ActivationsInfo; test: ActivationsInfo }> {
    const at = cachePlan(this.model!.layers).at;
    if (at === null) throw new Error('Every layer is trainable: freeze the convolutional layers first (the table above).');
    const train = await this.cached('train', at, plan.subset);
    const test = await this.cached('test', at, 0);
    return { at, train, test };
  }

  /**
   * With backend 'auto', times the backends once, as the CIFAR labs do (the homework's CNN at this batch size: the
   * base's convolutions are what computing activations and stage 2 cost), and works on the fastest from then on.
   */
  private async measureOnce(plan: StagePlan, backend: BackendName | 'auto'): Promise<void> {
    if (backend !== 'auto' || this.measured) return;
    const client = this.client!;
    const chosen = await this.with({ kind: 'busy', label: 'Timing the backends on the homework’s CNN' }, () =>
      client.measure({ spec: cifarCnn({ seed: plan.seed }), data: this.data!.train.name, batchSize: plan.batchSize }),
    );
    this.backend = chosen.report;
    this.measured = chosen.summary;
  }

  /** Trains the trainable layers on activations cached below them: stage 1 (the head) or 2 (with the top convs). */
  async train(stage: 1 | 2, plan: StagePlan, backend: BackendName | 'auto', onEpoch: (end: EpochEnd) => void): Promise<TrainResult> {
    const client = this.client!;
    await this.measureOnce(plan, backend);
    this.set({ kind: 'busy', label: 'Computing the activations below the layers that train' });
    try {
      const { at, train, test } = await this.prepare(plan);
      this.set({ kind: 'training', stage, progress: null });
      const result = await client.trainTop(
        {
          at,
          data: train.name,
          validation: test.name,
          subset: plan.subset || undefined,
          validationSubset: plan.validation || undefined,
          spec: stageSpec(plan),
        },
        { onBatch: (p) => this.set({ kind: 'training', stage, progress: p }), onEpoch },
      );
      if (result.epochsRun > 0) this.stage = Math.max(this.stage, stage);
      return result;
    } finally {
      this.set(null);
    }
  }

  /** Unfreezes the top two conv layers (problem 5's second step). */
  async unfreezeTop(): Promise<string[]> {
    const names = topConvLayers(this.model!.layers);
    await this.setTrainable(Object.fromEntries(names.map((n) => [n, true])));
    return names;
  }

  /**
   * Measures stage 2 on its first steps (caching two batches, timing training steps on them) and offers a subset
   * and epoch count that fit `budget` seconds, on the backend measured fastest (backend 'auto').
   */
  async offer(plan: StagePlan, budget: number, backend: BackendName | 'auto'): Promise<StageOffer> {
    const client = this.client!;
    await this.measureOnce(plan, backend);
    const offer = await this.with({ kind: 'busy', label: 'Measuring stage 2 on its first steps' }, async () => {
      const at = cachePlan(this.model!.layers).at;
      if (at === null) throw new Error('Every layer is trainable: nothing can be cached.');
      const sample = await this.cached('train', at, Math.min(this.data!.train.count, 2 * plan.batchSize));
      const measured = await client.measureTop({ at, data: sample.name, spec: stageSpec(plan), steps: 2 });
      const test = this.caches.get(`test@${at}`);
      return offerStage({
        rates: { train: measured.imagesPerSecond, cache: sample.imagesPerSecond },
        available: this.data!.train.count,
        batchSize: plan.batchSize,
        budgetSeconds: budget,
        epochs: plan.epochs,
        validation: Math.min(plan.validation || this.data!.test.count, this.data!.test.count),
        cacheOnly: test ? 0 : this.data!.test.count,
        cached: sample.count,
      });
    });
    return this.measured ? { ...offer, reason: `${this.measured} ${offer.reason}` } : offer;
  }

  /**
   * Predictions on the test set for the comparison: the base's (10 classes, once) and the transferred model's
   * (4 classes), from activations cached below the layers that trained; the true 4-class labels.
   */
  async predictions(): Promise<{ base: Float32Array; transferred: Float32Array; labels: Uint8Array }> {
    const client = this.client!;
    return this.with({ kind: 'busy', label: 'Predicting the test images with both models' }, async () => {
      const stage1 = cachePlan(this.model!.layers.map((l) => ({ ...l, trainable: !this.reused.includes(l.name) })));
      if (!this.basePredictions) {
        const test = await this.cached('test', stage1.at!, 0);
        this.basePredictions = (await client.predictTop({ at: stage1.at!, data: test.name, model: 'base' })).probabilities;
      }
      const at = cachePlan(this.model!.layers).at!;
      const test = await this.cached('test', at, 0);
      const mine = await client.predictTop({ at, data: test.name });
      return { base: this.basePredictions, transferred: mine.probabilities, labels: mine.labels as Uint8Array };
    });
  }

  /**
   * Problem 6's page: the base and a transferred model saved earlier, each loaded in turn and run on the whole test
   * set. Slower than `predictions()` (no cached activations), but needs nothing from the page before.
   */
  async predictSaved(base: LoadSource, transferred: LoadSource, backend: BackendName | 'auto'): Promise<{ base: Float32Array; transferred: Float32Array; labels: Uint8Array }> {
    const client = await this.worker(backend);
    const count = this.data!.test.count;
    const run = async (source: LoadSource, label: string, classes: number) => {
      this.set({ kind: 'busy', label: `Loading ${label}` });
      const info = await client.loadModel(source);
      if (info.outputUnits !== classes) throw new Error(`${label} has ${info.outputUnits} outputs, not ${classes}.`);
      this.set({ kind: 'busy', label: `Predicting the ${count.toLocaleString('en-US')} test images with ${label}` });
      return client.predict({ data: this.data!.test.name, count });
    };
    try {
      const first = await run(base, 'the original model', 10);
      const second = await run(transferred, 'the transferred model', 4);
      this.forgetModel();
      this.model = null;
      return { base: first.probabilities, transferred: second.probabilities, labels: relabel(first.labels as Uint8Array) };
    } finally {
      this.set(null);
    }
  }

  /** Test images by index, with their pixels and original labels (for the disagreements). */
  async images(indices: number[]): Promise<PredictResult> {
    return this.client!.predict({ data: this.data!.test.name, indices, withImages: true });
  }

  stop(): void {
    void this.client?.stop().catch(() => undefined);
  }

  /** Saves the transferred model in browser storage (`indexeddb://name`), for problem 6's page. */
  async save(name: string): Promise<string> {
    const out = await this.client!.saveModel(`indexeddb://${name}`);
    return 'url' in out ? out.url : `indexeddb://${name}`;
  }
}
