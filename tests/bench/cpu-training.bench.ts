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
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
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
  benchTrainStart(o: { backend: string; batchSize: number; warmup: number }): Promise<void>;
  benchTrainTimed(o: { steps: number }): Promise<TrainRun>;
  benchForward(o: { backend: string; images: number; batchSize: number }): Promise<ForwardRun>;
}

/**
 * CPU seconds used so far by Chromium's renderer processes (the page and its worker), from /proc: on a busy
 * machine, images per CPU-second is what a quiet one would show as images per second (one thread). Null off Linux.
 */
function rendererCpuSeconds(browserPid: number | undefined): number | null {
  if (!browserPid || !existsSync('/proc')) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state is field 3, so utime (14) and stime (15) sit at 11 and 12 here.
      if (Number(fields[1]) !== browserPid && !isDescendant(Number(pid), browserPid)) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A process that ended while being read.
    }
  }
  return ticks / 100;
}

function isDescendant(pid: number, ancestor: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 8; hops++) {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (p === ancestor) return true;
  }
  return false;
}

/** PyTorch's images/s by batch size, timed now, or null without python3 and torch. */
function pytorch(): Map<number, number> | null {
  if (!existsSync(PYTHON)) return null;
  mkdirSync('.tmp', { recursive: true });
  const out = '.tmp/bench-torch-cpu.json';
  const args = ['tools/gpu-bench/torch_baseline.py', '--data', DATA, '--device', 'cpu', '--batch', '32,64', '--steps', '20', '--warmup', '3', '--json', out];
  // Two threads, as the reference figure was measured (PyTorch takes one here unless told).
  const r = spawnSync(PYTHON, args, { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000, env: { ...process.env, OMP_NUM_THREADS: '2' } });
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
    const pid = browser.process()?.pid;
    const train = async (backend: string, batchSize: number, warmup: number, steps: number) => {
      await page.evaluate((o) => (window as unknown as Win).benchTrainStart(o), { backend, batchSize, warmup });
      const cpu0 = rendererCpuSeconds(pid);
      const run = await page.evaluate((o) => (window as unknown as Win).benchTrainTimed(o), { steps });
      const cpu1 = rendererCpuSeconds(pid);
      const cpuSeconds = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : NaN;
      return { ...run, perCpuSecond: (run.steps * batchSize) / cpuSeconds };
    };
    const fwd = async (backend: string, images: number) => {
      const cpu0 = rendererCpuSeconds(pid);
      const run = await page.evaluate((o) => (window as unknown as Win).benchForward(o), { backend, images, batchSize: 128 });
      const cpu1 = rendererCpuSeconds(pid);
      // The untimed first batch and the worker's start are in this CPU time: a lower bound on the rate.
      return { ...run, perCpuSecond: cpu0 !== null && cpu1 !== null ? run.images / (cpu1 - cpu0) : NaN };
    };

    const fast = new Map<number, TrainRun & { perCpuSecond: number }>();
    const cpu = new Map<number, TrainRun & { perCpuSecond: number }>();
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
          (Number.isFinite(f.perCpuSecond) ? `${f.perCpuSecond.toFixed(0)} images per CPU-second (tfjs cpu ${c.perCpuSecond.toFixed(1)}); ` : '') +
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
      note:
        `${fastForward.images} images in ${(fastForward.ms / 1000).toFixed(1)} s` +
        (Number.isFinite(fastForward.perCpuSecond) ? `; at least ${fastForward.perCpuSecond.toFixed(0)} images per CPU-second (worker start included)` : ''),
    });
    const ips32 = fast.get(32)!.imagesPerSecond;
    const ips64 = fast.get(64)!.imagesPerSecond;
    // The quick sweep: 4 rates × 25 steps of 32 images (nn-lr-sweep quick).
    const sweepImages = 4 * 25 * 32;
    const perCpu32 = fast.get(32)!.perCpuSecond;
    rows.push({
      name: "Problem 3's quick sweep on wasm-simd (4 rates × 25 steps, batch 32), estimated",
      value: sweepImages / ips32,
      unit: 's',
      note:
        `from ${ips32.toFixed(0)} images/s` +
        (Number.isFinite(perCpu32) ? `; ${(sweepImages / perCpu32).toFixed(0)} s at the rate per CPU-second (a quiet machine)` : '') +
        `; tfjs cpu: ${(sweepImages / cpu.get(32)!.imagesPerSecond / 60).toFixed(0)} min`,
    });
    // Problem 4's page: 20 epochs of the 10,000-image file at batch 64, testing on 2,000 images after each.
    const epochS = 10000 / ips64 + 2000 / fastForward.imagesPerSecond;
    const quietEpochS = 10000 / fast.get(64)!.perCpuSecond + 2000 / fastForward.perCpuSecond;
    const cpuEpochS = 10000 / cpu.get(64)!.imagesPerSecond + 2000 / cpuForward.imagesPerSecond;
    rows.push({
      name: "Problem 4's default run on wasm-simd (20 epochs × 10,000 images, batch 64, 2,000 test images), estimated",
      value: (20 * epochS) / 60,
      unit: 'min',
      note:
        `${epochS.toFixed(0)} s an epoch (early stopping may end it sooner)` +
        (Number.isFinite(quietEpochS) ? `; ${((20 * quietEpochS) / 60).toFixed(0)} min at the rates per CPU-second` : '') +
        `; tfjs cpu: ${((20 * cpuEpochS) / 3600).toFixed(1)} h`,
    });
    rows[0].note += `; the worker said "${fast.get(32)!.summary}" and "${cpu.get(32)!.summary}"`;
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
