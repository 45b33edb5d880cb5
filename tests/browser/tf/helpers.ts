// Shared by the TF browser tests: the real 100-image CIFAR-10 file over HTTP, and small nets.
import { loadCifar10 } from '../../../src/data/index.js';
import type { ModelSpec } from '../../../src/spec/index.js';
import { cifarDataset, type Dataset } from '../../../src/tf/index.js';

/** The real CIFAR-10 subset as the test server serves it (../shared/data). */
export const TINY_URL = '/shared-data/cifar10/cifar10_tiny_100.bin';

/** The 100 real images, fetched once per page, uncached (Cache Storage would hide the HTTP path). */
let tiny: Promise<Dataset> | null = null;
export function tinyCifar(): Promise<Dataset> {
  tiny ??= loadCifar10(TINY_URL, { cache: false }).then((r) => cifarDataset(r.train ?? r.batches[0].data));
  return tiny;
}

/** A conv + dense net small enough for emulated GPUs: stride-2 conv, pooling, seeded dropout, softmax. */
export const TINY_CONV: ModelSpec = {
  inputShape: [32, 32, 3],
  seed: 7,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 3 },
    { type: 'dropout', rate: 0.2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
