// The run store with a backend (src/runs): runs saved as they train, brought back on another page, interrupted
// ones marked, deletion reaching the backend, and a full or missing storage leaving the runs in memory, said so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRunBackend, RunStore, HISTOGRAM_KEEP, appendHistogram, histogramOf, pageRunStore, type HistogramEntry, type RunBackend } from '../../../src/runs/index.js';

test('runs are saved as they go and come back in another page’s store, training ones marked interrupted', async () => {
  const backend = new MemoryRunBackend();
  const page1 = new RunStore(Infinity, { idPrefix: 'p1-', page: '/content/07.html', saveEveryMs: 5 });
  await page1.persistTo(backend);
  assert.equal(page1.storage.kind, 'memory', 'a memory backend says so');
  const done = page1.add({ name: 'l1', hparams: { seed: 3 }, stage: 'head', stepsPerEpoch: 7 });
  page1.appendEpoch(done.id, { loss: 0.5 });
  page1.end(done.id, 'done', { summary: { testAccuracy: 0.8 } });
  const left = page1.add({ name: 'l2' });
  page1.appendEpoch(left.id, { loss: 0.9 });
  page1.appendEpoch(left.id, { loss: 0.8 });
  await page1.flushed();
  // The page closes while 'l2' trains: its hold goes with it.
  backend.release(left.id);

  const page9 = new RunStore(Infinity, { idPrefix: 'p9-' });
  await page9.persistTo(backend);
  assert.equal(page9.size, 0, 'saved runs come in only when asked');
  assert.equal(await page9.loadSaved(), 2);
  const [a, b] = page9.list();
  assert.deepEqual([a.id, a.name, a.page, a.stage, a.stepsPerEpoch, a.hparams, a.status, a.summary], ['p1-run-1', 'l1', '/content/07.html', 'head', 7, { seed: 3 }, 'done', { testAccuracy: 0.8 }]);
  assert.equal(b.status, 'interrupted');
  assert.deepEqual(b.scalars.loss, [0.9, 0.8], 'the epochs up to then are kept');
  assert.match(b.message!, /closed while it trained/);
  assert.equal((await backend.get(left.id))!.status, 'interrupted', 'and saved so');
  assert.equal(await page9.loadSaved(), 2, 'loading twice is one load');
});

test('a run still training on another open page is not called interrupted', async () => {
  const backend = new MemoryRunBackend();
  const page1 = new RunStore(Infinity, { idPrefix: 'p1-' });
  await page1.persistTo(backend);
  const run = page1.add({ name: 'live' });
  await page1.flushed();
  const other = new RunStore(Infinity, { idPrefix: 'p2-' });
  await other.persistTo(backend);
  await other.loadSaved();
  assert.equal(other.get(run.id)!.status, 'running');
});

test('deleting is explicit and reaches the saved runs; pruning never does', async () => {
  const backend = new MemoryRunBackend();
  const store = new RunStore(1);
  await store.persistTo(backend);
  const a = store.add({ name: 'a' });
  store.end(a.id, 'done');
  const b = store.add({ name: 'b' });
  store.end(b.id, 'done');
  await store.flushed();
  assert.deepEqual(store.list().map((r) => r.name), ['b'], 'memory keeps its limit');
  assert.deepEqual((await backend.load()).map((r) => r.name).sort(), ['a', 'b'], 'the pruned run stays saved');
  store.remove(b.id);
  await store.flushed();
  assert.deepEqual((await backend.load()).map((r) => r.name), ['a']);
  store.clear();
  await store.flushed();
  assert.deepEqual(await backend.load(), []);
});

test('storage that cannot open, or fills up, leaves the runs in memory and says why', async () => {
  const store = new RunStore();
  const heard: string[] = [];
  store.subscribe((c) => heard.push(c.type));
  await store.persistTo(Promise.reject(new Error('this browser gives the page no IndexedDB')));
  assert.deepEqual(store.storage, { kind: 'memory', reason: 'runs are kept in this page only: this browser gives the page no IndexedDB' });
  assert.ok(heard.includes('storage'));

  const full: RunBackend = Object.assign(new MemoryRunBackend(), {
    put: async () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    },
  });
  const store2 = new RunStore();
  await store2.persistTo(full);
  const run = store2.add({ name: 'big' });
  await store2.flushed();
  assert.equal(store2.storage.kind, 'memory');
  assert.match(store2.storage.reason!, /storage for this site is full/);
  store2.appendEpoch(run.id, { loss: 1 });
  assert.deepEqual(store2.get(run.id)!.scalars.loss, [1], 'the run goes on in memory');
});

test('runs added before the backend opens are saved once it does; imported runs keep their ids', async () => {
  const backend = new MemoryRunBackend();
  const store = new RunStore();
  let open!: (b: RunBackend) => void;
  const opening = store.persistTo(new Promise<RunBackend>((r) => (open = r)));
  assert.equal(store.storage.kind, 'opening');
  const run = store.add({ name: 'early' });
  open(backend);
  await opening;
  await store.flushed();
  assert.equal((await backend.get(run.id))!.name, 'early');
  const added = store.addRecords([{ ...structuredClone(run), id: 'elsewhere-1', status: 'running' }, structuredClone(run)]);
  assert.deepEqual(added.map((r) => [r.id, r.status]), [['elsewhere-1', 'interrupted']], 'an id already here is left out');
});

test('histograms: one per tag and epoch, thinned evenly past HISTOGRAM_KEEP with the last epoch kept', () => {
  const store = new RunStore();
  const run = store.add({ name: 'h' });
  assert.throws(() => store.appendHistograms(run.id, { w: [1] }), /no epoch yet/);
  for (let e = 1; e <= 1000; e++) {
    store.appendEpoch(run.id, { loss: 1 / e });
    store.appendHistograms(run.id, { 'dense/kernel_0': [e, -e, 0] });
  }
  const entries = run.histograms!['dense/kernel_0'];
  assert.equal(HISTOGRAM_KEEP, 500);
  assert.ok(entries.length <= 500 && entries.length >= 250, `${entries.length} entries`);
  assert.equal(entries[0].epoch, 1);
  assert.equal(entries.at(-1)!.epoch, 1000);
  const gaps = new Set(entries.slice(1, -1).map((e, i) => e.epoch - entries[i].epoch));
  assert.equal(gaps.size, 1, `evenly spaced: ${[...gaps]}`);
  // A tiny keep still keeps an even stride and the last entry.
  const small: HistogramEntry[] = [];
  for (let e = 1; e <= 37; e++) appendHistogram(small, histogramOf([e], e, 2), 4);
  assert.ok(small.length <= 4);
  assert.equal(small[0].epoch, 1);
  assert.equal(small.at(-1)!.epoch, 37);
  const stride = small[1].epoch - small[0].epoch;
  for (let i = 1; i < small.length - 1; i++) assert.equal(small[i].epoch - small[i - 1].epoch, stride);
});

test('pageRunStore in Node: ids carry the page’s prefix, and runs stay in memory with the reason', async () => {
  const store = pageRunStore();
  const run = store.add({ name: 'node run' });
  assert.match(run.id, /^[0-9a-z]+-run-\d+$/);
  await store.flushed();
  assert.equal(store.storage.kind, 'memory');
  assert.match(store.storage.reason!, /no IndexedDB/);
  store.remove(run.id);
});

test('while a run trains its saved copy leaves the histograms out; its end saves them', async () => {
  const backend = new MemoryRunBackend();
  const store = new RunStore(Infinity, { saveEveryMs: 1 });
  await store.persistTo(backend);
  const run = store.add({ name: 'h' });
  store.appendEpoch(run.id, { loss: 1 });
  store.appendHistograms(run.id, { 'dense/kernel_0': [1, 2] });
  await store.flushed();
  const during = (await backend.get(run.id))!;
  assert.deepEqual(during.scalars.loss, [1]);
  assert.equal(during.histograms, undefined);
  store.end(run.id, 'done');
  await store.flushed();
  assert.equal((await backend.get(run.id))!.histograms!['dense/kernel_0'].length, 1);
});
