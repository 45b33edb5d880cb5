/**
 * The homework's CIFAR-10 CNN on the CPU in Chromium, as a student without a usable GPU runs it: the library's
 * training worker (TrainingClient), the real 2,000-image CIFAR-10 file, RMSprop with seeded dropout.
 * - Training images/s at batch 32 and 64 on the fast CPU path ('wasm-simd'), against TF.js's cpu backend in the
 *   same run (target ≥ 100 images/s, ≥ 15× the cpu backend), and against PyTorch on this machine's CPU: timed in
 *   the same run when /usr/bin/python3 has torch, and the 860 images/s reference figure (TOOLCHAIN.md).
 * - Forward-only images/s (evaluation; the transfer lab's frozen-feature cache).
 * - Problem 3's quick sweep and problem 4's default run, estimated from the measured rates (a full problem 4 run
 *   is too long for a benchmark).
 * The cpu backend gets 1 timed step per batch size: each takes seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
// @ts-expect-error -- plain ESM helpers without type declarations
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import type { BenchRow } from './types.js';

/** PyTorch's CPU speed for this network here (TOOLCHAIN.md): batch 32, 2 threads. */
const PYTORCH_REFERENCE = 860;
const PYTHON = '/usr/bin/python3';
const DATA = '../shared/data/cifar10/cifar10_test_2k.bin';

interface TrainRun {
  summary: string;
  ms: number;
  steps: number;
  imagesPerSecond: number;
  loss: number;
}
interface ForwardRun {
  summary: string;
  ms: number;
  images: number;
  imagesPerSecond: number;
}
interface Win {
  benchTrain(o: { backend: string; batchSize: number; warmup: number; steps: number }): Promise<TrainRun>;
  benchForward(o: { backend: string; images: number; batchSize: number }): Promise<ForwardRun>;
}

/** PyTorch's images/s by batch size, timed now, or null without python3 and torch. */
function pytorch(): Map<number, number> | null {
  if (!existsSync(PYTHON)) return null;
  mkdirSync('.tmp', { recursive: true });
  const out = '.tmp/bench-torch-cpu.json';
  const args = ['tools/gpu-bench/torch_baseline.py', '--data', DATA, '--device', 'cpu', '--batch', '32,64', '--steps', '20', '--warmup', '3', '--json', out];
  const r = spawnSync(PYTHON, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  if (r.status !== 0 || !existsSync(out)) return null;
  const result = JSON.parse(readFileSync(out, 'utf8')) as { rows: Array<{ batchSize: number; imagesPerSecond: number }> };
  return new Map(result.rows.map((row) => [row.batchSize, row.imagesPerSecond]));
}

export default async function cpuTrainingBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'CIFAR CNN on the CPU in Chromium: skipped', value: NaN, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/cpu-training.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS, protocolTimeout: 1_200_000 });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/cpu-training.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    const train = (backend: string, batchSize: number, warmup: number, steps: number) =>
      page.evaluate((o) => (window as unknown as Win).benchTrain(o), { backend, batchSize, warmup, steps });
    const fwd = (backend: string, images: number) =>
      page.evaluate((o) => (window as unknown as Win).benchForward(o), { backend, images, batchSize: 128 });

    const fast = new Map<number, TrainRun>();
    const cpu = new Map<number, TrainRun>();
    for (const batch of [32, 64]) {
      fast.set(batch, await train('wasm-simd', batch, 2, batch === 32 ? 12 : 6));
      cpu.set(batch, await train('cpu', batch, 1, 1));
    }
    const fastForward = await fwd('wasm-simd', 2000);
    const cpuForward = await fwd('cpu', 256);
    const torch = pytorch();

    for (const batch of [32, 64]) {
      const f = fast.get(batch)!;
      const c = cpu.get(batch)!;
      const measured = torch?.get(batch);
      rows.push({
        name: `CIFAR CNN training in Chromium's worker, wasm-simd, batch ${batch}`,
        value: f.imagesPerSecond,
        unit: 'images/s',
        target: '≥ 100 images/s, ≥ 15× tfjs cpu',
        baseline: { name: `tfjs cpu, batch ${batch}, ${c.steps} step`, value: c.imagesPerSecond },
        note:
          `${f.steps} steps in ${(f.ms / 1000).toFixed(1)} s (loss ${f.loss.toFixed(3)}); ` +
          `${(f.imagesPerSecond / PYTORCH_REFERENCE).toFixed(2)} of PyTorch's ${PYTORCH_REFERENCE} images/s reference` +
          (measured ? `; PyTorch in this run: ${measured.toFixed(0)} images/s` : ''),
      });
      if (measured) {
        rows.push({
          name: `CIFAR CNN training, wasm-simd (1 thread) against PyTorch CPU (2 threads) in this run, batch ${batch}`,
          value: f.imagesPerSecond,
          unit: 'images/s',
          target: '≥ 1/4 of PyTorch',
          baseline: { name: `PyTorch CPU, batch ${batch}`, value: measured },
        });
      }
    }
    rows.push({
      name: 'CIFAR CNN forward only (evaluation, a frozen-feature cache), wasm-simd, batch 128',
      value: fastForward.imagesPerSecond,
      unit: 'images/s',
      baseline: { name: `tfjs cpu, ${cpuForward.images} images`, value: cpuForward.imagesPerSecond },
      note: `${fastForward.images} images in ${(fastForward.ms / 1000).toFixed(1)} s`,
    });
    const ips32 = fast.get(32)!.imagesPerSecond;
    const ips64 = fast.get(64)!.imagesPerSecond;
    // The quick sweep: 4 rates × 25 steps of 32 images (nn-lr-sweep quick).
    const sweepS = (4 * 25 * 32) / ips32;
    rows.push({
      name: "Problem 3's quick sweep on wasm-simd (4 rates × 25 steps, batch 32), estimated",
      value: sweepS,
      unit: 's',
      note: `from ${ips32.toFixed(0)} images/s; tfjs cpu: ${((4 * 25 * 32) / cpu.get(32)!.imagesPerSecond / 60).toFixed(0)} min`,
    });
    // Problem 4's page: 20 epochs of the 10,000-image file at batch 64, testing on 2,000 images after each.
    const epochS = 10000 / ips64 + 2000 / fastForward.imagesPerSecond;
    const cpuEpochS = 10000 / cpu.get(64)!.imagesPerSecond + 2000 / cpuForward.imagesPerSecond;
    rows.push({
      name: "Problem 4's default run on wasm-simd (20 epochs × 10,000 images, batch 64, 2,000 test images), estimated",
      value: (20 * epochS) / 60,
      unit: 'min',
      note: `${epochS.toFixed(0)} s an epoch (early stopping may end it sooner); tfjs cpu: ${((20 * cpuEpochS) / 3600).toFixed(1)} h`,
    });
    rows.push({ name: 'CPU backend as the worker reports it', value: NaN, unit: '', note: `${fast.get(32)!.summary} / ${cpu.get(32)!.summary}` });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
