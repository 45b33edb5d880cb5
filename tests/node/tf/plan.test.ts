// Plans that fit the hardware, without TensorFlow.js: durations and speeds for people, plans cut to a budget, and
// the measured backend choice driven by stubbed timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseByMeasurement,
  describeChoice,
  epochPlanMs,
  fitEpochPlan,
  fitStepPlan,
  formatDuration,
  formatSpeed,
  needsComparison,
  stepPlanMs,
  type SpeedSample,
} from '../../../src/tf/plan/index.js';

test('durations read as people say them, never thousands of minutes', () => {
  const s = 1000;
  const cases: Array<[number, string]> = [
    [0, 'less than 1 s'], [400, 'less than 1 s'], [600, '1 s'], [45 * s, '45 s'], [59.4 * s, '59 s'], [60 * s, '1 min'],
    [200 * s, '3 min 20 s'], [599 * s, '9 min 59 s'], [600 * s, '10 min'], [12.4 * 60 * s, '12 min'], [3600 * s, '1 h'],
    [125 * 60 * s, '2 h 5 min'], [(2019 * 60 + 56) * s, '1 day 10 h'], [72 * 3600 * s, '3 days'],
    [NaN, 'unknown'], [Infinity, 'unknown'], [-5, 'unknown'],
  ];
  for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, `${ms} ms`);
});

test('speeds keep two significant digits below 10 and group thousands above', () => {
  assert.equal(formatSpeed(0.4213), '0.42 images/s');
  assert.equal(formatSpeed(6.53), '6.5 images/s');
  assert.equal(formatSpeed(86.4), '86 images/s');
  assert.equal(formatSpeed(1240.2), '1,240 images/s');
  assert.equal(formatSpeed(NaN), '— images/s');
});

const sweep = { runs: 4, stepsPerRun: 63, batchSize: 32, subset: 2000 };

test('a step plan that fits is kept; one that does not gets fewer steps on fewer images', () => {
  const fast = fitStepPlan(sweep, { imagesPerSecond: 900 }, 180_000);
  assert.equal(fast.reduced, false);
  assert.deepEqual(fast.plan, sweep);
  assert.ok(Math.abs(fast.ms - (4 * 63 * 32 * 1000) / 900) < 1e-6);
  // The machine's CPU: about 6.5 images/s.
  const slow = fitStepPlan(sweep, { imagesPerSecond: 6.5 }, 180_000);
  assert.equal(slow.reduced, true);
  assert.equal(slow.plan.stepsPerRun, 9);
  assert.equal(slow.plan.subset, 9 * 32);
  assert.ok(slow.ms <= 180_000 && slow.ms > 150_000, `${slow.ms}`);
  assert.ok(Math.abs(slow.fullMs - stepPlanMs(sweep, { imagesPerSecond: 6.5 })) < 1e-6);
  // Never below the minimum, even if that breaks the budget: three steps show a divergence.
  const crawl = fitStepPlan(sweep, { imagesPerSecond: 0.5 }, 180_000);
  assert.equal(crawl.plan.stepsPerRun, 3);
  assert.ok(crawl.ms > 180_000);
  assert.throws(() => fitStepPlan(sweep, { imagesPerSecond: 0 }, 1000), /speed above 0/);
});

const homework = { epochs: 20, trainImages: 10000, testImages: 2000, batchSize: 64 };

test('an epoch plan shrinks its images first, then its epochs, and keeps whole batches', () => {
  assert.equal(fitEpochPlan(homework, { imagesPerSecond: 5000 }, 180_000).reduced, false);
  // A fast CPU path: all 20 epochs on fewer images, tested on the same share.
  const mid = fitEpochPlan(homework, { imagesPerSecond: 300 }, 180_000);
  assert.equal(mid.plan.epochs, 20);
  assert.equal(mid.plan.trainImages % 64, 0);
  assert.ok(mid.plan.trainImages >= 1280 && mid.plan.trainImages < 10000, `${mid.plan.trainImages}`);
  assert.equal(mid.plan.testImages, Math.round(mid.plan.trainImages * 0.2));
  assert.ok(mid.ms <= 180_000 && mid.ms > 160_000, `${mid.ms}`);
  // TF.js's CPU backend: five epochs on a few batches.
  const slow = fitEpochPlan(homework, { imagesPerSecond: 6.5 }, 180_000);
  assert.deepEqual([slow.plan.epochs, slow.plan.trainImages], [5, 192]);
  assert.ok(slow.ms <= 180_000, `${slow.ms}`);
  assert.ok(Math.abs(slow.fullMs - epochPlanMs(homework, { imagesPerSecond: 6.5 })) < 1e-6);
  assert.ok(slow.fullMs > 8 * 3600_000, 'the homework’s plan would take hours here');
  // In between: the images stay at 20 batches and the epochs give way.
  const between = fitEpochPlan(homework, { imagesPerSecond: 100 }, 180_000);
  assert.deepEqual([between.plan.trainImages, between.plan.epochs], [1280, 13]);
  // A test pass measured separately counts as measured.
  const measured = fitEpochPlan(homework, { imagesPerSecond: 100, evalImagesPerSecond: 1000 }, 180_000);
  assert.ok(measured.plan.epochs >= between.plan.epochs);
});

const sample = (backend: string, imagesPerSecond: number, extra: Partial<SpeedSample> = {}): SpeedSample => ({
  backend, label: { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'the CPU' }[backend] ?? backend,
  imagesPerSecond, steps: 3, batchSize: 4, warmupMs: 10, totalMs: 100, ...extra,
});

/** A timing stub: each backend's speed, and the order in which they were asked for. */
function stub(speeds: Record<string, number | string>) {
  const asked: string[] = [];
  return {
    asked,
    time: async (name: string) => {
      asked.push(name);
      const v = speeds[name];
      return typeof v === 'string' ? sample(name, NaN, { error: v, unavailable: /not installed/.test(v) }) : sample(name, v);
    },
  };
}

const ORDER = ['webgpu', 'webgl', 'wasm', 'cpu', 'cpu-fast'];

test('a software WebGPU adapter: every candidate is timed and the fastest trains', async () => {
  assert.equal(needsComparison({ backend: 'webgpu', fallbackAdapter: true }), true);
  const s = stub({ webgpu: 1.2, webgl: 0.9, wasm: 'the WebAssembly backend is not installed', cpu: 6.5, 'cpu-fast': 240 });
  const seen: string[] = [];
  const choice = await chooseByMeasurement({
    candidates: ORDER, preferred: { backend: 'webgpu', fallbackAdapter: true }, time: s.time,
    onMeasure: (name, i, n) => seen.push(`${name} ${i + 1}/${n}`),
  });
  // The CPU-side ones first: quick to time, and they set how long a GPU one is waited for.
  assert.deepEqual(s.asked, ['wasm', 'cpu', 'cpu-fast', 'webgpu', 'webgl']);
  assert.deepEqual(seen, ['wasm 1/5', 'cpu 2/5', 'cpu-fast 3/5', 'webgpu 4/5', 'webgl 5/5']);
  assert.equal(choice.chosen.backend, 'cpu-fast');
  assert.equal(choice.compared, true);
  const text = describeChoice(choice, { label: 'google swiftshader (software fallback)', fallback: true });
  assert.equal(text, 'Training on cpu-fast at about 240 images/s, the fastest here (the CPU: 6.5 images/s; WebGPU runs on a software fallback, google swiftshader (software fallback): 1.2 images/s; WebGL: 0.9 images/s).');
});

test('a fast hardware GPU is timed alone; a slow one has the others timed too', async () => {
  const fast = stub({ webgpu: 850, cpu: 6.5 });
  const a = await chooseByMeasurement({ candidates: ORDER, preferred: { backend: 'webgpu', fallbackAdapter: false }, time: fast.time });
  assert.deepEqual(fast.asked, ['webgpu']);
  assert.equal(a.chosen.backend, 'webgpu');
  assert.equal(a.compared, false);
  assert.equal(describeChoice(a, { label: 'nvidia ampere', fallback: false }), 'Training on WebGPU (nvidia ampere) at about 850 images/s.');
  // A GPU slower than the threshold (an old integrated chip): the CPU wins here.
  const slow = stub({ webgpu: 20, webgl: 15, wasm: 'not installed', cpu: 30, 'cpu-fast': 'it threw' });
  const b = await chooseByMeasurement({ candidates: ORDER, preferred: { backend: 'webgpu', fallbackAdapter: false }, time: slow.time, slowBelow: 50 });
  assert.deepEqual(slow.asked, ['webgpu', 'wasm', 'cpu', 'cpu-fast', 'webgl']);
  assert.equal(b.chosen.backend, 'cpu');
  assert.match(describeChoice(b), /cpu-fast: not usable \(it threw\)/);
});

test('no WebGPU at all: the preferred backend first, then the rest; ties go to the preferred order', async () => {
  const s = stub({ webgl: 10, wasm: 'not installed', cpu: 10, webgpu: 'this browser has no WebGPU (navigator.gpu is missing)' });
  const choice = await chooseByMeasurement({ candidates: ['webgpu', 'webgl', 'wasm', 'cpu'], preferred: { backend: 'webgl', fallbackAdapter: false }, time: s.time });
  assert.deepEqual(s.asked, ['wasm', 'cpu', 'webgpu', 'webgl']);
  assert.equal(choice.chosen.backend, 'webgl');
});

test('a GPU backend that has not finished a step in time (a multiple of the first backend’s) is given up on', async () => {
  const asked: string[] = [];
  const given: string[] = [];
  const time = (name: string) => {
    asked.push(name);
    // The software GPU is still compiling its kernels when the wait ends.
    const ms = name === 'webgpu' ? 400 : 5;
    return new Promise<SpeedSample>((r) => setTimeout(() => r(sample(name, name === 'webgpu' ? 1000 : 6.5, { totalMs: ms })), ms));
  };
  const choice = await chooseByMeasurement({
    candidates: ['webgpu', 'cpu'], preferred: { backend: 'webgpu', fallbackAdapter: true }, time, abandon: (n) => given.push(n),
    maxWaitMs: (first) => 20 * first.totalMs, label: (n) => (n === 'webgpu' ? 'WebGPU' : n),
  });
  assert.deepEqual(asked, ['cpu', 'webgpu']);
  assert.deepEqual(given, ['webgpu']);
  assert.equal(choice.chosen.backend, 'cpu');
  const gaveUp = choice.samples[1];
  assert.equal(gaveUp.abandonedAfterMs, 100);
  assert.match(describeChoice(choice, { label: 'google swiftshader', fallback: true }), /WebGPU runs on a software fallback, google swiftshader: slower still \(no training step within 0 s\)/);
});

test('stopped between backends: the samples so far decide; none that measured is an error naming each reason', async () => {
  const s = stub({ webgpu: 4, webgl: 2, cpu: 3 });
  const choice = await chooseByMeasurement({
    candidates: ['webgpu', 'webgl', 'cpu'], preferred: { backend: 'webgpu', fallbackAdapter: true }, time: s.time, stopped: () => s.asked.length >= 2,
  });
  assert.deepEqual(s.asked, ['cpu', 'webgpu']);
  assert.equal(choice.chosen.backend, 'webgpu');
  const none = stub({ webgpu: 'lost the device', cpu: 'out of memory' });
  await assert.rejects(
    chooseByMeasurement({ candidates: ['webgpu', 'cpu'], preferred: { backend: 'webgpu', fallbackAdapter: true }, time: none.time }),
    /No backend could train here: the CPU: out of memory; WebGPU: lost the device/,
  );
});
