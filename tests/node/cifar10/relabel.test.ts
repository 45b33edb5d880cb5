import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOMEWORK_LABEL_MAP, TRANSFER_CLASSES, parseCifar10, relabel } from '../../../src/data/cifar10/index.js';
import { readCifar } from './data.js';

test('relabel with the homework map: car 0, cat 1, truck 2, everything else (airplane too) 3', () => {
  assert.deepEqual({ ...HOMEWORK_LABEL_MAP }, { 1: 0, 3: 1, 9: 2 });
  assert.deepEqual([...TRANSFER_CLASSES], ['car', 'cat', 'truck', 'other']);
  const all = Uint8Array.from({ length: 10 }, (_, i) => i);
  assert.deepEqual([...relabel(all)], [3, 0, 3, 1, 3, 3, 3, 3, 3, 2]);
});

test('relabel on the real file: 10 cars, 10 cats, 10 trucks, 70 others, in record order', () => {
  const { labels } = parseCifar10(readCifar('cifar10_tiny_100.bin'));
  const mapped = relabel(labels);
  assert.equal(mapped.length, 100);
  const counts = [0, 0, 0, 0];
  for (const label of mapped) counts[label]++;
  assert.deepEqual(counts, [10, 10, 10, 70]);
  // Records 0..4 are frog, truck, truck, deer, automobile.
  assert.deepEqual([...mapped.subarray(0, 5)], [3, 2, 2, 3, 0]);
  assert.notEqual(mapped, labels);
  assert.equal(labels[1], 9, 'the input is left unchanged');
});

test('relabel takes another map, other label and plain arrays', () => {
  assert.deepEqual([...relabel([0, 5, 8, 2], { 0: 1, 8: 0 }, 7)], [1, 7, 0, 7]);
  assert.deepEqual([...relabel([], HOMEWORK_LABEL_MAP)], []);
});

test('relabel refuses target labels outside 0..255', () => {
  assert.throws(() => relabel([1], { 1: 300 }), /map\[1\] is 300/);
  assert.throws(() => relabel([1], HOMEWORK_LABEL_MAP, -1), /otherLabel is -1/);
  assert.throws(() => relabel([1], { 1: 0.5 }), RangeError);
});
