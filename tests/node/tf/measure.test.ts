// Backend choice by measurement with TensorFlow.js itself (Node: no WebGPU, WebGL or WASM here, so those are
// timed as unavailable): a registered candidate (a copy of the cpu backend) is timed beside the CPU through the
// worker protocol, the fastest stays active, nothing leaks, and stop ends a measurement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { backendCandidates, chooseBackend, inProcessClient, registerBackendCandidate, timeTrainingSteps, TfError } from '../../../src/tf/index.js';

await tf.setBackend('cpu');
const Backend = tf.findBackend('cpu')!.constructor as new () => tf.KernelBackend;
tf.registerBackend('cpu-copy', () => new Backend());
for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'cpu-copy' });

const SPEC = {
  inputShape: [8, 8, 3],
  seed: 2,
  layers: [
    { type: 'conv2d' as const, filters: 4, kernelSize: 3, activation: 'relu' as const },
    { type: 'flatten' as const },
    { type: 'dense' as const, units: 3, activation: 'softmax' as const },
  ],
};

function images(n: number) {
  const x = Float32Array.from({ length: n * 8 * 8 * 3 }, (_, i) => 0.5 + 0.5 * Math.sin(i * 0.37));
  const y = Uint8Array.from({ length: n }, (_, i) => i % 3);
  return { kind: 'arrays' as const, x, y, count: n, shape: [8, 8, 3], format: 'float32' as const };
}

test('a registered candidate joins the order where it asks, and can be forced by name', async () => {
  registerBackendCandidate({ name: 'cpu-copy', label: 'a copy of the CPU', before: 'cpu' });
  assert.deepEqual(backendCandidates(), ['webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu-copy', 'cpu']);
  registerBackendCandidate({ name: 'cpu-copy', label: 'a copy of the CPU' });
  assert.deepEqual(backendCandidates(), ['webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu', 'cpu-copy']);
  const report = await chooseBackend({ backend: 'cpu-copy' });
  assert.equal(report.backend, 'cpu-copy');
  assert.equal(report.summary, 'Training on a copy of the CPU.');
  await chooseBackend({ backend: 'cpu' });
});

test('timing a backend that cannot start gives a sample with the reason, not an error', async () => {
  const s = await timeTrainingSteps('webgl', { spec: SPEC, data: { x: images(8).x, y: images(8).y, count: 8, shape: [8, 8, 3], format: 'float32' }, batchSize: 4 });
  assert.ok(Number.isNaN(s.imagesPerSecond));
  assert.equal(s.unavailable, true);
  assert.match(s.error!, /WebGL/);
});

test('measure through the protocol: each candidate is timed, the fastest stays active, no tensor leaks', async () => {
  registerBackendCandidate({ name: 'cpu-copy', label: 'a copy of the CPU' });
  const client = await inProcessClient();
  try {
    const first = await client.init();
    // In Node the automatic order starts the library's WebAssembly SIMD path (no WebGPU, no WebGL).
    assert.equal(first.backend, 'wasm-simd');
    await client.loadData({ source: images(64) });
    const before = (await client.memory()).numTensors;
    const heard: string[] = [];
    const out = await client.measure({ spec: SPEC, batchSize: 16, maxMsPerBackend: 150 }, (e) => heard.push(`${e.backend} ${e.index + 1}/${e.count}`));
    // No WebGPU: every candidate is compared, the CPU-side ones first.
    assert.deepEqual(heard, ['wasm-simd 1/6', 'wasm 2/6', 'cpu 3/6', 'cpu-copy 4/6', 'webgpu 5/6', 'webgl 6/6']);
    assert.equal(out.compared, true);
    const timed = out.samples.filter((s) => !s.error);
    assert.deepEqual(timed.map((s) => s.backend).sort(), ['cpu', 'cpu-copy', 'wasm-simd']);
    for (const s of timed) {
      assert.ok(s.imagesPerSecond > 0 && s.steps >= 1, JSON.stringify(s));
      // The speed is for the plan's batch size, however it was timed.
      assert.equal(s.batchSize, 16);
    }
    assert.equal(out.report.backend, out.chosen.backend);
    assert.equal((await client.memory()).backend, out.chosen.backend);
    const label = '(the CPU|a copy of the CPU|WebAssembly on the CPU \\(SIMD, 1 thread\\))';
    assert.match(out.summary, new RegExp(`^Training on ${label} at about [\\d.,]+ images/s, the fastest here \\(${label}: [\\d.,]+ images/s; ${label}: [\\d.,]+ images/s\\)\\.$`));
    assert.equal((await client.memory()).numTensors, before, 'the timed models and their optimizers are freed');
    // Training then runs on the chosen backend.
    await client.buildModel(SPEC);
    const r = await client.train({ spec: { optimizer: { name: 'rmsprop', learningRate: 1e-3 }, loss: 'sparse_categorical_crossentropy', epochs: 1, batchSize: 16 } });
    assert.equal(r.stopReason, 'completed');
  } finally {
    client.terminate();
  }
});

test('stop ends a measurement: it rejects as aborted and the backend init chose stays', async () => {
  const client = await inProcessClient();
  try {
    await client.init({ backend: 'cpu' });
    await client.loadData({ source: images(64) });
    const measuring = client.measure({ spec: SPEC, batchSize: 16, maxMsPerBackend: 60_000 }, () => void client.stop());
    await assert.rejects(measuring, (e: unknown) => e instanceof TfError && e.code === 'aborted' && /stopped/.test(e.message));
    assert.equal((await client.memory()).backend, 'cpu');
    await assert.rejects(client.measure({ spec: SPEC, batchSize: 16, data: 'nope' }), /No data set "nope"/);
  } finally {
    client.terminate();
  }
});
