// Exports of runs (src/runs): TensorBoard event files read back by the tests' own decoder, the log directory, the
// zip (unpacked with Node's zlib), CSV, and JSON that comes back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import {
  RunStore,
  tensorBoardEventFile,
  tensorBoardLogdir,
  tensorBoardZip,
  eventFileName,
  runsToCsv,
  runsToJson,
  parseRunsJson,
  crc32c,
  maskedCrc32c,
  zipFiles,
  histogramOf,
  RunFormatError,
  type RunRecord,
} from '../../../src/runs/index.js';
import { readEvents, records, crc32cBitwise, masked } from './tb-reader.js';

/** A run as a 2-D lab records it: 4 epochs of scalars (one NaN), times, an lr tag, two histograms. */
function sampleRun(): RunRecord {
  const store = new RunStore();
  const run = store.add({ name: 'nn-trainer#p7 · l1', source: 'nn-trainer', spec: { train: { optimizer: { name: 'adam' } } }, startedAt: 1_700_000_000_000 });
  const logs = [
    { loss: 0.69, accuracy: 0.5, val_loss: 0.7, val_accuracy: 0.48, lr: 0.001 },
    { loss: 0.5, accuracy: 0.75, val_loss: 0.55, val_accuracy: 0.7, lr: 0.001 },
    { loss: 0.41, accuracy: 0.81, val_loss: 0.52, val_accuracy: 0.74, lr: 0.0005 },
    { loss: NaN, accuracy: 0.8, val_loss: 0.6, val_accuracy: 0.73, lr: 0.0005 },
  ];
  logs.forEach((l, i) => {
    store.appendEpoch(run.id, l, run.startedAt + 1000 * (i + 1) + 250);
    store.appendHistograms(run.id, { 'dense/kernel_0': [-1, -0.5, 0, 0.25, 0.5, 1 + i], 'dense/bias_0': [0.1 * i, 0.2] }, 5);
  });
  store.end(run.id, 'diverged', { markers: { nanEpoch: 4, lrChanges: [3] }, summary: { testAccuracy: 0.72 } });
  return run;
}

test('CRC-32C: the table matches a bitwise computation and the standard check value', () => {
  const check = new TextEncoder().encode('123456789');
  assert.equal(crc32c(check), 0xe3069283);
  assert.equal(crc32cBitwise(check), 0xe3069283);
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff);
  assert.equal(crc32c(bytes), crc32cBitwise(bytes));
  assert.equal(maskedCrc32c(bytes), masked(crc32cBitwise(bytes)));
});

test('an event file: file_version first, then one event per epoch and tag with its value, step and wall time', () => {
  const run = sampleRun();
  const events = readEvents(tensorBoardEventFile(run));
  assert.equal(events[0].fileVersion, 'brain.Event:2');
  assert.equal(events[0].wallTime, 1_700_000_000);
  const scalars = events.filter((e) => e.values[0]?.simple !== undefined);
  assert.equal(scalars.length, 4 * 5, 'one event per epoch and tag');
  for (const e of scalars) assert.equal(e.values.length, 1);
  for (const [tag, series] of Object.entries(run.scalars)) {
    const mine = scalars.filter((e) => e.values[0].tag === tag);
    assert.deepEqual(mine.map((e) => e.step), [0, 1, 2, 3], `${tag} steps are epochs from 0, as Keras writes them`);
    mine.forEach((e, i) => {
      if (Number.isNaN(series[i])) assert.ok(Number.isNaN(e.values[0].simple), `${tag} NaN stays NaN`);
      else assert.equal(e.values[0].simple, Math.fround(series[i]), `${tag} epoch ${i + 1}`);
      assert.equal(e.wallTime, 1_700_000_000 + i + 1.25);
    });
  }
  const histos = events.filter((e) => e.values[0]?.histo);
  assert.equal(histos.length, 8);
  const k = histos.filter((e) => e.values[0].tag === 'dense/kernel_0');
  assert.deepEqual(k.map((e) => e.step), [0, 1, 2, 3]);
  const h = k[2].values[0].histo!;
  // Epoch 3: values -1, -0.5, 0, 0.25, 0.5, 3 in 5 buckets of width 0.8 from -1.
  assert.deepEqual([h.min, h.max, h.num, h.sum], [-1, 3, 6, 2.25]);
  assert.equal(h.sumSquares, 1 + 0.25 + 0 + 0.0625 + 0.25 + 9);
  assert.deepEqual(h.bucket, [2, 3, 0, 0, 1]);
  assert.deepEqual(h.bucketLimit.map((x) => Number(x.toFixed(12))), [-0.2, 0.6, 1.4, 2.2, 3]);
  assert.equal(h.bucketLimit.at(-1), h.max, 'the last limit is the max, as TensorBoard reads it');
});

test('a damaged event file is caught by the reader’s CRC checks (the checks can fail)', () => {
  const file = tensorBoardEventFile(sampleRun());
  assert.equal(records(file).length > 10, true);
  const flipped = file.slice();
  flipped[40] ^= 1;
  assert.throws(() => records(flipped), /CRC/);
  assert.throws(() => records(file.subarray(0, file.length - 3)), /cut short|CRC/);
});

test('Keras’s layout: <run>/train and <run>/validation, epoch_ tags, histograms with train', () => {
  const run = sampleRun();
  const files = tensorBoardLogdir([run, { ...run, id: 'x' }]);
  const name = eventFileName(run);
  assert.equal(name, 'events.out.tfevents.1700000000.nn-mathlets');
  assert.deepEqual(files.map((f) => f.path), [
    `nn-trainer_p7_l1/train/${name}`,
    `nn-trainer_p7_l1/validation/${name}`,
    `nn-trainer_p7_l1-2/train/${name}`,
    `nn-trainer_p7_l1-2/validation/${name}`,
  ]);
  const tags = (i: number) => [...new Set(readEvents(files[i].data).flatMap((e) => e.values.map((v) => v.tag)))].sort();
  assert.deepEqual(tags(0), ['dense/bias_0', 'dense/kernel_0', 'epoch_accuracy', 'epoch_learning_rate', 'epoch_loss']);
  assert.deepEqual(tags(1), ['epoch_accuracy', 'epoch_loss']);
  const val = readEvents(files[1].data).filter((e) => e.values[0]?.tag === 'epoch_loss');
  assert.deepEqual(val.map((e) => e.values[0].simple), run.scalars.val_loss.map(Math.fround));
  const flat = tensorBoardLogdir([run], { layout: 'flat', host: 'my host' });
  assert.deepEqual(flat.map((f) => f.path), ['nn-trainer_p7_l1/events.out.tfevents.1700000000.my-host']);
});

/** Reads a zip with its central directory; inflates with Node's zlib and checks each CRC-32 with zlib's. */
function unzip(zip: Uint8Array): Map<string, Uint8Array> {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  assert.equal(dv.getUint32(end, true), 0x06054b50);
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    assert.equal(dv.getUint32(at, true), 0x02014b50);
    const method = dv.getUint16(at + 10, true);
    const crc = dv.getUint32(at + 16, true);
    const size = dv.getUint32(at + 20, true);
    const nameLen = dv.getUint16(at + 28, true);
    const local = dv.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen));
    assert.equal(dv.getUint32(local, true), 0x04034b50);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const body = zip.subarray(start, start + size);
    const data = method === 8 ? new Uint8Array(inflateRawSync(body)) : body;
    assert.equal(zlibCrc32(data), crc, `${name} CRC`);
    out.set(name, data);
    at += 46 + nameLen;
  }
  return out;
}

test('the zip of a log directory unpacks (deflated or stored) to the same event files', async () => {
  const run = sampleRun();
  const files = tensorBoardLogdir([run]);
  const unpacked = unzip(await tensorBoardZip([run]));
  assert.deepEqual([...unpacked.keys()], files.map((f) => f.path));
  for (const f of files) assert.deepEqual(unpacked.get(f.path), f.data);
  const stored = unzip(await zipFiles([{ path: 'ä/b.txt', data: new TextEncoder().encode('hello') }], { deflate: false }));
  assert.equal(new TextDecoder().decode(stored.get('ä/b.txt')), 'hello');
});

test('JSON export comes back exactly: NaN, ±Infinity, −0, histograms, markers, spec', () => {
  const run = sampleRun();
  run.scalars.loss.push(Infinity);
  run.scalars.accuracy.push(-0);
  run.summary.weird = -Infinity;
  const back = parseRunsJson(runsToJson([run]));
  assert.deepStrictEqual(back, [structuredClone(run)]);
});

test('a runs file that is not right is refused with a message naming the field', () => {
  const good = JSON.parse(runsToJson([sampleRun()]));
  const bad = (mutate: (d: any) => void, pattern: RegExp) => {
    const d = structuredClone(good);
    mutate(d);
    assert.throws(() => parseRunsJson(JSON.stringify(d)), (e: unknown) => e instanceof RunFormatError && pattern.test(e.message));
  };
  assert.throws(() => parseRunsJson('{"format":'), /not JSON/);
  bad((d) => (d.format = 'other'), /not a runs file/);
  bad((d) => (d.version = 2), /version 2/);
  bad((d) => (d.runs[0].scalars.loss[1] = 'x'), /runs\[0\]\.scalars\.loss\[1\] must be a number/);
  bad((d) => (d.runs[0].status = 'flying'), /status "flying"/);
  bad((d) => (d.runs[0].name = ''), /name is empty/);
  bad((d) => (d.runs[0].markers.nanEpoch = 0), /nanEpoch must be an epoch number/);
  bad((d) => d.runs.push(d.runs[0]), /two runs have the id/);
  bad((d) => (d.runs[0].histograms['dense/kernel_0'][0].counts = []), /counts must hold/);
  bad((d) => (d.runs = new Array(501).fill(d.runs[0])), /more than 500/);
  assert.throws(() => parseRunsJson('{"format":"nn-mathlets-runs","version":1,"runs":[{"__proto__":{}}]}'), /id must be text/);
  const proto = JSON.stringify(good).replace('"loss":', '"__proto__":');
  assert.throws(() => parseRunsJson(proto), /__proto__/);
  // Unknown fields are dropped, not carried.
  const extra = structuredClone(good);
  extra.runs[0].evil = 'x';
  assert.equal('evil' in parseRunsJson(JSON.stringify(extra))[0], false);
});

test('CSV: one row per run, tag and epoch, quoted where needed', () => {
  const run = sampleRun();
  run.name = 'a, "b"';
  const lines = runsToCsv([run]).trim().split('\n');
  assert.equal(lines[0], 'run,tag,epoch,step,wall_time,value');
  assert.equal(lines.length, 1 + 5 * 4);
  assert.equal(lines[1], '"a, ""b""",loss,1,0,1700000001.25,0.69');
  assert.ok(lines.includes('"a, ""b""",loss,4,3,1700000004.25,NaN'));
  run.name = '=cmd()';
  assert.match(runsToCsv([run]).split('\n')[1], /^'=cmd\(\),loss/);
});

test('histogramOf: TensorBoard’s equal-width buckets, constant data in the last bucket, non-finite left out', () => {
  assert.deepEqual(histogramOf([0, 1, 2, 3], 1, 3).counts, [1, 1, 2]);
  assert.deepEqual(histogramOf([2, 2, NaN], 1, 4), { epoch: 1, min: 2, max: 2, num: 2, sum: 4, sumSquares: 8, counts: [0, 0, 0, 2] });
  assert.deepEqual(histogramOf([], 3, 2), { epoch: 3, min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, counts: [0, 0] });
  assert.throws(() => histogramOf([1], 1, 0), /buckets/);
});
