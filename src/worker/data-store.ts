/**
 * The worker's data sets by name, loaded from CIFAR-10 sources (streamed, with progress) or from arrays that were
 * transferred in. Held as bytes; batches are made from them during training.
 */
import { loadCifar10, relabel } from '../data/index.js';
import { TfError } from '../tf/errors.js';
import { cifarDataset, checkDataset, slice, subset, type Dataset } from '../tf/train/dataset.js';
import type { DataInfo, LoadDataParams } from './protocol.js';

/** Named data sets. */
export class DataStore {
  private readonly sets = new Map<string, Dataset>();

  /**
   * Loads `params.source` and stores its parts.
   *
   * @throws {Cifar10Error} for data that fails to load or parse (the message names the URL or file and why);
   *   {@link TfError} `data` for arrays whose lengths disagree.
   */
  async load(params: LoadDataParams, onProgress: (loaded: number, total: number | undefined) => void): Promise<DataInfo[]> {
    const name = params.name ?? 'train';
    const split = params.validationSplit ?? 0;
    if (!(split >= 0 && split < 1)) throw new TfError('data', `validationSplit must be a number from 0 up to (not including) 1, got ${JSON.stringify(params.validationSplit)}.`);
    const parts: Array<{ name: string; data: Dataset; fromCache: boolean; heldOut?: boolean }> = [];
    const { source } = params;
    if (source.kind === 'arrays') {
      const data: Dataset = { x: source.x, y: source.y, count: source.count, shape: source.shape, format: source.format };
      checkDataset(data, name);
      parts.push({ name, data, fromCache: false });
    } else if (source.kind === 'cifar10') {
      const from = source.from instanceof ArrayBuffer ? new Uint8Array(source.from) : source.from;
      const loaded = await loadCifar10(from, {
        onProgress: ({ loaded: l, total }) => onProgress(l, total),
        cache: source.cache ?? true,
      });
      if (loaded.train) parts.push({ name, data: cifarDataset(loaded.train), fromCache: loaded.fromCache });
      if (loaded.test) parts.push({ name: params.testName ?? 'test', data: cifarDataset(loaded.test), fromCache: loaded.fromCache });
    } else {
      throw new TfError('data', `Unknown data source kind ${JSON.stringify((source as { kind?: unknown }).kind)}.`);
    }
    if (params.subset !== undefined) for (const part of parts) part.data = subset(part.data, params.subset);
    if (split > 0 && parts.length === 1) {
      // One part only (also a file of test images alone): it trains, and its last fraction becomes the test part,
      // as Keras's validation_split takes it.
      const [only] = parts;
      only.name = name;
      const at = only.data.count - Math.round(only.data.count * split);
      if (at <= 0 || at >= only.data.count) {
        throw new TfError('data', `validationSplit ${split} of ${only.data.count} examples leaves ${at <= 0 ? 'none to train on' : 'none to test on'}.`);
      }
      parts.push({ ...only, name: params.testName ?? 'test', data: slice(only.data, at, only.data.count), heldOut: true });
      only.data = slice(only.data, 0, at);
    }
    return parts.map(({ name: n, data, fromCache, heldOut }) => {
      let d = data;
      if (params.relabel && d.y instanceof Uint8Array) d = { ...d, y: relabel(d.y, params.relabel.map, params.relabel.other) };
      this.sets.set(n, d);
      return heldOut ? { ...info(n, d, fromCache), heldOut } : info(n, d, fromCache);
    });
  }

  /**
   * The set called `name`.
   *
   * @throws {TfError} `data` naming the sets there are.
   */
  get(name: string): Dataset {
    const d = this.sets.get(name);
    if (!d) {
      const known = [...this.sets.keys()];
      throw new TfError(
        'data',
        `No data set "${name}" is loaded${known.length ? ` (loaded: ${known.map((k) => `"${k}"`).join(', ')})` : ''}: call loadData first.`,
      );
    }
    return d;
  }

  /** Stores `d` under `name` (replacing a set of that name), as computed in the worker. */
  put(name: string, d: Dataset): DataInfo {
    checkDataset(d, name);
    this.sets.set(name, d);
    return info(name, d, false);
  }

  drop(name: string): void {
    this.sets.delete(name);
  }

  clear(): void {
    this.sets.clear();
  }
}

function info(name: string, d: Dataset, fromCache: boolean): DataInfo {
  const classCounts: number[] = [];
  if (d.y instanceof Uint8Array) for (const label of d.y) classCounts[label] = (classCounts[label] ?? 0) + 1;
  return {
    name,
    count: d.count,
    shape: d.shape,
    format: d.format,
    classCounts: Array.from(classCounts, (c) => c ?? 0),
    fromCache,
  };
}
