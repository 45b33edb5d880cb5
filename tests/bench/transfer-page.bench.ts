/**
 * The page while the transfer lab works: <nn-transfer> runs stage 1 and stage 2 from the course's base model on the
 * real 100-image file in its worker (cpu backend), with the comparison after each stage. Chromium's trace of the
 * page's main thread gives the script time in each 16.7 ms frame slot and the longest script task (the target:
 * under 16 ms a frame, as for <nn-cifar>).
 */
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import { mainThreadScript, type TraceEvent } from './trace-script.js';
import type { BenchRow } from './types.js';

export default async function transferPageBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'transfer page bench skipped', value: 0, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/transfer-page.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/transfer-page.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    type Win = { benchLoad: (e: number) => Promise<void>; benchTrain: () => Promise<{ ms: number; redraws: number; sentence: string }> };
    // A first run warms the worker's TensorFlow.js and the page's code; the second is traced.
    await page.evaluate((e) => (window as unknown as Win).benchLoad(e), 1);
    await page.evaluate(() => (window as unknown as Win).benchTrain());
    await page.evaluate((e) => (window as unknown as Win).benchLoad(e), 3);
    await page.tracing.start({ categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing'] });
    const run = await page.evaluate(() => (window as unknown as Win).benchTrain());
    const trace = JSON.parse(new TextDecoder().decode((await page.tracing.stop())!)) as { traceEvents: TraceEvent[] };
    const s = mainThreadScript(trace.traceEvents);
    const note = `both stages and two comparisons in ${(run.ms / 1000).toFixed(1)} s, ${run.redraws} redraws; median slot ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms; ${s.over16} of ${s.slots} slots over 16 ms`;
    return [
      { name: '<nn-transfer> while its worker caches and trains: main-thread script per 16.7 ms frame, max', value: s.max, unit: 'ms', target: '< 16 ms', note },
      { name: '<nn-transfer> while its worker caches and trains: longest main-thread script task', value: s.longest, unit: 'ms', target: '< 16 ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
