// Save/load in memory on the cpu backend in Node: model files round trip with bit-identical predictions, a
// Keras-converted model.json (tests/browser/tf/fixtures/keras-tiny) loads and predicts what numpy computes, and
// bad files are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  cifarCnn,
  describeModel,
  loadModel,
  modelFilesToBlobs,
  predictProbabilities,
  saveModel,
  TfError,
  type Dataset,
  type ModelFiles,
} from '../../../src/tf/index.js';

await tf.setBackend('cpu');
const FIXTURE = new URL('../../browser/tf/fixtures/keras-tiny/', import.meta.url);

function images(n: number, shape: number[]): Dataset {
  const per = shape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: n * per }, (_, i) => 0.5 + 0.5 * Math.sin(i * 0.61));
  return { x, y: new Uint8Array(n), count: n, shape, format: 'float32' };
}

test('save to files → load gives bit-identical predictions (the homework CNN)', async () => {
  const model = buildModel(cifarCnn({ seed: 4 }));
  const data = images(2, [32, 32, 3]);
  const before = await predictProbabilities(model, data);
  const saved = await saveModel(model, { files: true });
  assert.ok('files' in saved);
  const files = saved.files;
  assert.equal(files.weights.byteLength, 1_250_858 * 4);
  const json = JSON.parse(files.modelJson);
  assert.equal(json.format, 'layers-model');
  assert.equal(json.modelTopology.class_name, 'Sequential');
  assert.deepEqual(json.weightsManifest[0].paths, ['./model.weights.bin']);
  const loaded = await loadModel(files);
  const after = await predictProbabilities(loaded, data);
  assert.deepEqual(Array.from(after), Array.from(before));
  assert.deepEqual(describeModel(loaded).layers.map((l) => l.name), describeModel(model).layers.map((l) => l.name));
  model.dispose();
  loaded.dispose();
});

test('files picked by the student (Blobs with names) load too, whatever the single weights file is called', async () => {
  const model = buildModel({ inputShape: [3], seed: 2, layers: [{ type: 'dense', units: 2, activation: 'softmax' }] });
  const saved = await saveModel(model, { files: true });
  assert.ok('files' in saved);
  const blobs = modelFilesToBlobs(saved.files);
  assert.equal(blobs.weightsName, 'model.weights.bin');
  const json = new File([blobs.json], 'model.json');
  const weights = new File([blobs.weights], 'model.weights (1).bin'); // a browser's rename of a second download
  const loaded = await loadModel({ json, weights: [weights] });
  const data = images(4, [3]);
  assert.deepEqual(Array.from(await predictProbabilities(loaded, data)), Array.from(await predictProbabilities(model, data)));
  model.dispose();
  loaded.dispose();
});

test('a Keras model converted with tensorflowjs_converter loads and predicts what numpy computes', async () => {
  const files: ModelFiles = {
    modelJson: readFileSync(new URL('model.json', FIXTURE), 'utf8'),
    weightsName: 'group1-shard1of1.bin',
    weights: new Uint8Array(readFileSync(new URL('group1-shard1of1.bin', FIXTURE))).buffer,
  };
  const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURE), 'utf8')) as {
    x: number[];
    probabilities: number[][];
  };
  const model = await loadModel(files);
  const info = describeModel(model);
  assert.deepEqual(info.layers.map((l) => l.className), ['Conv2D', 'MaxPooling2D', 'Dropout', 'Flatten', 'Dense', 'Activation']);
  const got = await predictProbabilities(model, {
    x: Float32Array.from(expected.x),
    y: new Uint8Array(2),
    count: 2,
    shape: [6, 6, 3],
    format: 'float32',
  });
  expected.probabilities.flat().forEach((p, i) => assert.ok(Math.abs(got[i] - p) < 1e-6, `p[${i}] ${got[i]} vs ${p}`));
  model.dispose();
});

test('bad model files are refused with the file named', async () => {
  const weights = new ArrayBuffer(8);
  await assert.rejects(loadModel({ modelJson: '{nope', weightsName: 'w.bin', weights }), (e: unknown) => e instanceof TfError && e.code === 'load' && /not JSON/.test(e.message));
  await assert.rejects(
    loadModel({ modelJson: JSON.stringify({ format: 'graph-model', modelTopology: {} }), weightsName: 'w.bin', weights }),
    /graph-model/,
  );
  const twoShards = JSON.stringify({
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { layers: [] } },
    weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: [] }],
  });
  await assert.rejects(loadModel({ modelJson: twoShards, weightsName: 'a.bin', weights }), /weights file "b\.bin"/);
});
