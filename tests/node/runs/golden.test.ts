// The event-file writer against TensorBoard itself: golden files this writer made were read by TensorBoard's own
// loader (tests/fixtures/runs/check_with_tensorboard.py, CRCs checked, values migrated to its plugins' tensors) and
// what it read was kept in tensorboard-read.json. The writer must still make the same bytes, and TensorBoard must
// have read the run's values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tensorBoardEventFile } from '../../../src/runs/index.js';
import { goldenRun } from '../../fixtures/runs/golden-run.js';

const dir = 'tests/fixtures/runs';
interface Read {
  wall_time: number;
  step: number;
  file_version?: string;
  values?: Array<{ tag: string; plugin: string; value: number | number[][] }>;
}
const tb: Record<string, Read[]> = JSON.parse(readFileSync(`${dir}/tensorboard-read.json`, 'utf8'));

test('the writer still makes the bytes TensorBoard read', () => {
  const run = goldenRun();
  assert.deepEqual(tensorBoardEventFile(run), new Uint8Array(readFileSync(`${dir}/golden.tfevents`)));
  assert.deepEqual(tensorBoardEventFile(run, { split: 'train' }), new Uint8Array(readFileSync(`${dir}/golden-train.tfevents`)));
  assert.deepEqual(tensorBoardEventFile(run, { split: 'validation' }), new Uint8Array(readFileSync(`${dir}/golden-validation.tfevents`)));
});

test('TensorBoard read every scalar: its tag, step, wall time and value, as the scalars plugin', () => {
  const run = goldenRun();
  const events = tb['golden.tfevents'];
  assert.equal(events[0].file_version, 'brain.Event:2');
  const scalars = events.filter((e) => e.values?.[0].plugin === 'scalars');
  assert.equal(scalars.length, 3 * 5);
  for (const e of scalars) {
    const { tag, value } = e.values![0];
    assert.equal(value, Math.fround(run.scalars[tag][e.step]), `${tag} at step ${e.step}`);
    assert.equal(e.wall_time, (run.startedAt + run.times![e.step]) / 1000);
  }
  const val = tb['golden-validation.tfevents'].filter((e) => e.values).map((e) => [e.values![0].tag, e.step, e.values![0].value]);
  assert.deepEqual(val.filter(([t]) => t === 'epoch_loss'), run.scalars.val_loss.map((v, i) => ['epoch_loss', i, Math.fround(v)]));
  const trainTags = new Set(tb['golden-train.tfevents'].flatMap((e) => e.values?.map((v) => v.tag) ?? []));
  assert.deepEqual([...trainTags].sort(), ['dense/bias_0', 'dense/kernel_0', 'epoch_accuracy', 'epoch_learning_rate', 'epoch_loss']);
});

test('TensorBoard read every histogram: its buckets hold the counts, from the min to the max', () => {
  const run = goldenRun();
  const histos = tb['golden.tfevents'].filter((e) => e.values?.[0].plugin === 'histograms');
  assert.equal(histos.length, 2 * 3);
  for (const e of histos) {
    const { tag, value } = e.values![0];
    const h = run.histograms![tag][e.step];
    const buckets = value as number[][];
    const counts = buckets.map((b) => b[2]);
    // TensorBoard drops empty buckets at both ends; the rest are the writer's counts in order.
    const first = h.counts.findIndex((c) => c > 0);
    const last = h.counts.length - 1 - [...h.counts].reverse().findIndex((c) => c > 0);
    assert.deepEqual(counts, h.counts.slice(first, last + 1), `${tag} at step ${e.step}`);
    assert.equal(counts.reduce((a, b) => a + b, 0), h.num);
    assert.equal(buckets[buckets.length - 1][1], Math.fround(h.max));
    if (first === 0) assert.equal(buckets[0][0], Math.fround(h.min));
  }
});
