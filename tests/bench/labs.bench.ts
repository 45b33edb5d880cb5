/**
 * The 2-D labs' feel: problem 1's fixed model (300 epochs) and problems 6–8's baseline (1,000 epochs) trained in
 * <nn-trainer> in headless Chromium, drawing as they train, next to the same training bare: in Node (the engine's own
 * time) and in the page without the element. Paint "frame" (the default) redraws about 30 times a second with every
 * epoch so far; paint "epoch" redraws after every single epoch before the next one trains.
 *
 * The longest main-thread task while a lab trains (goal: none over 50 ms) comes from Chromium's trace of the run in
 * the course column's width, for one setup and for a comparison (problems 6–8's pages): its wall time, as the Long
 * Tasks API would see it, and its thread time, which a busy machine's other processes do not inflate.
 */
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS } from '../../scripts/chrome-path.mjs';
// @ts-expect-error -- plain ESM helpers without type declarations
import { startViteServer } from '../../scripts/vite-shared.mjs';
import { LabSession, labPreset, type LabPresetName } from '../../src/labs/index.js';
import { loadWasmKernels } from '../../src/nn/index.js';
import { longestTasks, markTime, type TraceEvent } from './trace-script.js';
import { timeMs, type BenchRow } from './types.js';

interface ElementResult {
  ms: number;
  frames: number;
  epochs: number;
  test: number;
  longest: number;
  long: number;
  /** Where the long tasks were: "78ms@410(ep 12)" (duration, ms after Train, the epoch then). */
  where: string;
}

export default async function labsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The kernels load in the background on first use; timed runs start on them, as a page's do after its first paint.
  await loadWasmKernels();
  const node = (preset: LabPresetName) => timeMs(() => new LabSession(labPreset(preset)).trainSync(), 3, 1);
  const nodeFixed = await node('vanishing-fixed');
  const nodeOverfit = await node('overfit');
  rows.push({ name: 'vanishing-fixed 300 epochs, bare (Node, trainSync)', value: nodeFixed, unit: 'ms' });
  rows.push({ name: 'overfit 1000 epochs, bare (Node, trainSync)', value: nodeOverfit, unit: 'ms' });

  const chrome = findChrome();
  if (!chrome) {
    rows.push({ name: 'browser part skipped', value: 0, unit: '', note: 'no Chromium found' });
    return rows;
  }
  const server = await startViteServer({ entries: ['tests/bench/labs.bench.html'], production: true });
  const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.resolvedUrls!.local[0]}tests/bench/labs.bench.html`, { waitUntil: 'load' });
    await page.waitForFunction('window.benchReady === true', { timeout: 120_000 });
    const element = (preset: string, paint: string, epochs = 0, compare = '') =>
      page.evaluate((p, m, e, c) => (window as unknown as { benchElement: (...a: unknown[]) => Promise<ElementResult> }).benchElement(p, m, e, c), preset, paint, epochs, compare);
    const bare = (preset: string) =>
      page.evaluate((p) => (window as unknown as { benchBare: (p: string) => Promise<{ ms: number }> }).benchBare(p), preset);
    // Warm the JIT and the module graph once.
    await element('overfit', 'frame', 30);
    await bare('vanishing-fixed');
    const cases: Array<[LabPresetName, string, number]> = [
      ['vanishing-fixed', '< 3 s', nodeFixed],
      ['overfit', '< 6 s', nodeOverfit],
    ];
    for (const [preset, target, nodeMs] of cases) {
      const inPage = (await bare(preset)).ms;
      rows.push({ name: `${preset}, bare in the page (LabSession.train, sliced)`, value: inPage, unit: 'ms', baseline: { name: 'Node trainSync', value: nodeMs } });
      for (const paint of ['frame', 'epoch']) {
        const r = await element(preset, paint);
        rows.push({
          name: `${preset} in <nn-trainer paint="${paint}">, ${r.epochs} epochs drawn`,
          value: r.ms,
          unit: 'ms',
          target,
          baseline: { name: 'Node trainSync', value: nodeMs },
          note: `${r.frames} redraws; longest task ${Math.round(r.longest)} ms (${r.long} over 50 ms); test accuracy ${r.test.toFixed(2)}`,
        });
      }
    }
    // The longest task while training, traced: one setup, and a comparison (both panels redraw together).
    const traced: Array<[LabPresetName, string]> = [['overfit', ''], ['overfit', 'early-stopping'], ['vanishing-bad', 'vanishing-fixed']];
    for (const [preset, compare] of traced) {
      await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      const r = await element(preset, 'frame', 0, compare);
      const trace = JSON.parse(new TextDecoder().decode((await page.tracing.stop())!)) as { traceEvents: TraceEvent[] };
      const [from, to] = [markTime(trace.traceEvents, 'nn-train-start'), markTime(trace.traceEvents, 'nn-train-end')];
      if (from === undefined || to === undefined) throw new Error('the trace holds no nn-train-start/end marks');
      const t = longestTasks(trace.traceEvents, from, to);
      const what = compare ? `<nn-trainer preset="${preset}" compare="${compare}">` : `<nn-trainer preset="${preset}">`;
      rows.push({
        name: `${what} while training ${r.epochs} epochs: longest main-thread task (thread time)`,
        value: t.cpu,
        unit: 'ms',
        target: '≤ 50 ms',
        note: `wall time ${Math.round(t.wall)} ms; ${t.overCpu} of ${t.tasks} tasks over 50 ms of thread time, ${t.overWall} by wall time; ${r.frames} redraws in ${(r.ms / 1000).toFixed(1)} s`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
