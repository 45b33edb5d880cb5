/**
 * The run dashboard's feel with many runs: <nn-runs> showing 50 runs of 1,000 epochs each (two charts of 100 lines)
 * while the smoothing slider is dragged, one change a frame for 200 frames, in headless Chromium: main-thread script
 * from each input event to the end of its update (smoothing and drawing are synchronous in it), median and p95.
 * Beside it, a full redraw (the x axis switched), which rebuilds and draws every line and the frame: the time until
 * its last line is drawn, a few runs a frame (the longest task it causes is in the bounds benchmark).
 */
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import type { BenchRow } from './types.js';

interface Times {
  median: number;
  p95: number;
  max: number;
}

export default async function runsBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'runs bench skipped', value: 0, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/runs.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/runs.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    const run = (kind: string, count: number) =>
      page.evaluate((k, n) => (window as unknown as { benchRuns: (k: string, n: number) => Promise<Times> }).benchRuns(k, n), kind, count);
    // Warm the code up on both kinds of redraw before anything is measured.
    await run('smoothing', 40);
    const full = await run('axis', 40);
    const smooth = await run('smoothing', 200);
    rows.push({
      name: '<nn-runs> 50 runs × 1,000 epochs, redraw after a smoothing change: p95 main-thread script',
      value: smooth.p95,
      unit: 'ms',
      target: '< 16 ms',
      baseline: { name: 'full redraw (x axis switched) until its last line, drawn over several frames, p95', value: full.p95 },
      note: `median ${smooth.median.toFixed(2)} ms, max ${smooth.max.toFixed(1)} ms over 200 changes; full redraw median ${full.median.toFixed(1)} ms`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
