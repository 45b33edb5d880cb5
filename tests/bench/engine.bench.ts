/**
 * The small engine's speed (issue 3): problem 1's fixed model and problems 6–8's baseline trained end to end
 * (validation each epoch, as the homework runs them), against TensorFlow.js `model.fit` (cpu backend) in the same
 * process, and decisionGrid at 256×256 for the chain-rule network and the 7×20 network.
 */
import { availableParallelism, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import {
  adam,
  compile,
  decisionGrid,
  dense,
  fit,
  glorotUniform,
  heNormal,
  loadWasmKernels,
  makeCircles,
  MinMaxScaler,
  sequential,
  trainTestSplit,
  wasmKernelsActive,
  type Sequential,
} from '../../src/core.js';
import { timeMs, type BenchRow } from './types.js';

function problem1() {
  const { X, y } = makeCircles({ nSamples: 1000, noise: 0.08, randomState: 1 });
  const Xs = new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform(X);
  const [Xtr, Xte, ytr, yte] = trainTestSplit([Xs, y], { trainSize: 0.8, randomState: 42 }) as [number[][], number[][], number[], number[]];
  return { Xtr, Xte, ytr, yte };
}

function fixedModel(seed: number): Sequential {
  const h = { activation: 'relu', kernelInitializer: heNormal() } as const;
  const m = sequential([dense(5, h), dense(5, h), dense(5, h), dense(1, { activation: 'sigmoid', kernelInitializer: heNormal() })], { inputShape: [2], seed });
  compile(m, { optimizer: adam(), loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 300, batchSize: 32 });
  return m;
}

function wideModel(seed: number): Sequential {
  const m = sequential(
    [...Array.from({ length: 7 }, () => dense(20, { activation: 'relu', kernelInitializer: glorotUniform() })), dense(1, { activation: 'sigmoid' })],
    { inputShape: [2], seed },
  );
  compile(m, { optimizer: adam(), loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 1000, batchSize: 32 });
  return m;
}

/** The same training through TensorFlow.js layers (cpu backend): the baseline the ratio is taken against. */
async function tfjsProblem1Ms(d: ReturnType<typeof problem1>): Promise<number> {
  await tf.setBackend('cpu');
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 5, activation: 'relu', kernelInitializer: 'heNormal', inputShape: [2] }));
  m.add(tf.layers.dense({ units: 5, activation: 'relu', kernelInitializer: 'heNormal' }));
  m.add(tf.layers.dense({ units: 5, activation: 'relu', kernelInitializer: 'heNormal' }));
  m.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: 'heNormal' }));
  m.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const xs = tf.tensor2d(d.Xtr);
  const ys = tf.tensor2d(d.ytr, [d.ytr.length, 1]);
  const vx = tf.tensor2d(d.Xte);
  const vy = tf.tensor2d(d.yte, [d.yte.length, 1]);
  await m.fit(xs, ys, { batchSize: 32, epochs: 2, validationData: [vx, vy], verbose: 0 }); // warm-up
  const t0 = performance.now();
  await m.fit(xs, ys, { batchSize: 32, epochs: 300, validationData: [vx, vy], verbose: 0 });
  const ms = performance.now() - t0;
  tf.dispose([xs, ys, vx, vy]);
  m.dispose();
  return ms;
}

/** CPU milliseconds of one call: on a shared, loaded machine this moves far less than the wall time. */
function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export default async function engineBench(): Promise<BenchRow[]> {
  // The kernels load in the background on first use; every timed run here starts on them.
  await loadWasmKernels();
  const d = problem1();
  let seed = 0;
  const runP1 = () => fit(fixedModel(seed++), d.Xtr, d.ytr, { validationData: [d.Xte, d.yte] });
  const p1 = await timeMs(runP1, 5, 2);
  const p1Cpu = cpuMs(runP1);
  const tfMs = await tfjsProblem1Ms(d);

  const { X, y } = makeCircles({ nSamples: 600, noise: 0.25, randomState: 0, factor: 0.5 });
  const runP6 = () => fit(wideModel(seed++), X.slice(0, 200), y.slice(0, 200), { validationData: [X.slice(200, 400), y.slice(200, 400)] });
  const p6 = await timeMs(runP6, 3, 1);
  const p6Cpu = cpuMs(runP6);

  const chain = sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2], seed: 1 });
  const wide = wideModel(3);
  const into = new Float32Array(256 * 256);
  const grid = (m: Sequential, xr: [number, number]) => () => decisionGrid(m, { xRange: xr, yRange: xr, resolution: 256, into });
  // Warmed by 200 calls, as a second or two of dragging a slider warms it in the page (the mathlet computes one grid
  // per move): its loops are then optimized, where the first few dozen calls run several times slower.
  const gChain = await timeMs(grid(chain, [0, 1]), 51, 200);
  const gChainCpu = cpuMs(grid(chain, [0, 1]));
  const gWide = await timeMs(grid(wide, [-1.5, 1.5]), 11, 3);
  const gWideCpu = cpuMs(grid(wide, [-1.5, 1.5]));
  const load = `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  const kernels = wasmKernelsActive() ? 'WebAssembly SIMD kernels' : 'JavaScript kernels';

  return [
    {
      name: 'problem 1 fixed model: fit 300 epochs, 800 points, batch 32 (7,500 steps, validation each epoch)',
      value: p1,
      unit: 'ms',
      target: '< 200 ms; ≥ 30× TensorFlow.js',
      baseline: { name: 'TensorFlow.js model.fit (cpu backend)', value: tfMs },
      note: `${((p1 * 1000) / 7500).toFixed(1)} µs per step; one run ${p1Cpu.toFixed(0)} ms CPU; ${kernels}; ${load}`,
    },
    {
      name: 'problems 6–8 baseline (7×Dense(20) + Dense(1)): fit 1000 epochs, 200 points, batch 32 (7,000 steps)',
      value: p6,
      unit: 'ms',
      target: '< 600 ms',
      note: `${((p6 * 1000) / 7000).toFixed(1)} µs per step; one run ${p6Cpu.toFixed(0)} ms CPU; ${load}`,
    },
    { name: 'decisionGrid 256×256, chain-rule network (2-3-2, softmax(10·o))', value: gChain, unit: 'ms', target: '< 2 ms', note: `after 200 warm-up calls; one run ${gChainCpu.toFixed(2)} ms CPU` },
    { name: 'decisionGrid 256×256, 7×20 network', value: gWide, unit: 'ms', target: '< 40 ms', note: `one run ${gWideCpu.toFixed(1)} ms CPU` },
  ];
}
