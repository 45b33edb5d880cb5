/**
 * The training session's transfer-learning state: the base model a new head was put on (kept for the comparison),
 * the activations cached below the layers that train, and whether each cache still matches the weights below it.
 * Layers that train get a new version; a cache remembers the versions it was computed with, so a stale one is
 * refused instead of silently training or predicting on activations of old weights.
 */
import type * as tf from '@tensorflow/tfjs';
import { TfError } from '../tf/errors.js';
import { describeModel } from '../tf/model/describe-model.js';
import { computeActivations } from '../tf/transfer/activations.js';
import { topModel } from '../tf/transfer/top-model.js';
import { subset } from '../tf/train/dataset.js';
import { modelLayers } from '../tf/train/forward.js';
import type { DataStore } from './data-store.js';
import type { ActivationsInfo, CacheActivationsParams } from './protocol.js';

interface CacheRecord {
  at: string;
  /** The versions of the layers up to `at` when computed. */
  stamp: string;
  /** Computed while those layers were still the base's copies: the base's own activations too. */
  matchesBase: boolean;
}

/** The base, the caches and the layer versions of one session. */
export class TransferState {
  /** The model `reuseLayers` took its layers from. */
  base: tf.LayersModel | null = null;
  /** Names of the layers copied from the base. */
  reused = new Set<string>();
  private readonly caches = new Map<string, CacheRecord>();
  private readonly versions = new Map<string, number>();
  private readonly tops = new Map<tf.LayersModel, Map<number, tf.LayersModel>>();
  private computing: { stop: boolean } | null = null;

  constructor(private readonly data: DataStore) {}

  /** True while activations are being computed. */
  get busy(): boolean {
    return this.computing !== null;
  }

  /** Ends a computation of activations at its next batch. */
  stop(): void {
    if (this.computing) this.computing.stop = true;
  }

  /**
   * Forgets what belonged to `model` (its top parts, the caches, the versions) before it is freed or replaced;
   * `dropBase` frees the base too.
   */
  forget(model: tf.LayersModel | null, dropBase: boolean): void {
    this.disposeTops(model);
    for (const name of this.caches.keys()) this.data.drop(name);
    this.caches.clear();
    this.versions.clear();
    if (dropBase && this.base !== model) {
      this.disposeTops(this.base);
      this.base?.dispose();
      this.base = null;
      this.reused.clear();
    }
  }

  private disposeTops(model: tf.LayersModel | null): void {
    if (!model) return;
    // Each top part applied the shared layers once more; disposing it lets the full model free the weights.
    for (const top of this.tops.get(model)?.values() ?? []) top.dispose();
    this.tops.delete(model);
  }

  /** The index of layer `name` in `model`. @throws {TfError} `model` naming the layers there are. */
  index(model: tf.LayersModel, name: string): number {
    const layers = modelLayers(model);
    const i = layers.findIndex((l) => l.name === name);
    if (i < 0) throw new TfError('model', `The model has no layer "${name}" (it has ${layers.map((l) => l.name).join(', ')}).`);
    return i;
  }

  /** `model`'s layers above `at`, as a model sharing their weights (made once per cut). */
  top(model: tf.LayersModel, at: string): { top: tf.LayersModel; from: number } {
    const from = this.index(model, at) + 1;
    if (from >= modelLayers(model).length) throw new TfError('model', `Nothing lies above layer "${at}": it is the model's last.`);
    let byCut = this.tops.get(model);
    if (!byCut) this.tops.set(model, (byCut = new Map()));
    let top = byCut.get(from);
    if (!top) byCut.set(from, (top = topModel(model, from)));
    return { top, from };
  }

  private stamp(model: tf.LayersModel, upTo: number): string {
    return modelLayers(model)
      .slice(0, upTo + 1)
      .map((l) => this.versions.get(l.name) ?? 0)
      .join(',');
  }

  /** Layers from index `from` that have trainable weights get a new version: caches above them go stale. */
  markTrained(model: tf.LayersModel, from: number): void {
    for (const layer of modelLayers(model).slice(from)) {
      if (layer.trainableWeights.length > 0) this.versions.set(layer.name, (this.versions.get(layer.name) ?? 0) + 1);
    }
  }

  /**
   * Throws unless every layer up to `at` is frozen or has no weights: training above a cache would not train them.
   *
   * @throws {TfError} `model`, naming the layer and where to cache instead.
   */
  checkFrozenBelow(model: tf.LayersModel, at: string): void {
    const upTo = this.index(model, at);
    const layers = modelLayers(model);
    const live = layers.slice(0, upTo + 1).find((l) => l.trainableWeights.length > 0);
    if (live) {
      throw new TfError('model', `Layer "${live.name}" is trainable but lies below the activations cached at "${at}": freeze it, or cache below it.`);
    }
  }

  /** Forgets that set `name` was a cache (it was dropped). */
  dropped(name: string): void {
    this.caches.delete(name);
  }

  /** Computes and stores the activations `params` asks for; `onProgress` after every batch. */
  async cache(model: tf.LayersModel, params: CacheActivationsParams, onProgress: (done: number, total: number) => void): Promise<ActivationsInfo> {
    const at = this.index(model, params.at);
    let source = this.data.get(params.data);
    if (params.subset !== undefined) source = subset(source, params.subset);
    const name = params.name ?? `${params.data}@${params.at}`;
    const computing = (this.computing = { stop: false });
    const started = performance.now();
    try {
      const activations = await computeActivations(model, source, at, {
        batchSize: params.batchSize,
        relabel: params.relabel,
        onProgress,
        shouldStop: () => computing.stop,
      });
      const ms = performance.now() - started;
      const stamp = this.stamp(model, at);
      const matchesBase = this.base !== null && modelLayers(model).slice(0, at + 1).every((l) => this.reused.has(l.name) && !this.versions.get(l.name));
      this.caches.set(name, { at: params.at, stamp, matchesBase });
      const info = this.data.put(name, activations);
      return { ...info, at: params.at, imagesPerSecond: ms > 0 ? (1000 * source.count) / ms : 0 };
    } finally {
      this.computing = null;
    }
  }

  /**
   * Throws unless set `name` holds activations at `at` that still match `model`'s weights below it (or, for the
   * base, were computed while the reused layers were its unchanged copies).
   *
   * @throws {TfError} `data` for a set that is not a cache at `at`, or a stale one.
   */
  checkCache(name: string, at: string, model: tf.LayersModel, which: 'current' | 'base'): void {
    this.data.get(name);
    const record = this.caches.get(name);
    if (!record) throw new TfError('data', `"${name}" holds no cached activations: compute them with cacheActivations first.`);
    if (record.at !== at) throw new TfError('data', `"${name}" holds the activations at "${record.at}", not at "${at}".`);
    const stale =
      which === 'base' ? !record.matchesBase : record.stamp !== this.stamp(model, this.index(model, at));
    if (stale) {
      throw new TfError(
        'data',
        which === 'base'
          ? `"${name}" was not computed with the base model's own layers below "${at}": compute it before any of them trains.`
          : `The activations in "${name}" are out of date: layers below "${at}" have trained since. Compute them again.`,
      );
    }
  }

  /** The base, or a TfError `model` when there is none. */
  requireBase(): tf.LayersModel {
    if (!this.base) throw new TfError('model', 'There is no base model: reuseLayers keeps the model it took its layers from.');
    return this.base;
  }

  /** Describes the base, for replies. */
  describeBase(): ReturnType<typeof describeModel> {
    return describeModel(this.requireBase());
  }
}
