/**
 * The WebAssembly SIMD kernels and the plain JavaScript ones give the same bits — per kernel on odd shapes, and
 * end to end (training, predict, decisionGrid) — so a page without WebAssembly SIMD reproduces the same run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../src/random/index.js';
import { denseForward, denseInputGrad, denseKernelGrad } from '../../../src/nn/kernels.js';
import { instantiateKernels } from '../../../src/nn/wasm/runtime.js';
import {
  adam,
  compile,
  decisionGrid,
  dense,
  fit,
  l2,
  loadWasmKernels,
  predict,
  sequential,
  useWasmKernels,
  wasmKernelsActive,
  type Sequential,
} from '../../../src/core.js';
import { randomRows } from './helpers.js';

// The kernels load in the background; every test here compares them with the JavaScript path, so waits for them.
before(async () => {
  await loadWasmKernels();
});
after(() => useWasmKernels(true));

test('WebAssembly SIMD kernels are active in Node 20', async () => {
  assert.equal(await loadWasmKernels(), true);
  assert.equal(wasmKernelsActive(), true);
});

test('each kernel: WebAssembly and JavaScript agree bit for bit on odd shapes, with and without bias and ReLU mask', () => {
  const k = instantiateKernels(1 << 20)!;
  const rs = new RandomState(0);
  for (const [B, IN, OUT] of [[32, 20, 20], [7, 3, 5], [1, 2, 1], [13, 7, 9], [32, 1, 20], [5, 20, 1], [4, 6, 2], [3, 5, 3], [9, 17, 11]]) {
    let off = 64;
    const alloc = (n: number) => {
      const a = new Float64Array(k.memory.buffer, off, n);
      off += n * 8;
      return a;
    };
    const x = alloc(B * IN);
    const zp = alloc(B * IN);
    const W = alloc(IN * OUT);
    const b = alloc(OUT);
    const z = alloc(B * OUT);
    const a = alloc(B * OUT);
    const dz = alloc(B * OUT);
    const dK = alloc(IN * OUT);
    const dB = alloc(OUT);
    const dx = alloc(B * IN);
    const sV = alloc(64);
    const sI = off;
    zp.set(rs.normal(0, 1, B * IN));
    x.set(zp.map((v) => (v > 0 ? v : 0)));
    W.set(rs.normal(0, 1, IN * OUT));
    b.set(rs.normal(0, 1, OUT));
    dz.set(rs.normal(0, 1, B * OUT));
    const what = `${B}×${IN}→${OUT}`;
    for (const hasBias of [1, 0]) {
      const zj = new Float64Array(B * OUT);
      denseForward(x, IN, W, hasBias ? b : new Float64Array(0), zj, OUT, B, new Int32Array(IN), new Float64Array(IN));
      k.denseForward(x.byteOffset, IN, W.byteOffset, b.byteOffset, hasBias, z.byteOffset, OUT, B, sV.byteOffset, sI, a.byteOffset);
      assert.deepEqual(z, zj, `forward ${what}`);
      assert.deepEqual(a, zj.map((v) => (v > 0 ? v : 0)), `fused relu ${what}`);
      const dKj = new Float64Array(IN * OUT);
      const dBj = new Float64Array(hasBias ? OUT : 0);
      denseKernelGrad(x, IN, dz, OUT, B, dKj, dBj);
      k.denseKernelGrad(x.byteOffset, IN, dz.byteOffset, OUT, B, dK.byteOffset, dB.byteOffset, hasBias);
      assert.deepEqual(dK, dKj, `kernel grad ${what}`);
      if (hasBias) assert.deepEqual(dB, dBj, `bias grad ${what}`);
    }
    for (const relu of [1, 0]) {
      const dxj = new Float64Array(B * IN);
      denseInputGrad(W, dz, OUT, B, dxj, IN, relu ? zp : null, new Int32Array(IN));
      dx.fill(NaN);
      k.denseInputGrad(W.byteOffset, dz.byteOffset, OUT, B, dx.byteOffset, IN, zp.byteOffset, relu, sI);
      assert.deepEqual(dx, dxj, `input grad ${what} relu=${relu}`);
    }
  }
});

function trainOnce(): { model: Sequential; grid: Float32Array; out: Float64Array } {
  const rs = new RandomState(4);
  const X = randomRows(rs, 150, 2);
  const y = X.map(([a, b]) => (Math.sin(3 * a) > b ? 1 : 0));
  const model = sequential(
    [dense(9, { activation: 'relu' }), dense(7, { activation: 'tanh', kernelRegularizer: l2(0.001) }), dense(5, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })],
    { inputShape: [2], seed: 3 },
  );
  compile(model, { optimizer: adam({ learningRate: 0.01 }), loss: 'binary_crossentropy', metrics: ['accuracy'], epochs: 20, batchSize: 16 });
  fit(model, X, y, { validationSplit: 0.2 });
  return { model, grid: decisionGrid(model, { xRange: [-1, 1], yRange: [-1, 1], resolution: 40 }), out: predict(model, X) };
}

test('training, predict and decisionGrid give the same bits with and without the WebAssembly kernels', () => {
  useWasmKernels(true);
  const w = trainOnce();
  useWasmKernels(false);
  assert.equal(wasmKernelsActive(), false);
  const j = trainOnce();
  useWasmKernels(true);
  assert.deepEqual(w.model.params, j.model.params);
  assert.deepEqual(w.out, j.out);
  assert.deepEqual(w.grid, j.grid);
});

test('the kernel module stays under 4 KiB (a small download beside the page, compiled in the background)', async () => {
  const { kernelModuleBytes } = await import('../../../src/nn/wasm/kernels-wasm.js');
  assert.ok(kernelModuleBytes().length < 4096, `${kernelModuleBytes().length} bytes`);
});
