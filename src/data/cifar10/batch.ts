import type { Cifar10Data } from './record-sink.js';

/** Which split a batch belongs to. */
export type Cifar10Split = 'train' | 'test';

/** One batch file's records, as `loadCifar10` read them. */
export interface Cifar10Batch {
  /** The archive entry's path (`cifar-10-batches-bin/data_batch_1.bin`), the URL, or the file's name. */
  name: string;
  /** `test` for `test_batch.bin` and for .bin files whose name contains "test"; `train` otherwise. */
  split: Cifar10Split;
  data: Cifar10Data;
}

/** The last path segment of a URL, archive path or file name, without query or fragment. */
export function baseName(name: string): string {
  const path = name.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The split of a loose .bin file, from its name: the official `test_batch.bin` and this project's
 * `cifar10_test_2k.bin` both say "test"; `data_batch_N.bin` and the rest are training data.
 */
export function splitOfFile(name: string): Cifar10Split {
  return /test/i.test(baseName(name)) ? 'test' : 'train';
}

/** The last segment of an archive entry's path (a folder's, without its '/'; `?` and `#` are plain characters). */
export function entryBaseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The split of an entry of the official archive, or undefined for entries that are not batches (readme, meta). */
export function splitOfArchiveEntry(path: string): Cifar10Split | undefined {
  const base = entryBaseName(path);
  if (/^data_batch_\d+\.bin$/.test(base)) return 'train';
  if (base === 'test_batch.bin') return 'test';
  return undefined;
}

/** Orders names with their numbers compared as numbers, so data_batch_10 follows data_batch_9. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
