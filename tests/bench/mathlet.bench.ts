/**
 * The mathlet's feel: main-thread script per update while a student drags a weight slider or the probe point of
 * <nn-mathlet> with a 256×256 boundary, median and p95 over 200 updates, in headless Chromium. Next to it, the
 * engine's decisionGrid for the same network alone (the part of each slider update that grows with resolution).
 */
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import type { BenchRow } from './types.js';

interface UpdateTimes {
  median: number;
  p95: number;
  max: number;
}

export default async function mathletBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'mathlet bench skipped', value: 0, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/mathlet.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/mathlet.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    const run = (kind: string, count: number, key?: string) =>
      page.evaluate(
        (k, n, p) => (window as unknown as { benchMathlet: (k: string, n: number, p?: string) => Promise<UpdateTimes> }).benchMathlet(k, n, p),
        kind,
        count,
        key,
      );
    // Warm the JIT on another weight, so that no formula typeset while warming is met again when measuring.
    await run('slider', 100, 'W1.1.0');
    for (const [kind, label] of [
      ['slider', 'weight slider moved'],
      ['slider+paths', 'weight slider moved, part (c) paths shown'],
      ['point', 'probe point moved (arrow key)'],
    ] as const) {
      const t = await run(kind, 200);
      rows.push({
        name: `<nn-mathlet> 256×256, ${label}: p95 script per update`,
        value: t.p95,
        unit: 'ms',
        target: '≤ 4 ms',
        note: `median ${t.median.toFixed(2)} ms, max ${t.max.toFixed(1)} ms over 200 updates`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
