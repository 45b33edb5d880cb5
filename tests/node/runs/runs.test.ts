// The page's run store and TensorBoard's smoothing (src/runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunStore, pageRunStore, smoothScalars, lrChangeEpochs, type RunStoreChange } from '../../../src/runs/index.js';

test('smoothScalars is TensorBoard’s debiased exponential moving average', () => {
  const s = smoothScalars([1, 2, 3], 0.5);
  assert.equal(s[0], 1);
  assert.ok(Math.abs(s[1] - 1.25 / 0.75) < 1e-15);
  assert.ok(Math.abs(s[2] - 2.125 / 0.875) < 1e-15);
  // weight 0 is the raw series; a constant series is left alone; non-finite values pass through
  assert.deepEqual(smoothScalars([3, 1, 4], 0), [3, 1, 4]);
  assert.deepEqual(smoothScalars([0.7, 0.7, 0.7], 0.9), [0.7, 0.7, 0.7]);
  const withNaN = smoothScalars([1, NaN, 3], 0.5);
  assert.ok(Number.isNaN(withNaN[1]));
  assert.ok(Math.abs(withNaN[2] - (0.5 * 0.5 + 1.5) / 0.75) < 1e-15);
  assert.deepEqual(smoothScalars([], 0.6), []);
  assert.throws(() => smoothScalars([1], 1.5), /smoothing weight/);
  assert.throws(() => smoothScalars([1], NaN), /smoothing weight/);
});

test('smoothing a noisy series keeps its level from the first point (the debiasing)', () => {
  const raw = Array.from({ length: 50 }, (_, i) => 0.8 + (i % 2 ? 0.05 : -0.05));
  const s = smoothScalars(raw, 0.9);
  assert.ok(Math.abs(s[0] - 0.75) < 1e-12, 'first point is the first value, not 10% of it');
  for (const v of s.slice(10)) assert.ok(Math.abs(v - 0.8) < 0.02);
});

test('a run records per-epoch scalars, padded so every tag has one value per epoch', () => {
  const store = new RunStore();
  const run = store.add({ name: 'nn-trainer · vanishing-fixed', source: 'nn-trainer', spec: { a: 1 } });
  assert.equal(run.id, 'run-1');
  assert.equal(run.status, 'running');
  store.appendEpoch(run.id, { loss: 0.6, accuracy: 0.7 });
  store.appendEpoch(run.id, { loss: 0.5, accuracy: 0.8, lr: 0.001 });
  store.appendEpoch(run.id, { loss: 0.4 });
  assert.deepEqual(run.scalars.loss, [0.6, 0.5, 0.4]);
  assert.deepEqual(run.scalars.accuracy, [0.7, 0.8, NaN]);
  assert.deepEqual(run.scalars.lr, [NaN, 0.001, NaN]);
  assert.equal(store.epochCount(run), 3);
  store.end(run.id, 'done', { markers: { stoppedEpoch: 3 }, summary: { testAccuracy: 0.88 } });
  assert.equal(run.status, 'done');
  assert.equal(run.markers.stoppedEpoch, 3);
  assert.equal(run.summary.testAccuracy, 0.88);
  assert.ok(run.endedAt! >= run.startedAt);
  // The record is plain data: it survives JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(run)).scalars.loss, [0.6, 0.5, 0.4]);
});

test('the spec is copied, names stay unique, and unknown ids are refused by name', () => {
  const store = new RunStore();
  const spec = { layers: [1] };
  const a = store.add({ name: 'lab', spec });
  spec.layers.push(2);
  assert.deepEqual(a.spec, { layers: [1] });
  assert.equal(store.add({ name: 'lab' }).name, 'lab (2)');
  assert.equal(store.add({ name: 'lab' }).name, 'lab (3)');
  assert.throws(() => store.appendEpoch('run-99', { loss: 1 }), /run-99/);
  assert.throws(() => store.add({ name: '  ' }), /needs a name/);
});

test('subscribers hear every change until they unsubscribe (both ways)', () => {
  const store = new RunStore();
  const heard: RunStoreChange['type'][] = [];
  const off = store.subscribe((c) => heard.push(c.type));
  const other: string[] = [];
  const listener = (c: RunStoreChange) => other.push(c.type);
  store.subscribe(listener);
  const run = store.add({ name: 'x' });
  store.appendEpoch(run.id, { loss: 1 });
  store.update(run.id, { status: 'paused' });
  store.end(run.id, 'stopped', { message: 'stopped by the student' });
  off();
  store.unsubscribe(listener);
  store.remove(run.id);
  store.clear();
  assert.deepEqual(heard, ['add', 'epoch', 'update', 'end']);
  assert.deepEqual(other, heard);
  assert.equal(store.size, 0);
});

test('past its limit the store drops the oldest finished run, never a running one', () => {
  const store = new RunStore(2);
  const a = store.add({ name: 'a' });
  const b = store.add({ name: 'b' });
  store.add({ name: 'c' });
  assert.equal(store.size, 3, 'all three still run');
  store.end(b.id, 'done');
  assert.deepEqual(store.list().map((r) => r.name), ['a', 'c']);
  store.end(a.id, 'done');
  assert.equal(store.size, 2);
  assert.throws(() => new RunStore(0), /limit/);
});

test('pageRunStore is one store per page', () => {
  assert.equal(pageRunStore(), pageRunStore());
});

test('lrChangeEpochs marks the epochs where the rate moved', () => {
  assert.deepEqual(lrChangeEpochs([0.1, 0.1, 0.05, 0.05, 0.025]), [3, 5]);
  assert.deepEqual(lrChangeEpochs([0.1, 0.1 * (1 + 1e-12), NaN, 0.1]), []);
  assert.deepEqual(lrChangeEpochs([]), []);
});
