// Training throughput of the homework's CIFAR-10 CNN (1,250,858 parameters) with this library's trainer, on the
// backends that run here: TF.js's cpu backend in Node (1 step per batch size: a step takes seconds), the fast CPU
// path 'wasm-simd' in Node against it (Chromium's numbers: cpu-training.bench.ts), and WebGPU through Dawn on SwiftShader in a child process (Vulkan's loader must be
// on LD_LIBRARY_PATH when the process starts), 1 step, shader compilation included. On a real GPU, run the packed
// benchmark: `node tools/gpu-bench/pack.mjs`, then .cache/gpu-bench/run.sh (tools/gpu-bench/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { parseCifar10 } from '../../src/data/index.js';
import { cifarDataset } from '../../src/tf/index.js';
import { benchCifarCnn, type CifarBenchResult } from '../../tools/gpu-bench/cifar-bench.js';
import type { BenchRow } from './types.js';

const DATA = '../shared/data/cifar10/cifar10_test_2k.bin';
const TARGET = 'GPU: 50,000 images < 60 s (≥ 833 images/s)';
const SWIFTSHADER_DIR = '/usr/lib/chromium';
const ICD = `${SWIFTSHADER_DIR}/vk_swiftshader_icd.json`;

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const data = cifarDataset(parseCifar10(readFileSync(DATA)));

  const cpu = await benchCifarCnn(data, { backend: 'cpu', batchSizes: [32, 64], steps: 1, warmup: 0 });
  for (const r of cpu.rows) {
    rows.push({
      name: `CIFAR CNN training, tfjs cpu (Node), batch ${r.batchSize}`,
      value: r.imagesPerSecond,
      unit: 'images/s',
      target: TARGET,
      note: `1 step: ${r.seconds.toFixed(1)} s`,
    });
  }
  tf.disposeVariables();

  const fast = await benchCifarCnn(data, { backend: 'wasm-simd', batchSizes: [32, 64], steps: 6, warmup: 2 });
  for (const r of fast.rows) {
    const base = cpu.rows.find((c) => c.batchSize === r.batchSize)!;
    rows.push({
      name: `CIFAR CNN training, wasm-simd (Node), batch ${r.batchSize}`,
      value: r.imagesPerSecond,
      unit: 'images/s',
      target: '≥ 100 images/s',
      baseline: { name: `tfjs cpu (Node), batch ${r.batchSize}`, value: base.imagesPerSecond },
      note: `${r.steps} steps: ${r.seconds.toFixed(1)} s`,
    });
  }
  tf.disposeVariables();

  if (!existsSync(ICD)) {
    rows.push({ name: 'CIFAR CNN training, webgpu (Dawn)', value: NaN, unit: 'images/s', note: `skipped: no ${ICD}` });
    return rows;
  }
  mkdirSync('.tmp', { recursive: true });
  const out = '.tmp/bench-tf-webgpu.json';
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tools/gpu-bench/main.ts', '--data', DATA, '--batch', '32', '--steps', '1', '--warmup', '0', '--json', out],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, LD_LIBRARY_PATH: SWIFTSHADER_DIR, VK_ICD_FILENAMES: ICD },
    },
  );
  if (child.status !== 0 || !existsSync(out)) {
    rows.push({ name: 'CIFAR CNN training, webgpu (Dawn)', value: NaN, unit: 'images/s', note: `failed (exit ${child.status})` });
    return rows;
  }
  const gpu = JSON.parse(readFileSync(out, 'utf8')) as CifarBenchResult;
  const arch = gpu.backend.adapter ? `${gpu.backend.adapter.vendor} ${gpu.backend.adapter.architecture}` : 'no adapter';
  for (const r of gpu.rows) {
    rows.push({
      name: `CIFAR CNN training, tfjs ${gpu.backend.backend} (Node + Dawn, ${arch}), batch ${r.batchSize}`,
      value: r.imagesPerSecond,
      unit: 'images/s',
      target: TARGET,
      note: `1 step, shader compilation included: ${r.seconds.toFixed(1)} s`,
    });
  }
  return rows;
}
