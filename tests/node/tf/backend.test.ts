// Backend choice in Node (no WebGPU, no WebGL here: each is passed over with its reason; the fast CPU path runs), the
// self-check catching a backend that computes wrong numbers (a copy of the cpu backend with a faulty Conv2D), and
// the faster cpu conv-filter gradient against TF.js's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, installFastCpuConvFilter, selfCheck, TfError } from '../../../src/tf/index.js';
import { originalCpuConvFilter } from '../../../src/tf/backend/cpu-conv-filter.js';

test('auto: WebGPU and WebGL are skipped with reasons, the WebAssembly SIMD path on the CPU is chosen', async () => {
  const report = await chooseBackend();
  assert.equal(report.backend, 'wasm-simd');
  assert.deepEqual(report.skipped.map((s) => s.backend), ['webgpu', 'webgl']);
  assert.match(report.skipped[0].reason, /no WebGPU/);
  assert.equal(report.adapter, null);
  assert.match(report.summary, /^Training on WebAssembly on the CPU \(SIMD, 1 thread\); WebGPU not used: /);
});

test('TF.js’s WASM backend, not installed, is passed over with its reason', async () => {
  await assert.rejects(chooseBackend({ backend: 'wasm' }), (e: unknown) => e instanceof TfError && /not installed/.test(e.message));
});

test('a forced backend that cannot start is an error, not a fallback', async () => {
  await assert.rejects(chooseBackend({ backend: 'webgpu' }), (e: unknown) => e instanceof TfError && e.code === 'backend' && /WebGPU/.test(e.message));
});

test('the self-check passes a faithful backend and fails one whose Conv2D is off by 1%', async () => {
  await tf.setBackend('cpu');
  const cpu = tf.findBackend('cpu')!;
  const Backend = cpu.constructor as new () => tf.KernelBackend;
  for (const name of ['faithful', 'faulty']) {
    tf.registerBackend(name, () => new Backend());
    for (const kernel of tf.getKernelsForBackend('cpu')) {
      const broken =
        name === 'faulty' && kernel.kernelName === 'Conv2D'
          ? (args: Parameters<tf.KernelFunc>[0]) => {
              const out = kernel.kernelFunc(args) as tf.TensorInfo;
              const values = (args.backend as unknown as { data: { get(id: object): { values: Float32Array } } }).data.get(out.dataId).values;
              for (let i = 0; i < values.length; i++) values[i] *= 1.01;
              return out;
            }
          : kernel.kernelFunc;
      tf.registerKernel({ ...kernel, backendName: name, kernelFunc: broken });
    }
  }
  const good = await selfCheck('faithful');
  assert.equal(good.passed, true, good.reason);
  assert.equal(good.maxLossDiff, 0);
  const bad = await selfCheck('faulty');
  assert.equal(bad.passed, false);
  assert.match(bad.reason, /faulty computed different numbers from the CPU backend/);
  assert.equal(tf.getBackend(), 'cpu', 'a failed check leaves the CPU backend active');
  tf.removeBackend('faithful');
  tf.removeBackend('faulty');
});

test('the faster cpu Conv2DBackpropFilter gives TF.js’s numbers bit for bit', async () => {
  await tf.setBackend('cpu');
  installFastCpuConvFilter();
  const stock = originalCpuConvFilter()!;
  const cases: Array<{ x: [number, number, number, number]; f: [number, number, number, number]; s: number; pad: 'same' | 'valid' }> = [
    { x: [2, 7, 6, 3], f: [3, 3, 3, 4], s: 1, pad: 'same' },
    { x: [3, 9, 9, 2], f: [3, 3, 2, 5], s: 2, pad: 'valid' },
    { x: [1, 8, 8, 4], f: [2, 2, 4, 3], s: 2, pad: 'same' },
  ];
  for (const c of cases) {
    const x = tf.relu(tf.sin(tf.range(0, c.x.reduce((a, b) => a * b)).reshape(c.x))) as tf.Tensor4D;
    const filter = tf.cos(tf.range(0, c.f.reduce((a, b) => a * b)).reshape(c.f)) as tf.Tensor4D;
    const grad = tf.grad((w: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, w as tf.Tensor4D, c.s, c.pad))))(filter);
    const dy = tf.mul(tf.conv2d(x, filter, c.s, c.pad), 2); // d(sum(y²))/dy
    const reference = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: c.s, pad: c.pad, dataFormat: 'NHWC', filterShape: c.f });
    // The engine ran the new kernel; the stock one, called directly, gives the reference.
    const backend = tf.backend();
    const info = stock({ inputs: { x, dy }, backend, attrs: { strides: c.s, pad: c.pad, dataFormat: 'NHWC', filterShape: c.f } }) as tf.TensorInfo;
    const stockValues = (backend as unknown as { data: { get(id: object): { values: Float32Array } } }).data.get(info.dataId).values;
    assert.deepEqual(Array.from(await (reference as tf.Tensor).data()), Array.from(stockValues), JSON.stringify(c));
    assert.deepEqual(Array.from(await grad.data()), Array.from(stockValues));
    backend.disposeData(info.dataId);
    tf.dispose([x, filter, grad, dy, reference as tf.Tensor]);
  }
});
