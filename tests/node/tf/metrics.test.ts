// Pure helpers the elements use without TF.js: confusion matrices, top-k lists, and errors across postMessage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpecError } from '../../../src/spec/index.js';
import {
  argmaxRows,
  confusionMatrix,
  deserializeError,
  perClassAccuracy,
  serializeError,
  TfError,
  topK,
} from '../../../src/tf/index.js';

test('confusionMatrix rows are the true classes, as scikit-learn’s', () => {
  assert.deepEqual(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3), [
    [1, 1, 0],
    [0, 1, 0],
    [1, 0, 2],
  ]);
  assert.deepEqual(perClassAccuracy([[1, 1], [0, 0]]).map((v) => (Number.isNaN(v) ? 'NaN' : v)), [0.5, 'NaN']);
});

test('argmaxRows and topK read a row-major probability array', () => {
  const p = Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.25, 0.25]);
  assert.deepEqual(Array.from(argmaxRows(p, 3)), [1, 0]);
  assert.deepEqual(
    topK(p, 3, 1, 3).map((r) => r.classIndex),
    [0, 1, 2], // ties go to the lower class
  );
  assert.equal(topK(p, 3, 0, 1)[0].probability, p[1]);
});

test('errors cross the worker boundary with their class name and code', () => {
  const tf = deserializeError(serializeError(new TfError('data', 'No data set "x"')));
  assert.ok(tf instanceof TfError);
  assert.equal(tf.code, 'data');
  const spec = deserializeError(serializeError(new SpecError([{ path: 'epochs', message: 'epochs must be a positive integer, got 0', value: 0 }], 'train spec')));
  assert.equal(spec.name, 'SpecError');
  assert.equal(spec.code, 'spec');
  assert.match(spec.message, /epochs must be a positive integer/);
  const cifar = serializeError(Object.assign(new Error('http://x/a.bin: HTTP 404'), { name: 'Cifar10Error', code: 'http' }));
  assert.deepEqual(cifar, { name: 'Cifar10Error', code: 'data', message: 'http://x/a.bin: HTTP 404', reason: 'http' });
  assert.equal(serializeError('plain').code, 'internal');
});
