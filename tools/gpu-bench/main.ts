/**
 * The GPU benchmark: the homework CNN trained by this library's TF.js trainer on WebGPU in Node (Dawn), on the
 * 2,000-image CIFAR-10 file. Prints the adapter, the backend and images/s per batch size, and writes JSON for the
 * comparison with PyTorch (run.sh). Also runs unpacked: `node --import tsx tools/gpu-bench/main.ts --help`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCifar10 } from '../../src/data/index.js';
import type { BackendName } from '../../src/tf/index.js';
import { installDawn } from './dawn-setup.js';

// Before TF.js loads: its WebGPU backend registers only if navigator.gpu exists then.
installDawn();
const { adapterLabel, cifarDataset } = await import('../../src/tf/index.js');
const { benchCifarCnn } = await import('./cifar-bench.js');
const { benchTransfer } = await import('./transfer-bench.js');

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const USAGE = `Trains the homework CIFAR-10 CNN with nn-mathlets' TF.js trainer and prints images/s.
  --data FILE        CIFAR-10 .bin (default: cifar10_test_2k.bin beside this file, or ../shared/data)
  --backend NAME     webgpu (default) or cpu
  --batch 32,64      batch sizes
  --steps N          timed steps per batch size (default 20)
  --warmup N         untimed steps first: shader compilation (default 3)
  --read-every MS    how often losses are read back (default: the display rate, as in the page)
  --no-self-check    skip the WebGPU self-check
  --transfer         also problem 5's stage 1: an epoch on cached activations vs an epoch of the whole model
  --json FILE        write the result as JSON`;
if (flag('help')) {
  console.log(USAGE);
  process.exit(0);
}

const here = dirname(fileURLToPath(import.meta.url));
const candidates = [value('data', ''), join(here, 'cifar10_test_2k.bin'), join(here, '../../../shared/data/cifar10/cifar10_test_2k.bin')];
const dataFile = candidates.find((f) => f && existsSync(f));
if (!dataFile) {
  console.error(`No CIFAR-10 file: pass --data FILE (looked at ${candidates.filter(Boolean).join(', ')}).`);
  process.exit(2);
}
const data = cifarDataset(parseCifar10(readFileSync(dataFile)));
const readEvery = value('read-every', '');

const result = await benchCifarCnn(data, {
  backend: value('backend', 'webgpu') as BackendName,
  batchSizes: value('batch', '32,64').split(',').map(Number),
  steps: Number(value('steps', '20')),
  warmup: Number(value('warmup', '3')),
  progressIntervalMs: readEvery ? Number(readEvery) : undefined,
  selfCheck: !flag('no-self-check'),
  log: (line) => console.log(`[tfjs] ${line}`),
});

const adapter = result.backend.adapter;
console.log(`[tfjs] adapter: ${adapter ? adapterLabel(adapter) : 'none'}; backend: ${result.backend.backend}; TF.js ${result.tfjsVersion}; ${data.count} images from ${dataFile}`);
for (const r of result.rows) {
  console.log(`[tfjs] batch ${r.batchSize}: ${r.imagesPerSecond.toFixed(1)} images/s; 50,000-image epoch ≈ ${(50_000 / r.imagesPerSecond).toFixed(0)} s`);
}
const transfer = flag('transfer')
  ? await benchTransfer(data, { backend: value('backend', 'webgpu') as BackendName, selfCheck: false, log: (line) => console.log(`[tfjs] ${line}`) })
  : undefined;
if (transfer) console.log(`[tfjs] transfer stage 1: ${transfer.stage1EpochSeconds.toFixed(2)} s an epoch vs ${transfer.wholeEpochSeconds.toFixed(1)} s for the whole model: ${transfer.ratio.toFixed(1)}× (target ≥ 5×)`);
const json = value('json', '');
if (json) writeFileSync(json, JSON.stringify({ ...result, dataFile, images: data.count, transfer }, null, 2));
// Dawn keeps native handles open; the numbers are out, so end here.
process.exit(0);
