/**
 * Bounds: each element given the largest input it accepts (the limits in src/spec/limits.ts, src/labs/limits.ts and
 * each element's own) — its longest main-thread task, which the contract holds under 50 ms, next to the same element
 * given a small input in the same run. Script time until every part has updated is shown beside it.
 */
import puppeteer from 'puppeteer-core';
// @ts-expect-error -- plain ESM helpers without type declarations
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import type { BenchRow } from './types.js';

interface Result {
  script: number;
  longest: number;
  error: string;
  maxTex: number;
}

const SCENARIOS: Array<[name: string, largest: string]> = [
  ['nn-math', '1,000-character TeX (x+x+…)'],
  ['nn-math fractions', '1,000-character TeX of fractions'],
  ['nn-curves', '32 runs, 200,000 values, max-epochs 1,000,000, 500 rate markers each'],
  ['nn-schedule', 'PiecewiseConstantDecay with 100 boundaries'],
  ['nn-boundary', '2,000 points, 64 half-planes, a 256×256 map of 2,751 weights'],
  ['nn-mathlet', '8 hidden units, 256×256, part (c) open'],
  ['nn-network', '8 hidden units'],
  ['nn-nudge', '8 hidden units'],
  ['nn-gradient-flow', 'depth 30, 32 units'],
  ['nn-backprop', '4 hidden units'],
  ['nn-activations', 'range 10'],
  ['nn-trainer', 'two setups of 2,000 points and 19,735 weights'],
];

export default async function boundsBench(): Promise<BenchRow[]> {
  const chrome = findChrome();
  if (!chrome) return [{ name: 'bounds bench skipped', value: 0, unit: '', note: 'no Chromium found' }];
  const server = await startViteServer({ entries: ['tests/bench/bounds.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/bounds.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    const run = (name: string, big: boolean) =>
      page.evaluate((n, b) => (window as unknown as { benchBounds: (n: string, b: boolean) => Promise<Result> }).benchBounds(n, b), name, big);
    for (const [name, largest] of SCENARIOS) {
      const small = await run(name, false);
      const big = await run(name, true);
      rows.push({
        name: `<${name.split(' ')[0]}> given ${largest}: longest task`,
        value: Math.max(big.longest, big.script),
        unit: 'ms',
        target: '< 50 ms',
        baseline: { name: 'the same element, small input', value: Math.max(small.longest, small.script, 0.01) },
        note: `script until updated ${big.script.toFixed(1)} ms (small ${small.script.toFixed(1)} ms); long task ${big.longest ? `${big.longest.toFixed(0)} ms` : 'none ≥ 50 ms'}${big.maxTex ? `; longest formula ${big.maxTex} characters` : ''}${big.error ? `; message: ${big.error.slice(0, 80)}` : ''}`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
