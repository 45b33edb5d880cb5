// The course's base model (content/models/cifar10-base, written by tools/base-model/train_base.py): its
// conversion from PyTorch to TensorFlow.js's layers format gives the same predictions on the same real images, and
// the original model's 10-class answers map to the 4 classes as an argmax and the label map done by hand do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseCifar10 } from '../../../src/data/index.js';
import { CIFAR_CNN_PARAMS, cifarDataset, describeModel, loadModel, predictProbabilities, subset } from '../../../src/tf/index.js';
import { mapPredictions } from '../../../src/transfer/index.js';
import { REPO_ROOT, readCifar } from '../cifar10/data.js';
import { maxDiff } from './helpers.js';

await tf.setBackend('cpu');

const DIR = resolve(REPO_ROOT, 'content', 'models', 'cifar10-base');
const expected = JSON.parse(readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', 'base-model', 'expected.json'), 'utf8')) as {
  images: number;
  probabilities: number[][];
  floatProbabilities: number[][];
  test_accuracy: number;
  test_accuracy_float32: number;
};

async function base(): Promise<tf.LayersModel> {
  const weights = readFileSync(resolve(DIR, 'weights.bin'));
  return loadModel({ modelJson: readFileSync(resolve(DIR, 'model.json'), 'utf8'), weightsName: 'weights.bin', weights: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) });
}

const model = await base();
const images = subset(cifarDataset(parseCifar10(readCifar('cifar10_tiny_100.bin'))), expected.images);
const probabilities = await predictProbabilities(model, images);

test('the stored base gives the PyTorch model’s probabilities to 1e-4 on the same 32 real images (NHWC, Flatten order)', () => {
  const info = describeModel(model);
  assert.equal(info.params, CIFAR_CNN_PARAMS);
  assert.deepEqual(info.layers.map((l) => l.name), [
    'conv2d', 'conv2d_1', 'max_pooling2d', 'dropout', 'conv2d_2', 'conv2d_3', 'max_pooling2d_1', 'dropout_1', 'flatten', 'dense', 'dropout_2', 'dense_1',
  ]);
  // Both sides hold the same weights: the stored uint8 Dense kernels, decoded as TF.js decodes them.
  const diff = maxDiff(probabilities, expected.probabilities.flat());
  assert.ok(diff <= 1e-4, `largest difference ${diff}`);
});

test('before quantization: the float32 model answers the same class on nearly every image', () => {
  const rows = expected.floatProbabilities;
  let same = 0;
  rows.forEach((row, i) => {
    const mine = Array.from(probabilities.subarray(i * 10, i * 10 + 10));
    if (mine.indexOf(Math.max(...mine)) === row.indexOf(Math.max(...row))) same++;
  });
  assert.ok(same >= 0.9 * rows.length, `${same} of ${rows.length} agree`);
  assert.ok(Math.abs(expected.test_accuracy - expected.test_accuracy_float32) < 0.02, 'uint8 Dense kernels cost under 2 points of test accuracy');
});

test('the 10-class predictions mapped to 4 classes equal an argmax and the label map done by hand', () => {
  const byHand: number[] = [];
  for (let i = 0; i < expected.images; i++) {
    let best = 0;
    for (let c = 1; c < 10; c++) if (probabilities[i * 10 + c] > probabilities[i * 10 + best]) best = c;
    byHand.push(best === 1 ? 0 : best === 3 ? 1 : best === 9 ? 2 : 3);
  }
  assert.deepEqual([...mapPredictions(probabilities)], byHand);
  assert.ok(new Set(byHand).size > 1, 'not one class for every image');
});

test('the base model is small: every file under 4 MB, and its stated test accuracy is the script’s', () => {
  for (const file of ['model.json', 'weights.bin']) assert.ok(statSync(resolve(DIR, file)).size < 4e6, file);
  const meta = (JSON.parse(readFileSync(resolve(DIR, 'model.json'), 'utf8')) as { userDefinedMetadata: { test_accuracy: number; test_set: string } }).userDefinedMetadata;
  assert.equal(meta.test_accuracy, expected.test_accuracy);
  assert.equal(meta.test_set, 'cifar10_test_2k.bin');
});
