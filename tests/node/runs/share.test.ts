// Share links (src/runs/share): runs round-trip through a URL fragment, long runs thin to fit the stated limit,
// and malformed, truncated or hostile fragments give a message (a RunFormatError) and nothing else — fuzzed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import {
  RunStore,
  shareLink,
  runsFromFragment,
  toBase64Url,
  fromBase64Url,
  RunFormatError,
  SHARE_LINK_LIMIT,
  type RunRecord,
} from '../../../src/runs/index.js';
import { RandomState } from '../../../src/random/index.js';

const BASE = 'https://course.example/content/09-share-the-runs.html#old';

function makeRun(store: RunStore, name: string, epochs: number, seed: number, histograms = false): RunRecord {
  const rs = new RandomState(seed);
  const noise = rs.uniform(-0.02, 0.02, epochs);
  const run = store.add({ name, source: 'nn-trainer', spec: { train: { optimizer: { name: 'adam', learningRate: 0.001 } } }, hparams: { seed }, startedAt: 1_700_000_000_000 + seed });
  for (let e = 0; e < epochs; e++) {
    store.appendEpoch(run.id, {
      loss: 0.7 * Math.exp(-e / 50) + 0.1 + noise[e],
      accuracy: Math.round((0.5 + 0.4 * (1 - Math.exp(-e / 40))) * 200) / 200,
      val_loss: 0.7 * Math.exp(-e / 40) + 0.25 + noise[(e + 7) % epochs],
      val_accuracy: Math.round((0.5 + 0.33 * (1 - Math.exp(-e / 30))) * 200) / 200,
    }, run.startedAt + 40 * (e + 1));
    if (histograms) store.appendHistograms(run.id, { 'dense/kernel_0': [noise[e], 1, -1, 0.5] });
  }
  store.end(run.id, 'done', { markers: { stoppedEpoch: epochs }, summary: { testAccuracy: 0.8 } });
  return run;
}

/** Largest gap between a decoded value and the original at the same epoch, relative to the series' range. */
function worstError(orig: RunRecord, back: RunRecord): number {
  let worst = 0;
  for (const [tag, series] of Object.entries(back.scalars)) {
    const o = orig.scalars[tag];
    const span = Math.max(...o) - Math.min(...o) || 1;
    series.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - o[back.epochs![i] - 1]) / span)));
  }
  return worst;
}

test('base64url round-trips every length, and refuses characters outside it', () => {
  for (let n = 0; n < 40; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 0xff);
    const s = toBase64Url(bytes);
    assert.match(s, /^[A-Za-z0-9_-]*$/);
    assert.equal(s, Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(fromBase64Url(s), bytes);
  }
  assert.throws(() => fromBase64Url('ab+c'), /cannot be in it/);
  assert.throws(() => fromBase64Url('abcde'), /cut short/);
});

test('a short run round-trips through a link: setup, status, markers, summary, and values to 16 bits of their range', async () => {
  const store = new RunStore();
  const run = makeRun(store, 'early stopping', 60, 1, true);
  const link = await shareLink([run], BASE);
  assert.ok(link.fits);
  assert.equal(link.points, Infinity);
  assert.equal(link.histograms, true, 'histograms ride along when they fit');
  assert.ok(link.url.startsWith('https://course.example/content/09-share-the-runs.html#runs='));
  assert.equal(link.length, link.url.length);
  const [back] = (await runsFromFragment(new URL(link.url).hash))!;
  assert.equal(back.id, `shared:${run.id}`);
  for (const k of ['name', 'source', 'spec', 'hparams', 'status', 'markers', 'summary', 'startedAt'] as const) assert.deepEqual(back[k], run[k], k);
  assert.deepEqual(back.epochs, Array.from({ length: 60 }, (_, i) => i + 1));
  assert.ok(worstError(run, back) <= 1 / 65532, `error ${worstError(run, back)}`);
  assert.deepEqual(back.histograms, run.histograms);
  assert.equal(back.times!.length, 60);
  assert.ok(Math.abs(back.times![59] - run.times![59]) < 0.1);
});

test('the homework’s four runs (1,000 + 100 + 1,000 + 1,000 epochs) fit the link limit by thinning epochs', async () => {
  const store = new RunStore();
  const runs = [makeRun(store, 'baseline', 1000, 2, true), makeRun(store, 'early stopping', 100, 3), makeRun(store, 'l1', 1000, 4), makeRun(store, 'l2', 1000, 5)];
  const link = await shareLink(runs, BASE);
  assert.equal(SHARE_LINK_LIMIT, 8000);
  assert.ok(link.fits, `${link.length} characters`);
  assert.ok(link.length <= 8000);
  assert.equal(link.histograms, false);
  assert.ok(link.points >= 64 && link.points < 1000, `${link.points} points`);
  const back = (await runsFromFragment(new URL(link.url).hash))!;
  assert.deepEqual(back.map((r) => r.name), ['baseline', 'early stopping', 'l1', 'l2']);
  for (const [i, r] of back.entries()) {
    assert.equal(r.epochs!.at(-1), runs[i].scalars.loss.length, 'the last epoch is always kept');
    assert.ok(r.epochs!.length >= Math.min(50, runs[i].scalars.loss.length) && r.epochs!.length <= link.points + 1);
    assert.ok(worstError(runs[i], r) <= 1 / 65532);
  }
});

test('runs too long for any link say so (fits: false), and a tighter limit is honoured', async () => {
  const store = new RunStore();
  const runs = Array.from({ length: 40 }, (_, i) => makeRun(store, `run ${i}`, 200, 10 + i));
  const link = await shareLink(runs, BASE);
  assert.equal(link.fits, false);
  const small = await shareLink([makeRun(store, 'x', 20, 99)], BASE, 100);
  assert.equal(small.fits, false);
  assert.ok(small.length > 100);
});

test('a fragment without runs is no link; broken ones are refused with a message', async () => {
  assert.equal(await runsFromFragment(''), null);
  assert.equal(await runsFromFragment('#p=0.2,0.3'), null);
  const refused = async (hash: string, pattern: RegExp) =>
    assert.rejects(runsFromFragment(hash), (e: unknown) => e instanceof RunFormatError && pattern.test(e.message));
  await refused('#runs=', /empty/);
  await refused('#runs=%%%', /cannot be in it/);
  await refused('#runs=AAAA', /damaged|cut short|version/);
  const store = new RunStore();
  const link = await shareLink([makeRun(store, 'a', 30, 7)], BASE);
  const data = new URL(link.url).hash.slice('#runs='.length);
  await refused(`#runs=${data.slice(0, Math.floor(data.length / 2))}`, /cut short|damaged/);
  // Hostile: a tiny link that unpacks to 16 MB of zeros.
  const bomb = toBase64Url(deflateRawSync(Buffer.alloc(16 * 1024 * 1024)));
  assert.ok(bomb.length < 100_000);
  await refused(`#runs=${bomb}`, /more than/);
  // Hostile: a header that claims to be longer than the data.
  const lying = new Uint8Array([0x4e, 0x4e, 0x52, 0x01, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]);
  await refused(`#runs=${toBase64Url(deflateRawSync(lying))}`, /cut short/);
  // Hostile: a well-formed header with a prototype-polluting tag.
  const header = (series: unknown, runs: unknown = [{ id: 'a', name: 'a', scalars: {}, status: 'done', startedAt: 1 }]) => {
    const json = new TextEncoder().encode(JSON.stringify({ doc: { format: 'nn-mathlets-runs', version: 1, runs }, series }));
    const bytes = new Uint8Array(8 + json.length + 3);
    bytes.set([0x4e, 0x4e, 0x52, 0x01]);
    new DataView(bytes.buffer).setUint32(4, json.length, true);
    bytes.set(json, 8);
    bytes.set([1, 1, 6], 8 + json.length); // one epoch, epoch 1; one value, code 3 (the range's low end)
    return `#runs=${toBase64Url(deflateRawSync(bytes))}`;
  };
  await refused(header([{ run: 0, tag: '__proto__', lo: 0, hi: 1 }]), /malformed/);
  await refused(header([{ run: 5, tag: 'loss', lo: 0, hi: 1 }]), /malformed/);
  await refused(header([{ run: 0, tag: 'loss', lo: 1, hi: 0 }]), /malformed/);
  await refused(header([]), /more values than it lists/);
  await refused(header([{ run: 0, tag: 'loss', lo: 0, hi: 1 }], [{ id: 'a', name: 'a', scalars: {}, status: 'hacked', startedAt: 1 }]), /status/);
  const ok = (await runsFromFragment(header([{ run: 0, tag: 'loss', lo: 0.5, hi: 1 }])))!;
  assert.deepEqual(ok[0].scalars, { loss: [0.5] }, 'the hand-made link itself is well formed');
  assert.equal(Object.getPrototypeOf(ok[0].scalars), Object.prototype);
});

test('fuzz: 600 damaged links (flipped, cut, spliced) each give runs or a RunFormatError, never anything else', async () => {
  const store = new RunStore();
  const link = await shareLink([makeRun(store, 'a', 80, 21, true), makeRun(store, 'b', 40, 22)], BASE);
  const data = new URL(link.url).hash.slice('#runs='.length);
  const bytes = fromBase64Url(data);
  const rs = new RandomState(12);
  let refused = 0;
  for (let k = 0; k < 600; k++) {
    const b = bytes.slice();
    const kind = k % 3;
    let text: string;
    if (kind === 0) {
      const flips = 1 + rs.randint(0, 4, 1)[0];
      for (let f = 0; f < flips; f++) b[rs.randint(0, b.length, 1)[0]] ^= 1 << rs.randint(0, 8, 1)[0];
      text = toBase64Url(b);
    } else if (kind === 1) text = data.slice(0, rs.randint(1, data.length, 1)[0]);
    else {
      const at = rs.randint(0, data.length, 1)[0];
      text = data.slice(0, at) + data.slice(rs.randint(at, data.length, 1)[0]) + 'A'.repeat(rs.randint(0, 5, 1)[0]);
    }
    try {
      const runs = await runsFromFragment(`#runs=${text}`);
      assert.ok(Array.isArray(runs));
      for (const r of runs!) for (const s of Object.values(r.scalars)) assert.equal(s.length, r.epochs!.length);
    } catch (e) {
      assert.ok(e instanceof RunFormatError, `case ${k}: ${e}`);
      refused++;
    }
  }
  assert.ok(refused > 500, `${refused} refused`);
});
