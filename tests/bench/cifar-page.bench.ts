/**
 * The page while a CIFAR-10 lab trains: <nn-cifar> trains a small conv net on the real 100-image file in its worker
 * (cpu backend, so the run is the same on any machine), drawing progress bars, curves, the prediction grid and the
 * confusion matrix. Chromium's trace of the page's main thread gives the script time in each 16.7 ms frame slot and
 * the longest script task; the target is under 16 ms a frame (training must never freeze the page).
 */
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import { mainThreadScript, markTime, type TraceEvent } from './trace-script.js';
import type { BenchRow } from './types.js';

const EPOCHS = 4;

export default async function cifarPageBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'CIFAR page bench skipped', value: 0, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/cifar-page.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/cifar-page.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    type Win = { benchLoad: (e: number) => Promise<void>; benchTrain: () => Promise<{ ms: number; redraws: number; status: string }> };
    // A first run warms the worker's TensorFlow.js and the page's code; the second is traced.
    await page.evaluate((e) => (window as unknown as Win).benchLoad(e), 1);
    await page.evaluate(() => (window as unknown as Win).benchTrain());
    await page.evaluate((e) => (window as unknown as Win).benchLoad(e), EPOCHS);
    await page.tracing.start({ categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing'] });
    const run = await page.evaluate(() => (window as unknown as Win).benchTrain());
    const trace = JSON.parse(new TextDecoder().decode((await page.tracing.stop())!)) as { traceEvents: TraceEvent[] };
    const end = markTime(trace.traceEvents, 'nn-training-end');
    if (end === undefined) throw new Error('the trace holds no nn-training-end mark');
    const s = mainThreadScript(trace.traceEvents, -Infinity, end);
    const after = mainThreadScript(trace.traceEvents, end);
    const note = `${EPOCHS} epochs of 80 images in ${(run.ms / 1000).toFixed(1)} s, ${run.redraws} redraws; median slot ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms; ${s.over16} of ${s.slots} slots over 16 ms`;
    return [
      { name: '<nn-cifar> while its worker trains: main-thread script per 16.7 ms frame, max', value: s.max, unit: 'ms', target: '< 16 ms', note },
      { name: '<nn-cifar> while its worker trains: longest main-thread script task', value: s.longest, unit: 'ms', target: '< 16 ms' },
      {
        name: '<nn-cifar> after training: drawing the prediction grid and confusion matrix, longest script task',
        value: after.longest,
        unit: 'ms',
        note: `busiest frame slot ${after.max.toFixed(1)} ms; the grid and the matrix are drawn in separate frames`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
