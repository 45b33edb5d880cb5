import { CIFAR10_IMAGE_BYTES } from './classes.js';
import type { Cifar10Data } from './record-sink.js';

/**
 * Joins several sets of records into one, in the order given (e.g. `data_batch_1..5` into the 50,000-image
 * training set). One part is returned as it is, uncopied.
 */
export function concatCifar10(parts: readonly Cifar10Data[]): Cifar10Data {
  if (parts.length === 1) return parts[0];
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const images = new Uint8Array(count * CIFAR10_IMAGE_BYTES);
  const labels = new Uint8Array(count);
  let at = 0;
  for (const part of parts) {
    images.set(part.images.subarray(0, part.count * CIFAR10_IMAGE_BYTES), at * CIFAR10_IMAGE_BYTES);
    labels.set(part.labels.subarray(0, part.count), at);
    at += part.count;
  }
  return { images, labels, count };
}
