import type { Cifar10Batch } from './batch.js';
import { CIFAR10_CACHE_NAME, openCifar10Cache, type Cifar10Cache } from './cache.js';
import { CIFAR10_IMAGE_BYTES } from './classes.js';
import { concatCifar10 } from './concat.js';
import { abortError } from './errors.js';
import { RecordBudget } from './limits.js';
import { ProgressReporter, type Cifar10Progress } from './progress.js';
import { readSource } from './read-source.js';
import type { Cifar10Data } from './record-sink.js';
import { openSource, type Cifar10SourceItem, type OpenedSource } from './sources.js';

/**
 * What `loadCifar10` reads: a URL (`.bin` batch or the official `cifar-10-binary.tar.gz`), a `File`/`Blob`, bytes
 * in memory, or a list of them (several batch URLs, or a `FileList` from `<input type="file" multiple>`).
 */
export type Cifar10Source = Cifar10SourceItem | ArrayLike<string | URL | Blob>;

/** Options of `loadCifar10`. */
export interface LoadCifar10Options {
  /** Called with bytes loaded (compressed bytes for a .tar.gz) and the total when known, throttled to ~1% steps. */
  onProgress?: (progress: Cifar10Progress) => void;
  /** Stops the load: it rejects with a DOMException named 'AbortError', and nothing is left in the cache. */
  signal?: AbortSignal;
  /**
   * Cache Storage for downloaded URLs (browsers only; skipped where there is none): true (default) uses
   * `CIFAR10_CACHE_NAME`, a string names another cache, false turns caching off, and a `Cache`-like object is used
   * as it is. A URL is stored only once its whole body was read and parsed.
   */
  cache?: boolean | string | Cifar10Cache;
}

/** What `loadCifar10` returns. */
export interface Cifar10LoadResult {
  /** Every batch read: each source's batches in source order; an archive's in name order (data_batch_1..5, test). */
  batches: Cifar10Batch[];
  /**
   * The training batches as one set (data_batch_1..5 → 50,000 images), or undefined if there were none.
   * With several batches, each batch's `data` becomes a view into this set, so the images are held once.
   */
  train: Cifar10Data | undefined;
  /** The test batches as one set (test_batch → 10,000 images), or undefined if there were none. */
  test: Cifar10Data | undefined;
  /** True when every URL came from Cache Storage (false for files and bytes). */
  fromCache: boolean;
  /**
   * Archive entries that were skipped because CIFAR-10's archive has no such file (anything but its batches,
   * `batches.meta.txt`, `readme.html` and folders), as `<archive>: <entry>`, up to 100 per archive.
   */
  ignored: string[];
}

/**
 * Loads CIFAR-10 binary data from URLs, files or bytes, streaming: a `.bin` batch is parsed as it downloads, and the
 * official `cifar-10-binary.tar.gz` (recognised by its name or its gzip bytes) goes through
 * `DecompressionStream('gzip')` and a tar reader, its batches written straight into arrays of their final size,
 * so the archive is never held whole, compressed or not. In a browser each URL's bytes are kept in Cache Storage
 * once read and validated, so a reload does not download them again.
 *
 * @example
 * const { train, test } = await loadCifar10('/data/cifar-10-binary.tar.gz', {
 *   onProgress: ({ loaded, total }) => (bar.value = total ? loaded / total : 0),
 *   signal: controller.signal,
 * });
 *
 * Sizes in headers are checked, never trusted: arrays grow as records arrive (up to a size a header declares), a
 * body must match its Content-Length both ways, and one load holds at most `CIFAR10_MAX_RECORDS` (60,000) records,
 * all of CIFAR-10, so a header that declares more is refused before anything is allocated.
 *
 * @throws {Cifar10Error} with a `code`: `http` (names the URL and status), `html` (an HTML page where data was
 *   expected), `network`, `truncated` (the bytes that arrived and the bytes declared), `overrun` (more bytes than
 *   declared), `too-large` (beyond 60,000 records), `bad-entry` (an archive entry named like a batch whose path
 *   leaves the archive, that is a link, or that comes twice), `not-gzip`, `corrupt-gzip`, `not-tar`, `no-batches`
 *   (lists the archive's entries), `empty`, `length`, `label`.
 * @throws {DOMException} named 'AbortError' when `signal` aborts.
 */
export async function loadCifar10(source: Cifar10Source, options: LoadCifar10Options = {}): Promise<Cifar10LoadResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const items = toItems(source);
  if (items.length === 0) throw new TypeError('loadCifar10: no source given (an empty list).');
  const cache = await resolveCache(options.cache);

  // Opened together, so every size is known for the progress total before the first body is read.
  const settled = await Promise.allSettled(items.map((item) => openSource(item, signal, cache)));
  const opened = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await cancelAll(opened, failed.reason);
    throw signal?.aborted ? abortError(signal) : failed.reason;
  }

  const total = opened.every((s) => s.total !== undefined)
    ? opened.reduce((sum, s) => sum + (s.total ?? 0), 0)
    : undefined;
  const progress = new ProgressReporter(onProgress, total);
  progress.start();
  const batches: Cifar10Batch[] = [];
  // One budget for the whole load: its sources together hold at most what CIFAR-10 has.
  const budget = new RecordBudget();
  const ignored: string[] = [];
  for (let i = 0; i < opened.length; i++) {
    try {
      batches.push(...(await readSource(opened[i], { signal, progress, cache, budget, ignored })));
    } catch (err) {
      await cancelAll(opened.slice(i + 1), err);
      throw err;
    }
  }
  progress.end();

  return {
    batches,
    train: joinSplit(batches, 'train'),
    test: joinSplit(batches, 'test'),
    fromCache: opened.every((s) => s.fromCache),
    ignored,
  };
}

function toItems(source: Cifar10Source): Cifar10SourceItem[] {
  if (
    typeof source === 'string' ||
    source instanceof URL ||
    source instanceof ArrayBuffer ||
    source instanceof Uint8Array ||
    source instanceof Blob
  ) {
    return [source];
  }
  return Array.from(source);
}

async function resolveCache(option: LoadCifar10Options['cache']): Promise<Cifar10Cache | undefined> {
  if (option === false) return undefined;
  if (option === undefined || option === true) return openCifar10Cache(CIFAR10_CACHE_NAME);
  if (typeof option === 'string') return openCifar10Cache(option);
  return option;
}

async function cancelAll(sources: OpenedSource[], reason: unknown): Promise<void> {
  await Promise.all(sources.map((s) => s.stream.cancel(reason).catch(() => {})));
}

/**
 * One set from a split's batches. Several are joined, and each batch's `data` then becomes a view into the joined
 * arrays, so the separate copies can be collected and the images are held once.
 */
function joinSplit(batches: Cifar10Batch[], split: Cifar10Batch['split']): Cifar10Data | undefined {
  const parts = batches.filter((b) => b.split === split);
  if (parts.length === 0) return undefined;
  const joined = concatCifar10(parts.map((b) => b.data));
  if (parts.length > 1) {
    let at = 0;
    for (const part of parts) {
      const { count } = part.data;
      part.data = {
        images: joined.images.subarray(at * CIFAR10_IMAGE_BYTES, (at + count) * CIFAR10_IMAGE_BYTES),
        labels: joined.labels.subarray(at, at + count),
        count,
      };
      at += count;
    }
  }
  return joined;
}
