// The worker protocol end to end in Node: a TrainingClient talking to a session through a MessageChannel
// (inProcessClient), with transfers, events, pause/resume/stop, errors and terminate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { inProcessClient } from '../../../src/worker/in-process.js';
import type { BatchProgress, ClientEvent } from '../../../src/worker/index.js';

await tf.setBackend('cpu');

function blobData(n: number) {
  const x = new Float32Array(n * 2);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    x[2 * i] = (y[i] ? 1 : -1) + 0.3 * Math.sin(i * 1.3);
    x[2 * i + 1] = 0.3 * Math.cos(i * 0.7);
  }
  return { x, y };
}

const SPEC = {
  inputShape: [2],
  seed: 1,
  layers: [
    { type: 'dense' as const, units: 6, activation: 'relu' as const },
    { type: 'dense' as const, units: 2, activation: 'softmax' as const },
  ],
};

test('load, build, train with events, evaluate, predict, save and load, through the protocol', async () => {
  const client = inProcessClient();
  try {
    const report = await client.init({ backend: 'cpu' });
    assert.equal(report.backend, 'cpu');
    const { x, y } = blobData(64);
    const infos = await client.loadData({ name: 'train', source: { kind: 'arrays', x, y, count: 64, shape: [2], format: 'float32' } });
    assert.equal(x.byteLength, 0, 'the x buffer was transferred, not copied');
    assert.deepEqual(infos.map((i) => [i.name, i.count, i.classCounts]), [['train', 64, [32, 32]]]);
    const info = await client.buildModel(SPEC);
    assert.equal(info.params, 2 * 6 + 6 + 6 * 2 + 2);

    const batches: BatchProgress[] = [];
    const events: string[] = [];
    client.on((e: ClientEvent) => events.push(e.type));
    const result = await client.train(
      { spec: { optimizer: { name: 'adam', learningRate: 0.05 }, loss: 'sparse_categorical_crossentropy', epochs: 3, batchSize: 16 }, validation: 'train', progressIntervalMs: 0 },
      { onBatch: (p) => batches.push(p) },
    );
    assert.equal(result.stopReason, 'completed');
    assert.equal(batches.length, 12);
    assert.ok(events.includes('epoch') && events.includes('state'));

    const evaluation = await client.evaluate({ data: 'train', confusion: true });
    assert.equal(evaluation.count, 64);
    assert.ok(evaluation.accuracy! > 0.9);
    const prediction = await client.predict({ data: 'train', indices: [0, 1, 5] });
    assert.equal(prediction.count, 3);
    assert.equal(prediction.classes, 2);
    assert.deepEqual(Array.from(prediction.labels), [0, 1, 1]);

    const saved = await client.saveModel({ files: true });
    assert.ok('files' in saved);
    const p1 = Array.from(prediction.probabilities);
    await client.buildModel({ ...SPEC, seed: 99 });
    await client.loadModel(saved.files);
    const again = await client.predict({ data: 'train', indices: [0, 1, 5] });
    assert.deepEqual(Array.from(again.probabilities), p1, 'bit-identical after save → load');
  } finally {
    client.terminate();
  }
});

test('pause, resume and stop a run; errors come back named; terminate rejects what is pending', async () => {
  const client = inProcessClient();
  await client.init({ backend: 'cpu' });
  const { x, y } = blobData(64);
  await client.loadData({ source: { kind: 'arrays', x, y, count: 64, shape: [2], format: 'float32' } });

  await assert.rejects(client.train({ spec: { optimizer: { name: 'sgd' }, loss: 'sparse_categorical_crossentropy', epochs: 1 } }), (e: Error & { code?: string }) => e.code === 'model' && /build or load/.test(e.message));
  await assert.rejects(client.evaluate({ data: 'nope' }), /No data set "nope".*"train"/);
  await client.buildModel(SPEC);

  let steps = 0;
  const run = client.train(
    { spec: { optimizer: { name: 'sgd', learningRate: 0.1 }, loss: 'sparse_categorical_crossentropy', epochs: 10_000, batchSize: 8 }, progressIntervalMs: 0 },
    { onBatch: (p) => (steps = p.step + 1) },
  );
  while (steps < 5) await new Promise((r) => setTimeout(r, 2));
  await client.pause();
  const at = steps;
  await new Promise((r) => setTimeout(r, 40));
  assert.ok(steps <= at + 1, 'paused');
  await assert.rejects(client.buildModel(SPEC), (e: Error & { code?: string }) => e.code === 'state');
  await client.resume();
  while (steps < at + 5) await new Promise((r) => setTimeout(r, 2));
  await client.stop();
  const result = await run;
  assert.equal(result.stopReason, 'stopped');

  const long = client.train({ spec: { optimizer: { name: 'sgd' }, loss: 'sparse_categorical_crossentropy', epochs: 10_000 } });
  await new Promise((r) => setTimeout(r, 20));
  client.terminate();
  await assert.rejects(long, (e: Error & { code?: string }) => e.code === 'terminated');
  await assert.rejects(client.memory(), (e: Error & { code?: string }) => e.code === 'terminated');
  assert.equal(client.terminated, true);
});
