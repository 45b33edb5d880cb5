/** CIFAR-10 throughput on the real 10,000-image file: parsing, the float NHWC layout, the streamed .tar.gz path. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadCifar10, parseCifar10, toFloatNHWC } from '../../src/data/cifar10/index.js';
import { makeTar } from '../node/cifar10/tar-writer.js';
import { timeMs, type BenchRow } from './types.js';

// ../shared beside the checkout, here and in CI.
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = resolve(REPO, '..', 'shared', 'data', 'cifar10', 'cifar10_train_10k.bin');

export default async function cifarBench(): Promise<BenchRow[]> {
  const bytes = new Uint8Array(readFileSync(FILE));
  const records = bytes.length / 3073;
  const perSecond = (ms: number) => records / (ms / 1000);
  const rows: BenchRow[] = [];

  // A plain copy of the same bytes: the floor for anything that copies the data once.
  const copyMs = await timeMs(() => bytes.slice(), 11, 2);
  const parseMs = await timeMs(() => parseCifar10(bytes), 11, 2);
  rows.push({
    name: `parseCifar10 (${records} records, 30.7 MB)`,
    value: perSecond(parseMs),
    unit: 'records/s',
    target: '> 100,000 records/s',
    baseline: { name: 'Uint8Array.slice of the file', value: perSecond(copyMs) },
  });

  const { images } = parseCifar10(bytes);
  const floatMs = await timeMs(() => toFloatNHWC(images), 5, 1);
  rows.push({
    name: `toFloatNHWC (${records} images → 123 MB float32)`,
    value: records / (floatMs / 1000),
    unit: 'images/s',
    note: 'mostly the fresh 123 MB allocation',
  });
  // A training loop converts one mini-batch at a time into the same buffer.
  const batch = new Float32Array(64 * 3072);
  const batchMs = await timeMs(() => {
    for (let start = 0; start + 64 <= records; start += 64) {
      toFloatNHWC(images.subarray(start * 3072, (start + 64) * 3072), 64, batch);
    }
  }, 5, 1);
  rows.push({
    name: 'toFloatNHWC by mini-batches of 64 into one reused buffer',
    value: (Math.floor(records / 64) * 64) / (batchMs / 1000),
    unit: 'images/s',
    baseline: { name: 'toFloatNHWC of all into a fresh array', value: records / (floatMs / 1000) },
  });

  const streamMs = await timeMs(() => loadCifar10(bytes), 5, 1);
  rows.push({
    name: 'loadCifar10 of the .bin bytes (streamed record split)',
    value: perSecond(streamMs),
    unit: 'records/s',
    baseline: { name: 'parseCifar10', value: perSecond(parseMs) },
  });

  const archive = new Uint8Array(gzipSync(makeTar([{ name: 'cifar-10-batches-bin/data_batch_1.bin', data: bytes }])));
  // Decompression alone is most of the work; the ratio shows what the tar reader and record split add.
  const gunzipMs = await timeMs(() => gunzipSync(archive), 5, 1);
  const tarMs = await timeMs(() => loadCifar10(new Blob([archive])), 5, 1);
  rows.push({
    name: `loadCifar10 of a .tar.gz Blob (${(archive.length / 1e6).toFixed(1)} MB compressed)`,
    value: perSecond(tarMs),
    unit: 'records/s',
    target: '> 20,000 records/s (the 50,000-image archive in < 3 s)',
    baseline: { name: 'zlib gunzipSync alone', value: perSecond(gunzipMs) },
    note: 'DecompressionStream + tar reader + records, streamed',
  });
  return rows;
}
