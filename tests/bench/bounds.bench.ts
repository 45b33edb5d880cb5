/**
 * Bounds: each element given the largest input it accepts (the limits in src/spec/limits.ts, src/labs/limits.ts and
 * each element's own) — its longest main-thread task, which the contract holds under 50 ms, next to the same element
 * given a small input in the same run. Script time until every part has updated is shown beside it.
 */
import { writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import type { BenchRow } from './types.js';
import { markTime, type TraceEvent } from './trace-script.js';

interface Result {
  script: number;
  longest: number;
  error: string;
  maxTex: number;
}

const SCENARIOS: Array<[name: string, largest: string]> = [
  ['nn-math', '600 characters of TeX (x+x+…)'],
  ['nn-math fractions', '600 characters of TeX, fractions'],
  ['nn-curves', '32 runs, 20,000 values, 200 rate markers, max-epochs 1,000,000'],
  ['nn-curves unsqueezed', '32 runs, 20,000 values, 200 rate markers, smoothing on'],
  ['nn-schedule', 'PiecewiseConstantDecay with 100 boundaries'],
  ['nn-boundary', '1,000 points, 64 half-planes, a 256×256 map of 865 weights'],
  ['nn-mathlet', '8 hidden units, 256×256, part (c) open'],
  ['nn-network', '8 hidden units'],
  ['nn-nudge', '8 hidden units'],
  ['nn-gradient-flow', 'depth 30, 32 units'],
  ['nn-backprop', '4 hidden units'],
  ['nn-activations', 'range 10'],
  ['nn-trainer', 'two setups of 1,000 points and 19,735 weights'],
  ['nn-runs', '100 runs of 1,000 epochs'],
];

/** The longest main-thread task between the page's `bounds-start` and `bounds-end` marks: wall and thread ms. */
function longestTask(events: TraceEvent[]): { wall: number; cpu: number } {
  const from = markTime(events, 'bounds-start') ?? -Infinity;
  const to = markTime(events, 'bounds-end') ?? Infinity;
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) >= from && e.ts < to);
  const main = mains.map((m) => tasks(m)).sort((a, b) => b.length - a.length)[0] ?? [];
  const ms = (v: number | undefined) => (v ?? 0) / 1000;
  return {
    wall: Math.max(0, ...main.map((e) => ms(e.dur))),
    cpu: Math.max(0, ...main.map((e) => ms((e as TraceEvent & { tdur?: number }).tdur))),
  };
}

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
    // The longest task on the page's main thread, from Chromium's trace: its wall time and its thread (CPU) time,
    // which a busy machine does not inflate as it does the wall time.
    const run = async (name: string, big: boolean) => {
      await page.tracing.start({ categories: process.env.BOUNDS_TRACE_CATEGORIES?.split(',') ?? ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
      const result = await page.evaluate((n, b) => (window as unknown as { benchBounds: (n: string, b: boolean) => Promise<Result> }).benchBounds(n, b), name, big);
      const raw = new TextDecoder().decode((await page.tracing.stop())!);
      // BOUNDS_TRACE=1 keeps each large input's trace in .tmp/ for a look at what its longest task spent time on.
      if (big && process.env.BOUNDS_TRACE) writeFileSync(`.tmp/bounds-${name.replace(/\W+/g, '-')}.trace.json`, raw);
      const trace = JSON.parse(raw) as { traceEvents: TraceEvent[] };
      return { ...result, ...longestTask(trace.traceEvents) };
    };
    const only = process.env.BOUNDS_ONLY?.split(',');
    for (const [name, largest] of SCENARIOS.filter(([n]) => !only || only.includes(n))) {
      const small = await run(name, false);
      const big = await run(name, true);
      rows.push({
        name: `<${name.split(' ')[0]}> given ${largest}: longest task`,
        value: big.wall,
        unit: 'ms',
        target: '< 50 ms',
        baseline: { name: 'the same element, small input', value: Math.max(small.wall, 0.01) },
        note: `thread time ${big.cpu.toFixed(1)} ms (small ${small.cpu.toFixed(1)} ms); script until updated ${big.script.toFixed(1)} ms${big.maxTex ? `; longest formula ${big.maxTex} characters` : ''}${big.error ? `; message: ${big.error.slice(0, 80)}` : ''}`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
