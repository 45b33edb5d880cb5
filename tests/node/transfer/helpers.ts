// Shared by the transfer tests: the real 100-image file as an `arrays` source, the small CNN of tests/fixtures, and a
// model's weights by name read from its saved files.
import type { DataSource, ModelFiles } from '../../../src/worker/index.js';
import { parseCifar10 } from '../../../src/data/index.js';
import { readCifar } from '../cifar10/data.js';

export { smallCnn } from '../../fixtures/small-cnn.js';

/** The first `n` images of cifar10_tiny_100.bin as a source for loadData (fresh buffers: they are transferred). */
export function tinySource(n = 100): DataSource {
  const { images, labels } = parseCifar10(readCifar('cifar10_tiny_100.bin'));
  return { kind: 'arrays', x: images.slice(0, n * 3072), y: labels.slice(0, n), count: n, shape: [32, 32, 3], format: 'cifar10' };
}

/** Every weight of saved model files by name ("conv2d/kernel"), as float32 values. */
export function weightsByName(files: ModelFiles): Map<string, Float32Array> {
  const manifest = (JSON.parse(files.modelJson) as { weightsManifest: Array<{ weights: Array<{ name: string; shape: number[] }> }> }).weightsManifest;
  const out = new Map<string, Float32Array>();
  let offset = 0;
  for (const entry of manifest.flatMap((g) => g.weights)) {
    const n = entry.shape.reduce((a, b) => a * b, 1);
    out.set(entry.name, new Float32Array(files.weights.slice(offset, offset + 4 * n)));
    offset += 4 * n;
  }
  return out;
}

/** The largest absolute difference between two arrays of the same length. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
