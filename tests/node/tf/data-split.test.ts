// The worker's data store: a source with one part only trains on its first part and tests on its last
// `validationSplit` fraction (Keras's validation_split), on the real 100-image CIFAR-10 file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DataStore } from '../../../src/worker/data-store.js';

const TINY = new Uint8Array(readFileSync(new URL('../../../../shared/data/cifar10/cifar10_tiny_100.bin', import.meta.url)));
const labels = (store: DataStore, name: string) => Array.from(store.get(name).y as Uint8Array);
const none = () => undefined;

test('validationSplit holds out the last fraction of a one-part source as the test set', async () => {
  const store = new DataStore();
  const sets = await store.load({ source: { kind: 'cifar10', from: TINY.slice().buffer }, validationSplit: 0.2 }, none);
  assert.deepEqual(sets.map((s) => [s.name, s.count]), [['train', 80], ['test', 20]]);
  const all = Array.from(TINY.filter((_v, i) => i % 3073 === 0));
  assert.deepEqual(labels(store, 'train'), all.slice(0, 80));
  assert.deepEqual(labels(store, 'test'), all.slice(80), 'the last 20 images, in file order');
  // After a subset: the split is of the subset.
  const small = await new DataStore().load({ source: { kind: 'cifar10', from: TINY.slice().buffer }, subset: 30, validationSplit: 0.1 }, none);
  assert.deepEqual(small.map((s) => [s.name, s.count]), [['train', 27], ['test', 3]]);
  // Without a split, one part is one set, as before.
  const whole = await new DataStore().load({ source: { kind: 'cifar10', from: TINY.slice().buffer } }, none);
  assert.deepEqual(whole.map((s) => [s.name, s.count]), [['train', 100]]);
});

test('a file of test images alone, split, trains under the training name', async () => {
  const test = new File([TINY], 'cifar10_test_sample.bin');
  const sets = await new DataStore().load({ source: { kind: 'cifar10', from: [test] }, validationSplit: 0.25 }, none);
  assert.deepEqual(sets.map((s) => [s.name, s.count]), [['train', 75], ['test', 25]]);
});

test('a bad validationSplit is refused before anything loads, and one that leaves nothing says which side', async () => {
  for (const bad of [1, -0.1, Number.NaN]) {
    await assert.rejects(
      new DataStore().load({ source: { kind: 'cifar10', from: ['/never/fetched.bin'] }, validationSplit: bad }, none),
      /validationSplit must be a number from 0 up to \(not including\) 1/,
    );
  }
  await assert.rejects(
    new DataStore().load({ source: { kind: 'cifar10', from: TINY.slice().buffer }, subset: 1, validationSplit: 0.6 }, none),
    /validationSplit 0\.6 of 1 examples leaves none to train on/,
  );
});
