// The fast CPU backend ('wasm-simd') against TF.js's cpu backend: its loop kernels give the cpu backend's numbers
// bit for bit (broadcasts, ReLU and its step with NaN and −0, sums, max pooling with ties and NaN), its GEMM kernels
// to float32 round-off (losses and every gradient of small conv nets, and of the homework CNN on real CIFAR-10
// images); training repeats exactly; pooled arrays never change under a reader; the fallbacks for shapes the
// kernels do not cover still answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { parseCifar10 } from '../../../../src/data/index.js';
import { RandomState } from '../../../../src/random/index.js';
import type { ModelSpec, TrainSpec } from '../../../../src/spec/index.js';
import {
  buildModel,
  chooseBackend,
  cifarCnn,
  cifarDataset,
  forward,
  lossValue,
  makeBatch,
  makeOptimizer,
  outputKind,
  SIMD_BACKEND,
  Trainer,
  type Dataset,
} from '../../../../src/tf/index.js';

const report = await chooseBackend({ backend: SIMD_BACKEND });
assert.equal(report.backend, SIMD_BACKEND);
const rs = new RandomState(7);

/** Asserts equal arrays, naming the first element that differs (Object.is: NaN equals NaN, −0 is not +0). */
function assertSame(got: Float32Array[], want: Float32Array[], what: string): void {
  assert.equal(got.length, want.length, what);
  want.forEach((w, k) => {
    assert.equal(got[k].length, w.length, `${what}: output ${k} length`);
    const i = w.findIndex((v, j) => !Object.is(v, got[k][j]));
    if (i >= 0) assert.fail(`${what}: output ${k}[${i}] is ${got[k][i]}, the cpu backend's ${w[i]}`);
  });
}

/** Runs `make` on the cpu backend and on the fast one; returns each one's outputs as arrays. */
async function onBoth(make: () => tf.Tensor | tf.Tensor[]): Promise<{ cpu: Float32Array[]; simd: Float32Array[] }> {
  const run = async (backend: string): Promise<Float32Array[]> => {
    await tf.setBackend(backend);
    const out = tf.tidy(make);
    const list = Array.isArray(out) ? out : [out];
    const values = await Promise.all(list.map(async (t) => Float32Array.from(await t.data())));
    tf.dispose(list);
    return values;
  };
  const cpu = await run('cpu');
  const simd = await run(SIMD_BACKEND);
  return { cpu, simd };
}

function maxRelDiff(a: Float32Array, b: Float32Array): number {
  let scale = 1e-30;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(a[i]));
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
  }
  return diff / scale;
}

const values = (n: number, lo = -1, hi = 1): Float32Array => Float32Array.from(rs.uniform(lo, hi, n));
/** Post-ReLU-like data: half zeros (ties for max pooling), a NaN, an infinity, a negative zero. */
function awkward(n: number): Float32Array {
  const v = values(n).map((x) => (x < 0 ? 0 : x));
  v[3] = NaN;
  v[7] = -0;
  v[11] = -Infinity;
  v[13] = Infinity;
  return v;
}

test('elementwise kernels: the cpu backend’s numbers bit for bit, broadcasts and special values included', async () => {
  const a = awkward(4 * 5 * 6 * 8);
  const b = values(960);
  const row = values(8, 0.5, 2);
  const column = values(120);
  const odd = values(963);
  const cases: Array<[string, () => tf.Tensor]> = [
    ['add, same shape', () => tf.add(tf.tensor(a, [4, 5, 6, 8]), tf.tensor(b, [4, 5, 6, 8]))],
    ['add, a bias', () => tf.add(tf.tensor(a, [4, 5, 6, 8]), tf.tensor(row, [8]))],
    ['sub, the bias first', () => tf.sub(tf.tensor(row, [1, 8]), tf.tensor(a, [4, 5, 6, 8]))],
    ['mul, a scalar', () => tf.mul(tf.tensor(a, [4, 5, 6, 8]), tf.scalar(0.75))],
    ['div, a row', () => tf.div(tf.tensor(a, [120, 8]), tf.tensor(row, [8]))],
    ['mul, a column (cpu backend’s kernel)', () => tf.mul(tf.tensor(a, [120, 8]), tf.tensor(column, [120, 1]))],
    ['relu', () => tf.relu(tf.tensor(odd))],
    ['relu of NaN, −0, ±∞', () => tf.relu(tf.tensor(a))],
    ['step (relu’s gradient)', () => tf.grad((x: tf.Tensor) => tf.sum(tf.relu(x)))(tf.tensor(a))],
    ['leaky step', () => tf.step(tf.tensor(a), 0.3)],
    ['sqrt and square', () => tf.add(tf.sqrt(tf.abs(tf.tensor(a))), tf.square(tf.tensor(a)))],
    ['sum over leading axes', () => tf.sum(tf.tensor(b, [4, 5, 6, 8]), [0, 1, 2])],
    ['sum, keepDims', () => tf.sum(tf.tensor(b, [4, 5, 6, 8]), [0, 1], true)],
    ['sum over the last axis (cpu backend’s kernel)', () => tf.sum(tf.tensor(b, [4, 5, 6, 8]), -1)],
  ];
  for (const [what, make] of cases) {
    const { cpu, simd } = await onBoth(make);
    assertSame(simd, cpu, what);
  }
});

test('max pooling and its gradient: the cpu backend’s numbers, ties and NaN included, overlapping windows too', async () => {
  const x = awkward(2 * 9 * 8 * 8);
  const cases: Array<[string, number, number, 'valid' | 'same', number]> = [
    ['2×2, stride 2', 2, 2, 'valid', 8],
    ['3×3, stride 2, same (overlapping)', 3, 2, 'same', 8],
    ['2×2, 6 channels (cpu backend’s kernel)', 2, 2, 'valid', 6],
  ];
  for (const [what, size, stride, pad, ch] of cases) {
    const shape: [number, number, number, number] = [2, 9, 8, ch];
    const input = x.subarray(0, 2 * 9 * 8 * ch);
    const upstream = values(2 * 9 * 8 * ch);
    const { cpu, simd } = await onBoth(() => {
      const t = tf.tensor4d(input, shape);
      const y = tf.maxPool(t, size, stride, pad);
      const dy = tf.tensor(upstream.subarray(0, y.size), y.shape);
      const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, size, stride, pad), dy)))(t);
      return [y, dx];
    });
    assertSame(simd, cpu, what);
  }
});

test('RMSprop’s one-pass update gives the cpu backend’s weights bit for bit (ε inside and outside the root)', async () => {
  const w0 = values(70000);
  const grads = [values(70000, -1e-3, 1e-3), values(70000, -2, 2), values(70000, -1e-6, 1e-6)];
  for (const options of [{}, { epsilonPlacement: 'outside' as const }, { momentum: 0.5 }, { centered: true }]) {
    const { cpu, simd } = await onBoth(() => {
      const { optimizer } = makeOptimizer({ name: 'rmsprop', learningRate: 0.01, ...options });
      const w = tf.variable(tf.tensor(w0), true, `rmsprop-${JSON.stringify(options)}-${tf.getBackend()}`);
      for (const g of grads) optimizer.applyGradients({ [w.name]: tf.tensor(g) });
      const out = w.clone();
      optimizer.dispose();
      w.dispose();
      return out;
    });
    assertSame(simd, cpu, `RMSprop ${JSON.stringify(options)}`);
  }
});

/** Each variable's gradient of a cross-entropy loss, and the loss, for a spec on `backend`. */
async function lossAndGradients(backend: string, spec: ModelSpec, data: Dataset, count: number): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const model = buildModel(spec);
  const batch = makeBatch(data, Int32Array.from({ length: count }, (_, i) => i));
  const kind = outputKind(model, false);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(
    () => lossValue('sparse_categorical_crossentropy', batch.y, forward(model, batch.x, { training: true, seed: 3, step: 0, logits: true }), kind),
    vars,
  );
  const out = [Float32Array.from(await value.data())];
  for (const v of vars) out.push(Float32Array.from(await grads[v.name].data()));
  tf.dispose([value, ...Object.values(grads), batch.x, batch.y]);
  model.dispose();
  return out;
}

function assertSameGradients(cpu: Float32Array[], simd: Float32Array[], what: string, tol: number): void {
  assert.equal(simd.length, cpu.length);
  assert.ok(Math.abs(simd[0][0] - cpu[0][0]) <= tol * Math.max(1, Math.abs(cpu[0][0])), `${what}: loss ${simd[0][0]} vs ${cpu[0][0]}`);
  for (let i = 1; i < cpu.length; i++) {
    const d = maxRelDiff(cpu[i], simd[i]);
    assert.ok(d <= tol, `${what}: gradient ${i} off by ${d.toExponential(2)} of its largest value`);
  }
}

function images(n: number, shape: number[], classes: number): Dataset {
  const size = shape.reduce((p, q) => p * q, 1);
  return {
    x: values(n * size, 0, 1),
    y: Uint8Array.from({ length: n }, (_, i) => i % classes),
    count: n,
    shape,
    format: 'float32',
  };
}

test('small conv nets: the loss and every gradient as on the cpu backend, to float32 round-off', async () => {
  const nets: Array<[string, ModelSpec]> = [
    [
      'same and valid convs, pooling, dropout, dense',
      {
        inputShape: [10, 10, 3],
        seed: 4,
        layers: [
          { type: 'conv2d', filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' },
          { type: 'conv2d', filters: 12, kernelSize: 3, activation: 'relu' },
          { type: 'maxPooling2d', poolSize: 2 },
          { type: 'dropout', rate: 0.25 },
          { type: 'flatten' },
          { type: 'dense', units: 16, activation: 'relu' },
          { type: 'dense', units: 5, activation: 'softmax' },
        ],
      },
    ],
    [
      'a strided conv, tanh, odd channel counts',
      {
        inputShape: [9, 9, 2],
        seed: 5,
        layers: [
          { type: 'conv2d', filters: 5, kernelSize: 3, strides: 2, activation: 'tanh' },
          { type: 'conv2d', filters: 7, kernelSize: 2, activation: 'relu' },
          { type: 'flatten' },
          { type: 'dense', units: 3, activation: 'softmax' },
        ],
      },
    ],
  ];
  for (const [what, spec] of nets) {
    const data = images(6, spec.inputShape, spec.layers.at(-1)!.type === 'dense' ? 3 : 2);
    const cpu = await lossAndGradients('cpu', spec, data, 6);
    const simd = await lossAndGradients(SIMD_BACKEND, spec, data, 6);
    assertSameGradients(cpu, simd, what, 2e-5);
  }
});

test('the homework CNN on 8 real CIFAR-10 images: the loss and all 1,250,858 gradients as on the cpu backend', async () => {
  const data = cifarDataset(parseCifar10(readFileSync('../shared/data/cifar10/cifar10_tiny_100.bin')));
  const spec = cifarCnn({ seed: 1 });
  const cpu = await lossAndGradients('cpu', spec, data, 8);
  const simd = await lossAndGradients(SIMD_BACKEND, spec, data, 8);
  assertSameGradients(cpu, simd, 'homework CNN', 1e-4);
});

const TRAIN: TrainSpec = {
  optimizer: { name: 'rmsprop', learningRate: 0.003 },
  loss: 'sparse_categorical_crossentropy',
  epochs: 3,
  batchSize: 8,
  seed: 2,
};
const SMALL: ModelSpec = {
  inputShape: [8, 8, 3],
  seed: 6,
  layers: [
    { type: 'conv2d', filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.25 },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};

async function train(backend: string, data: Dataset): Promise<{ history: unknown[]; weights: Float32Array[]; tensors: number[] }> {
  await tf.setBackend(backend);
  const model = buildModel(SMALL);
  const tensors: number[] = [];
  const result = await new Trainer(model, TRAIN).fit(data, { onEpoch: () => tensors.push(tf.memory().numTensors) });
  const weights = await Promise.all(model.getWeights().map(async (w) => Float32Array.from(await w.data())));
  model.dispose();
  return { history: result.history, weights, tensors };
}

test('training: the same seeds repeat exactly; losses follow the cpu backend’s; no tensor is left behind', async () => {
  const data = images(40, [8, 8, 3], 3);
  const a = await train(SIMD_BACKEND, data);
  const b = await train(SIMD_BACKEND, data);
  assert.deepEqual(a.history, b.history);
  assert.deepEqual(a.weights, b.weights);
  assert.equal(new Set(a.tensors).size, 1, `numTensors after each epoch: ${a.tensors}`);
  const cpu = await train('cpu', data);
  const losses = (h: unknown[]) => h.map((e) => (e as { loss: number }).loss);
  losses(a.history).forEach((loss, i) => assert.ok(Math.abs(loss - losses(cpu.history)[i]) < 1e-4, `epoch ${i}: ${loss} vs ${losses(cpu.history)[i]}`));
});

test('pooled arrays: what data() returned, and a slice of a disposed tensor, keep their values', async () => {
  await tf.setBackend(SIMD_BACKEND);
  const n = 1 << 16;
  const source = values(n);
  const t = tf.relu(tf.tensor(source));
  const read = await t.data();
  const kept = Float32Array.from(read);
  const slice = tf.slice(t, [100], [5000]);
  const sliced = Float32Array.from(await slice.data());
  t.dispose();
  // Kernels of the same size now reuse whatever the pool got back.
  for (let i = 0; i < 4; i++) tf.tidy(() => tf.relu(tf.neg(tf.tensor(source))).dataSync());
  assert.deepEqual(read, kept);
  assert.deepEqual(Float32Array.from(await slice.data()), sliced);
  slice.dispose();
});

test('a forced start names the backend plainly', () => {
  assert.equal(report.summary, 'Training on WebAssembly on the CPU (SIMD, 1 thread).');
});
