// loadCifar10 against sizes and names it must not trust: Content-Lengths that lie both ways, tar headers that
// declare gigabytes, entries whose paths leave the archive. Real HTTP (raw sockets on port 0), the real 100-image file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  CIFAR10_MAX_BYTES,
  CIFAR10_MAX_RECORDS,
  Cifar10Error,
  loadCifar10,
  parseCifar10,
} from '../../../src/data/cifar10/index.js';
import { ArchiveBatches } from '../../../src/data/cifar10/archive.js';
import { CIFAR10_MAX_ARCHIVE_BYTES, RecordBudget } from '../../../src/data/cifar10/limits.js';
import { RecordSink } from '../../../src/data/cifar10/record-sink.js';
import { readCifar } from './data.js';
import { rejectsWith } from './rejects.js';
import { FakeCache } from './fake-cache.js';
import { sendRaw, startServer, type TestServer } from './server.js';
import { makeTar, type TarInput } from './tar-writer.js';

const tiny = readCifar('cifar10_tiny_100.bin');
const whole = parseCifar10(tiny);
const MB = 1 << 20;

/** The most ArrayBuffer memory held above the start while `work` runs (sampled at each progress step and at the end). */
async function peakArrayBuffers(work: (sample: () => void) => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - start));
  await work(sample).catch(() => {});
  sample();
  return peak;
}

const gzTar = (files: TarInput[]) => new Uint8Array(gzipSync(makeTar(files)));

describe('sizes in HTTP headers are checked, never trusted', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      '/lies-30g.bin': sendRaw({ 'content-length': 30_730_000_000 }, tiny),
      '/lies-3g.bin': sendRaw({ 'content-length': 3_073_000_000 }, tiny),
      '/lies-150m.bin': sendRaw({ 'content-length': 50_000 * 3073 }, tiny),
      '/cut.bin': sendRaw({ 'content-length': tiny.length }, tiny.subarray(0, 155_150)),
      '/cut-early.bin': sendRaw({ 'content-length': tiny.length }, tiny.subarray(0, 300)),
      '/lies-30g.tar.gz': sendRaw({ 'content-length': 30_730_000_000 }, gzTar([{ name: 'b/data_batch_1.bin', data: tiny }])),
      // The official archive's size.
      '/lies-official.tar.gz': sendRaw({ 'content-length': 170_052_171 }, gzTar([{ name: 'b/data_batch_1.bin', data: tiny }])),
    });
  });
  after(() => server.close());

  test('Content-Length: 30730000000 (and 3073000000) is refused as too large, before anything is allocated', async () => {
    for (const [path, bytes, records] of [
      ['/lies-30g.bin', 30_730_000_000, 10_000_000],
      ['/lies-3g.bin', 3_073_000_000, 1_000_000],
    ] as const) {
      let err: unknown;
      const peak = await peakArrayBuffers(() => loadCifar10(server.url(path)).catch((e: unknown) => (err = e)));
      assert.ok(err instanceof Cifar10Error, String(err));
      assert.equal(err.code, 'too-large', err.message);
      assert.match(err.message, new RegExp(`its Content-Length declares ${bytes} bytes \\(${records} records\\)`));
      assert.match(err.message, new RegExp(`at most ${CIFAR10_MAX_RECORDS} records \\(${CIFAR10_MAX_BYTES} bytes`));
      assert.ok(peak < 16 * MB, `held ${(peak / MB).toFixed(1)} MB`);
    }
  });

  test('a Content-Length under the limit reserves at most one batch ahead of the bytes; the shortfall is named', async () => {
    let err: unknown;
    const peak = await peakArrayBuffers((sample) =>
      loadCifar10(server.url('/lies-150m.bin'), { onProgress: sample }).catch((e: unknown) => (err = e)),
    );
    assert.ok(err instanceof Cifar10Error, String(err));
    assert.equal(err.code, 'truncated', err.message);
    assert.match(err.message, new RegExp(`ended after ${tiny.length} of ${50_000 * 3073} bytes`));
    // One official batch (30.7 MB) at most, not the 153.65 MB declared.
    assert.ok(peak < 40 * MB, `held ${(peak / MB).toFixed(1)} MB for a 153.65 MB declaration`);
  });

  test('a body cut short gives the bytes that arrived, also when it stops inside the first 512', async () => {
    await rejectsWith(loadCifar10(server.url('/cut.bin')), 'truncated', /cut\.bin ended after 155150 of 307300 bytes/);
    await rejectsWith(loadCifar10(server.url('/cut-early.bin')), 'truncated', /ended after 300 of 307300 bytes/);
  });

  test('a .tar.gz whose Content-Length lies: beyond any CIFAR-10 file, too large at once; else cut short', async () => {
    await rejectsWith(loadCifar10(server.url('/lies-30g.tar.gz')), 'too-large', /declares 30730000000 bytes/);
    const err = await rejectsWith(loadCifar10(server.url('/lies-official.tar.gz')), 'truncated', /of 170052171 bytes/);
    assert.match(err.message, /ended after \d+ of/);
  });

  test('a cut download and a lying one leave nothing in the cache', async () => {
    const cache = new FakeCache();
    await loadCifar10(server.url('/cut.bin'), { cache }).catch(() => {});
    await loadCifar10(server.url('/lies-150m.bin'), { cache }).catch(() => {});
    await loadCifar10(server.url('/lies-30g.bin'), { cache }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 10)); // let the refused puts settle
    assert.equal(cache.entries.size, 0);
  });
});

describe('a cached copy whose stored length disagrees with its body', () => {
  const url = 'http://127.0.0.1:9/never-fetched.bin';
  test('more bytes than it declares: overrun, with both counts; the entry is dropped', async () => {
    const cache = new FakeCache();
    cache.entries.set(url, { body: tiny, headers: new Headers({ 'content-length': String(3073 * 40) }) });
    await rejectsWith(
      loadCifar10(url, { cache }),
      'overrun',
      /sent more than the 122920 bytes it declared \(at least \d+ arrived\)/,
    );
    assert.equal(cache.entries.has(url), false);
  });

  test('fewer bytes than it declares: truncated, with both counts; the entry is dropped', async () => {
    const cache = new FakeCache();
    const headers = new Headers({ 'content-length': String(tiny.length) });
    cache.entries.set(url, { body: tiny.subarray(0, 3073 * 40), headers });
    await rejectsWith(loadCifar10(url, { cache }), 'truncated', /ended after 122920 of 307300 bytes/);
    assert.equal(cache.entries.has(url), false);
  });
});

describe('sizes in tar headers', () => {
  test('a 3 KB .tar.gz declaring a 30.7 GB batch is refused before anything is allocated', async () => {
    const name = 'cifar-10-batches-bin/data_batch_1.bin';
    const archive = gzTar([{ name, data: tiny.subarray(0, 3073), size: 30_730_000_000 }]);
    assert.ok(archive.length < 4096, `${archive.length} bytes`);
    let err: unknown;
    const peak = await peakArrayBuffers(() => loadCifar10(new File([archive], 'evil.tar.gz')).catch((e: unknown) => (err = e)));
    assert.ok(err instanceof Cifar10Error, String(err));
    assert.equal(err.code, 'too-large', err.message);
    assert.match(err.message, /^evil\.tar\.gz: cifar-10-batches-bin\/data_batch_1\.bin: /);
    assert.match(err.message, /its tar header declares 30730000000 bytes \(10000000 records\)/);
    assert.ok(peak < 16 * MB, `held ${(peak / MB).toFixed(1)} MB`);
  });

  test('a batch declared larger than one batch file but cut short reserves one batch at most, and says how much came', async () => {
    const archive = gzTar([{ name: 'b/data_batch_1.bin', data: tiny.subarray(0, 3073 * 2), size: 50_000 * 3073 }]);
    let err: unknown;
    const peak = await peakArrayBuffers(() => loadCifar10(new Uint8Array(archive)).catch((e: unknown) => (err = e)));
    assert.ok(err instanceof Cifar10Error, String(err));
    assert.equal(err.code, 'truncated', err.message);
    assert.match(err.message, /ends inside entry "b\/data_batch_1\.bin" \(\d+ of 153650000 bytes\)/);
    assert.ok(peak < 40 * MB, `held ${(peak / MB).toFixed(1)} MB for a 153.65 MB declaration`);
  });

  test('batches that together declare more than CIFAR-10 has: the one that crosses the limit is named', async () => {
    // The first batch's records are all there; the second declares more than the 59,900 left.
    const archive = gzTar([
      { name: 'b/data_batch_1.bin', data: tiny },
      { name: 'b/data_batch_2.bin', data: tiny.subarray(0, 3073), size: 59_901 * 3073 },
    ]);
    await rejectsWith(
      loadCifar10(new Uint8Array(archive)),
      'too-large',
      /b\/data_batch_2\.bin: its tar header declares 184075773 bytes \(59901 records\)/,
      /one load holds at most 60000 records .*\(100 are loaded from other files\)/,
    );
  });
});

describe('an archive that does not end', () => {
  test('stops at what the CIFAR-10 archive can hold, without keeping what it read', () => {
    const archive = new ArchiveBatches('endless.tar');
    const piece = new Uint8Array(MB);
    let written = 0;
    assert.throws(
      () => {
        for (;;) {
          archive.write(piece);
          written += piece.length;
        }
      },
      (e: unknown) => e instanceof Cifar10Error && e.code === 'too-large' && /goes on past 201157216 bytes/.test(e.message),
    );
    assert.equal(written, Math.floor(CIFAR10_MAX_ARCHIVE_BYTES / MB) * MB);
  });
});

describe('archive entries outside the expected set', () => {
  const batch = tiny.subarray(0, 3073 * 3);

  test('a batch name whose path leaves the archive, or that is a link, is refused by name', async () => {
    const cases: [TarInput, RegExp][] = [
      [{ name: '../data_batch_1.bin', data: batch }, /"\.\.\/data_batch_1\.bin" .* has "\.\." in its path/],
      [{ name: 'a/../../test_batch.bin', data: batch }, /has "\.\." in its path/],
      [{ name: '/etc/data_batch_1.bin', data: batch }, /"\/etc\/data_batch_1\.bin" .* has an absolute path/],
      [{ name: 'C:/x/data_batch_2.bin', data: batch }, /has an absolute path/],
      [{ name: 'b/data_batch_1.bin', typeflag: '2' }, /"b\/data_batch_1\.bin" is named like a CIFAR-10 batch but is a symbolic link/],
      [{ name: 'b/test_batch.bin', typeflag: '1' }, /is a hard link, not a file/],
      [{ name: 'b/data_batch_3.bin/', type: '5' }, /is a folder, not a file/],
      [{ name: 'b\u0007/data_batch_1.bin', data: batch }, /control character/],
    ];
    for (const [entry, pattern] of cases) {
      // A good batch first: the bad entry is refused all the same.
      const archive = gzTar([{ name: 'ok/data_batch_4.bin', data: batch }, entry]);
      await rejectsWith(loadCifar10(new File([archive], 'x.tar.gz')), 'bad-entry', /^x\.tar\.gz/, pattern);
    }
  });

  test('the same batch twice, in two folders, is refused: its images would count twice', async () => {
    const archive = gzTar([
      { name: 'a/data_batch_1.bin', data: batch },
      { name: 'b/data_batch_1.bin', data: batch },
    ]);
    await rejectsWith(
      loadCifar10(new Uint8Array(archive)),
      'bad-entry',
      /holds data_batch_1\.bin twice \("a\/data_batch_1\.bin" and "b\/data_batch_1\.bin"\)/,
    );
  });

  test('other unexpected entries are skipped unread and named in `ignored`; the official extras are not', async () => {
    const archive = gzTar([
      { name: './cifar-10-batches-bin/', type: '5' },
      { name: './cifar-10-batches-bin/data_batch_1.bin', data: tiny },
      { name: './cifar-10-batches-bin/batches.meta.txt', data: new TextEncoder().encode('airplane\n') },
      { name: './cifar-10-batches-bin/readme.html', data: new TextEncoder().encode('<p>readme</p>') },
      { name: '../../.bashrc', data: new TextEncoder().encode('rm -rf ~') },
      { name: 'b\\data_batch_2.bin', data: batch },
      { name: 'b/data_batch_2.bin?x', data: batch },
      { name: 'b/link', typeflag: '2' },
      { name: '../readme.html', data: new Uint8Array(3) },
    ]);
    const result = await loadCifar10(new File([archive], 'cifar-10-binary.tar.gz'));
    assert.deepEqual(result.train?.labels, whole.labels);
    assert.equal(result.batches.length, 1);
    assert.deepEqual(result.ignored, [
      'cifar-10-binary.tar.gz: ../../.bashrc',
      'cifar-10-binary.tar.gz: b\\data_batch_2.bin',
      'cifar-10-binary.tar.gz: b/data_batch_2.bin?x',
      'cifar-10-binary.tar.gz: b/link',
      'cifar-10-binary.tar.gz: ../readme.html',
    ]);
  });

  test('an archive of thousands of entries keeps a bounded list, and the message counts them all', async () => {
    const names = Array.from({ length: 2500 }, (_, i) => ({ name: `junk/${i}.txt` }));
    const err = await rejectsWith(loadCifar10(new Uint8Array(gzTar(names))), 'no-batches');
    assert.match(err.message, /"junk\/0\.txt", .* "junk\/4\.txt" and 2495 more\.$/);
  });
});

describe('RecordSink storage', () => {
  test('grows as records arrive, ends exactly at the declared size, and refuses records past it', () => {
    const sink = new RecordSink('s', { declared: { by: 'declares', bytes: tiny.length } });
    for (let i = 0; i < tiny.length; i += 5000) sink.write(tiny.subarray(i, i + 5000));
    const data = sink.finish();
    assert.equal(data.images.buffer.byteLength, 100 * 3072);
    assert.deepEqual(data.images, whole.images);
    const over = new RecordSink('s', { declared: { by: 'declares', bytes: 3073 } });
    assert.throws(
      () => over.write(tiny.subarray(0, 3074)),
      (e: unknown) => e instanceof Cifar10Error && e.code === 'overrun',
    );
  });

  test('one budget for a load: sources that grow together stop at its limit', () => {
    const budget = new RecordBudget(150);
    const a = new RecordSink('a', { budget });
    const b = new RecordSink('b', { budget });
    a.write(tiny);
    assert.throws(
      () => b.write(tiny),
      (e: unknown) =>
        e instanceof Cifar10Error && e.code === 'too-large' && /^b: brings the load past 150 records/.test(e.message),
    );
  });
});
