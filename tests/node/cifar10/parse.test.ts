import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CIFAR10_CLASSES,
  CIFAR10_RECORD_BYTES,
  Cifar10Error,
  concatCifar10,
  parseCifar10,
} from '../../../src/data/cifar10/index.js';
import { readCifar, readIndex } from './data.js';
import { TINY_MEANS, TINY_PIXELS, TINY_PIXEL_SUM, chw } from './expected.js';

const tiny = readCifar('cifar10_tiny_100.bin');

test('CIFAR10_CLASSES are the ten names of batches.meta.txt, by label', () => {
  const meta = new TextDecoder().decode(readCifar('batches.meta.txt')).split('\n').filter(Boolean);
  assert.deepEqual([...CIFAR10_CLASSES], meta);
  assert.equal(CIFAR10_CLASSES[0], 'airplane');
  assert.equal(CIFAR10_CLASSES[9], 'truck');
});

test('parseCifar10 reads the 100-image file: labels match its index file', () => {
  const data = parseCifar10(tiny);
  assert.equal(data.count, 100);
  assert.equal(data.images.length, 100 * 3072);
  assert.equal(data.labels.length, 100);
  const index = readIndex('cifar10_tiny_100_index.txt');
  assert.equal(index.length, 100);
  for (const row of index) {
    assert.equal(data.labels[row.record], row.label, `record ${row.record}`);
    assert.equal(CIFAR10_CLASSES[data.labels[row.record]], row.name);
  }
});

test('parseCifar10 keeps the planar R, G, B layout: known pixels, channel means, pixel sum', () => {
  const { images } = parseCifar10(tiny);
  for (const [n, y, x, rgb] of TINY_PIXELS) {
    assert.deepEqual([0, 1, 2].map((c) => chw(images, n, c, y, x)), rgb, `image ${n} (${x}, ${y})`);
  }
  const sums = [0, 0, 0];
  let total = 0;
  for (let n = 0; n < 100; n++) {
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) sums[c] += images[n * 3072 + c * 1024 + p];
    }
  }
  for (let c = 0; c < 3; c++) {
    assert.ok(Math.abs(sums[c] / (100 * 1024) - TINY_MEANS[c]) < 1e-3, `channel ${c} mean`);
    total += sums[c];
  }
  assert.equal(total, TINY_PIXEL_SUM);
});

test('parseCifar10 on the 10k file gives the per-channel means its README states', () => {
  const data = parseCifar10(readCifar('cifar10_train_10k.bin'));
  assert.equal(data.count, 10000);
  const means = [0, 1, 2].map((c) => {
    let sum = 0;
    for (let n = 0; n < data.count; n++) {
      const start = n * 3072 + c * 1024;
      for (let p = start; p < start + 1024; p++) sum += data.images[p];
    }
    return sum / (data.count * 1024);
  });
  assert.deepEqual(means.map((m) => m.toFixed(2)), ['125.86', '123.21', '114.00']);
  const perClass = new Array(10).fill(0);
  for (const label of data.labels) perClass[label]++;
  assert.deepEqual(perClass, new Array(10).fill(1000));
});

test('parseCifar10 accepts an ArrayBuffer and a Uint8Array view at an offset, and copies', () => {
  const padded = new Uint8Array(tiny.length + 7);
  padded.set(tiny, 7);
  const fromView = parseCifar10(padded.subarray(7));
  const fromBuffer = parseCifar10(tiny.slice().buffer);
  assert.deepEqual(fromView.labels, fromBuffer.labels);
  assert.deepEqual(fromView.images, fromBuffer.images);
  assert.notEqual(fromView.images.buffer, padded.buffer);
  assert.equal(fromView.images.buffer.byteLength, 100 * 3072);
});

test('parseCifar10 refuses a length that is not a multiple of 3,073, with the arithmetic', () => {
  const cut = tiny.subarray(0, 2 * CIFAR10_RECORD_BYTES + 5);
  assert.throws(
    () => parseCifar10(cut),
    (err: unknown) => {
      assert.ok(err instanceof Cifar10Error);
      assert.equal(err.code, 'length');
      assert.match(err.message, /6151 bytes/);
      assert.match(err.message, /3073/);
      assert.match(err.message, /2 whole records and 5 leftover bytes/);
      return true;
    },
  );
  assert.throws(() => parseCifar10(tiny.subarray(0, 100)), /100 bytes.*0 whole records and 100 leftover bytes/);
  assert.throws(() => parseCifar10(tiny.subarray(0, 3074)), /1 whole record and 1 leftover byte\b/);
});

test('parseCifar10 refuses empty input', () => {
  assert.throws(() => parseCifar10(new Uint8Array(0)), (err: unknown) => {
    assert.ok(err instanceof Cifar10Error);
    assert.equal(err.code, 'empty');
    assert.match(err.message, /empty/);
    return true;
  });
  assert.throws(() => parseCifar10(new ArrayBuffer(0)), /empty/);
});

test('parseCifar10 refuses a label above 9, naming the record and the label', () => {
  const bad = tiny.slice(0, 5 * CIFAR10_RECORD_BYTES);
  bad[3 * CIFAR10_RECORD_BYTES] = 12;
  assert.throws(() => parseCifar10(bad), (err: unknown) => {
    assert.ok(err instanceof Cifar10Error);
    assert.equal(err.code, 'label');
    assert.match(err.message, /record 3\b/);
    assert.match(err.message, /label 12\b/);
    return true;
  });
  bad[3 * CIFAR10_RECORD_BYTES] = 10;
  assert.throws(() => parseCifar10(bad), /record 3 .*label 10/);
});

test('concatCifar10 joins sets in order; one set is returned as it is', () => {
  const a = parseCifar10(tiny.subarray(0, 30 * 3073));
  const b = parseCifar10(tiny.subarray(30 * 3073));
  const joined = concatCifar10([a, b]);
  const whole = parseCifar10(tiny);
  assert.equal(joined.count, 100);
  assert.deepEqual(joined.labels, whole.labels);
  assert.deepEqual(joined.images, whole.images);
  assert.equal(concatCifar10([a]), a);
});
