import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  Cifar10Error,
  loadCifar10,
  parseCifar10,
  type Cifar10Progress,
} from '../../../src/data/cifar10/index.js';
import { readCifar } from './data.js';
import { rejectsWith } from './rejects.js';
import { FakeCache } from './fake-cache.js';
import { sendBytes, sendChunked, startServer, type TestServer } from './server.js';
import { cifarTestTar, makeTar } from './tar-writer.js';

const tiny = readCifar('cifar10_tiny_100.bin');
const whole = parseCifar10(tiny);
const first20 = parseCifar10(tiny.subarray(0, 20 * 3073));
const tarGz = new Uint8Array(gzipSync(cifarTestTar(tiny)));

async function rejectsAbort(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DOMException, `expected a DOMException, got ${String(err)}`);
    assert.equal(err.name, 'AbortError');
    return true;
  });
}

describe('loadCifar10 from bytes, Blobs and Files', () => {
  test('a .bin in memory gives its records, as train, with progress from 0 to the total', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(tiny, { onProgress: (p) => events.push(p) });
    assert.equal(result.batches.length, 1);
    assert.equal(result.batches[0].split, 'train');
    assert.deepEqual(result.train?.labels, whole.labels);
    assert.deepEqual(result.train?.images, whole.images);
    assert.equal(result.test, undefined);
    assert.equal(result.fromCache, false);
    assert.deepEqual(events[0], { loaded: 0, total: tiny.length });
    assert.deepEqual(events.at(-1), { loaded: tiny.length, total: tiny.length });
  });

  test('a File named test_batch.bin is the test split', async () => {
    const result = await loadCifar10(new File([tiny], 'test_batch.bin'));
    assert.equal(result.batches[0].name, 'test_batch.bin');
    assert.equal(result.train, undefined);
    assert.deepEqual(result.test?.labels, whole.labels);
  });

  test('a .tar.gz Blob gives data_batch_1 as train and test_batch as test, records equal to the file', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(new Blob([tarGz]), { onProgress: (p) => events.push(p) });
    assert.deepEqual(
      result.batches.map((b) => [b.name, b.split, b.data.count]),
      [
        ['cifar-10-batches-bin/data_batch_1.bin', 'train', 100],
        ['cifar-10-batches-bin/test_batch.bin', 'test', 20],
      ],
    );
    assert.deepEqual(result.train?.images, whole.images);
    assert.deepEqual(result.train?.labels, whole.labels);
    assert.deepEqual(result.test?.images, first20.images);
    assert.deepEqual(result.test?.labels, first20.labels);
    assert.deepEqual(events.at(-1), { loaded: tarGz.length, total: tarGz.length });
  });

  test('several train batches in an archive are joined in name order, each batch a view into the set', async () => {
    const r = (from: number, to: number) => tiny.subarray(from * 3073, to * 3073);
    const archive = gzipSync(
      makeTar([
        { name: 'b/data_batch_2.bin', data: r(40, 70) },
        { name: 'b/test_batch.bin', data: r(0, 5) },
        { name: 'b/data_batch_10.bin', data: r(70, 100) },
        { name: 'b/data_batch_1.bin', data: r(0, 40) },
      ]),
    );
    const result = await loadCifar10(new Uint8Array(archive));
    assert.deepEqual(
      result.batches.map((b) => b.name),
      ['b/data_batch_1.bin', 'b/data_batch_2.bin', 'b/data_batch_10.bin', 'b/test_batch.bin'],
    );
    assert.deepEqual(result.train?.images, whole.images);
    assert.deepEqual(result.train?.labels, whole.labels);
    assert.equal(result.batches[1].data.images.buffer, result.train?.images.buffer);
    assert.deepEqual(result.batches[1].data.labels, whole.labels.subarray(40, 70));
  });

  test('archive batches with long names (pax, GNU) are found', async () => {
    const dir = 'very-long-folder-name/'.repeat(6);
    const archive = gzipSync(
      makeTar([
        { name: dir + 'data_batch_1.bin', data: tiny, longName: 'pax' },
        { name: dir + 'test_batch.bin', data: tiny.subarray(0, 3073), longName: 'gnu' },
      ]),
    );
    const result = await loadCifar10(new Uint8Array(archive));
    assert.equal(result.train?.count, 100);
    assert.equal(result.test?.count, 1);
  });

  test('bad bytes: empty, a partial record, a label above 9', async () => {
    await rejectsWith(loadCifar10(new Uint8Array(0)), 'empty', /empty/);
    await rejectsWith(
      loadCifar10(new File([tiny.subarray(0, 3073 * 3 + 10)], 'x.bin')),
      'length',
      /x\.bin is 9229 bytes/,
      /3073/,
      /3 whole records and 10 leftover bytes/,
    );
    const bad = tiny.slice(0, 3073 * 4);
    bad[3073 * 2] = 200;
    await rejectsWith(loadCifar10(bad), 'label', /record 2 .*label 200/);
  });

  test('a .tar.gz that is not gzip, and gzip that is not tar', async () => {
    await rejectsWith(
      loadCifar10(new File([tiny], 'cifar-10-binary.tar.gz')),
      'not-gzip',
      /cifar-10-binary\.tar\.gz/,
      /not gzip/,
      /starts with bytes 06 3b 2b 32/,
    );
    await rejectsWith(loadCifar10(new Uint8Array(gzipSync(tiny))), 'not-tar', /not a tar archive/);
  });

  test('an archive without batches lists its entries (up to five)', async () => {
    const names = ['readme.html', 'batches.meta.txt', 'one.bin', 'two.bin', 'three.bin', 'four.bin', 'five.bin'].map(
      (n) => `a/${n}`,
    );
    const archive = gzipSync(makeTar(names.map((name) => ({ name, data: new Uint8Array(3073) }))));
    const err = await rejectsWith(
      loadCifar10(new File([archive], 'cifar.tgz')),
      'no-batches',
      /cifar\.tgz holds no CIFAR-10 batches/,
    );
    assert.match(err.message, /"a\/readme\.html", "a\/batches\.meta\.txt", "a\/one\.bin", "a\/two\.bin", /);
    assert.match(err.message, /"a\/three\.bin" and 2 more\.$/);
    await rejectsWith(loadCifar10(new Uint8Array(gzipSync(makeTar([])))), 'no-batches', /the archive is empty/);
  });

  test('an archive batch whose size is not whole records is refused by name', async () => {
    const archive = gzipSync(makeTar([{ name: 'c/data_batch_1.bin', data: tiny.subarray(0, 3073 * 2 + 1) }]));
    await rejectsWith(
      loadCifar10(new Uint8Array(archive)),
      'length',
      /c\/data_batch_1\.bin is 6147 bytes/,
      /2 whole records and 1 leftover byte/,
    );
  });

  test('a .tar.gz cut short is refused as truncated', async () => {
    await rejectsWith(
      loadCifar10(new File([tarGz.subarray(0, tarGz.length >> 1)], 'cut.tar.gz')),
      'truncated',
      /cut\.tar\.gz/,
    );
    // Cut inside the tar, at a gzip block boundary: compress a cut archive.
    const cutTar = gzipSync(cifarTestTar(tiny).subarray(0, 200_000));
    await rejectsWith(
      loadCifar10(new Uint8Array(cutTar)),
      'truncated',
      /ends inside entry "cifar-10-batches-bin\/data_batch_1\.bin"/,
    );
  });

  test('an HTML page in a file is refused', async () => {
    const page = new TextEncoder().encode('\n  <!DOCTYPE html><html><body>Not here</body></html>');
    await rejectsWith(loadCifar10(new File([page], 'data.bin')), 'html', /data\.bin is an HTML page/);
    await rejectsWith(loadCifar10(new File(['x'], 'page.html', { type: 'text/html' })), 'html', /page\.html/);
  });

  test('an aborted signal rejects with AbortError, before or during the read', async () => {
    await rejectsAbort(loadCifar10(tiny, { signal: AbortSignal.abort() }));
    const controller = new AbortController();
    const big = new Blob([tiny, tiny, tiny, tiny]);
    await rejectsAbort(
      loadCifar10(big, {
        signal: controller.signal,
        onProgress: ({ loaded }) => loaded > 0 && controller.abort(new Error('student pressed stop')),
      }),
    );
  });

  test('sources it cannot read are a TypeError', async () => {
    await assert.rejects(loadCifar10([]), TypeError);
    await assert.rejects(loadCifar10([42 as unknown as string]), TypeError);
  });
});

describe('loadCifar10 over HTTP', () => {
  let server: TestServer;
  const stalled: { end(): void }[] = [];
  before(async () => {
    server = await startServer({
      '/tiny.bin': sendBytes(tiny),
      '/cifar10_test_20.bin': sendBytes(tiny.subarray(0, 20 * 3073)),
      '/chunked.bin': sendChunked(tiny, 1000),
      '/cifar-10-binary.tar.gz': sendBytes(tarGz),
      '/served-encoded.tar.gz': sendBytes(new Uint8Array(gzipSync(cifarTestTar(tiny))), { 'content-encoding': 'gzip' }),
      '/fake.tar.gz': sendBytes(new TextEncoder().encode('PK\u0003\u0004 a zip, not gzip'.padEnd(600, '.'))),
      '/page.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html></html>');
      },
      '/index.bin': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('<!doctype html><p>SPA fallback');
      },
      '/forbidden.bin': (_req, res) => res.writeHead(403, 'Forbidden').end(),
      '/odd.bin': sendBytes(tiny.subarray(0, 3073 * 2 + 7)),
      '/cut.bin': (_req, res) => {
        res.writeHead(200, { 'content-length': tiny.length });
        res.write(tiny.subarray(0, 150_000), () => res.destroy());
      },
      '/stall.bin': (_req, res) => {
        res.writeHead(200, { 'content-length': tiny.length });
        res.write(tiny.subarray(0, 100_000));
        stalled.push(res); // never finishes: the test aborts it
      },
      '/no-answer.bin': (_req, res) => stalled.push(res),
    });
  });
  after(async () => {
    await server.close();
  });

  test('a .bin URL: records, and progress that climbs to the Content-Length', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(server.url('/tiny.bin'), { onProgress: (p) => events.push(p) });
    assert.deepEqual(result.train?.images, whole.images);
    assert.deepEqual(result.train?.labels, whole.labels);
    assert.equal(result.batches[0].name, server.url('/tiny.bin'));
    assert.equal(result.fromCache, false);
    assert.deepEqual(events[0], { loaded: 0, total: tiny.length });
    assert.deepEqual(events.at(-1), { loaded: tiny.length, total: tiny.length });
    for (let i = 1; i < events.length; i++) assert.ok(events[i].loaded > events[i - 1].loaded);
  });

  test('a body without Content-Length, in 1,000-byte pieces: records split across pieces, no total', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(server.url('/chunked.bin'), { onProgress: (p) => events.push(p) });
    assert.deepEqual(result.train?.images, whole.images);
    assert.equal(result.train?.images.buffer.byteLength, 100 * 3072);
    assert.ok(events.every((e) => e.total === undefined));
    assert.equal(events.at(-1)?.loaded, tiny.length);
  });

  test('a list of URLs: each is a batch, split by name, progress over all of them', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10([server.url('/tiny.bin'), new URL(server.url('/cifar10_test_20.bin'))], {
      onProgress: (p) => events.push(p),
    });
    assert.deepEqual(result.batches.map((b) => [b.split, b.data.count]), [['train', 100], ['test', 20]]);
    assert.deepEqual(result.test?.labels, first20.labels);
    assert.deepEqual(events.at(-1), { loaded: 120 * 3073, total: 120 * 3073 });
  });

  test('the official .tar.gz URL, and one a server sent with Content-Encoding: gzip', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(server.url('/cifar-10-binary.tar.gz'), { onProgress: (p) => events.push(p) });
    assert.equal(result.train?.count, 100);
    assert.deepEqual(result.test?.images, first20.images);
    assert.deepEqual(events.at(-1), { loaded: tarGz.length, total: tarGz.length });
    // fetch undoes the encoding, so the body is the plain tar.
    const decoded = await loadCifar10(server.url('/served-encoded.tar.gz'));
    assert.deepEqual(decoded.train?.labels, whole.labels);
    assert.equal(decoded.test?.count, 20);
  });

  test('an HTTP error status names the URL and the status', async () => {
    await rejectsWith(
      loadCifar10(server.url('/missing.bin')),
      'http',
      new RegExp(`${server.url('/missing.bin')}.*404`),
    );
    await rejectsWith(loadCifar10(server.url('/forbidden.bin')), 'http', /forbidden\.bin answered HTTP 403 Forbidden/);
  });

  test('an HTML page where data was expected names the URL (by content type or by its first bytes)', async () => {
    await rejectsWith(
      loadCifar10(server.url('/page.html')),
      'html',
      new RegExp(`${server.url('/page.html')} is an HTML page \\(text/html\\)`),
    );
    await rejectsWith(loadCifar10(server.url('/index.bin')), 'html', /index\.bin is an HTML page/);
  });

  test('a .tar.gz URL that is not gzip', async () => {
    await rejectsWith(
      loadCifar10(server.url('/fake.tar.gz')),
      'not-gzip',
      /fake\.tar\.gz is named like a \.tar\.gz but is not gzip data: it starts with bytes 50 4b 03 04/,
    );
  });

  test('truncated data: a partial record, and a body cut off before its Content-Length', async () => {
    await rejectsWith(
      loadCifar10(server.url('/odd.bin')),
      'length',
      /odd\.bin is 6153 bytes/,
      /2 whole records and 7 leftover bytes/,
    );
    const err = await loadCifar10(server.url('/cut.bin')).catch((e: unknown) => e);
    assert.ok(err instanceof Cifar10Error, String(err));
    assert.ok(['network', 'truncated'].includes(err.code), err.code);
    assert.match(err.message, /cut\.bin/);
  });

  test('abort while the body streams, and while waiting for headers: AbortError', async () => {
    const controller = new AbortController();
    await rejectsAbort(
      loadCifar10(server.url('/stall.bin'), {
        signal: controller.signal,
        onProgress: ({ loaded }) => loaded > 0 && controller.abort(),
      }),
    );
    const early = new AbortController();
    const pending = loadCifar10(server.url('/no-answer.bin'), { signal: early.signal });
    setTimeout(() => early.abort(), 50);
    await rejectsAbort(pending);
    for (const res of stalled) res.end();
  });

  test('a cache stores a URL once read and valid; the next load comes from it', async () => {
    const cache = new FakeCache();
    const first = await loadCifar10(server.url('/tiny.bin'), { cache });
    assert.equal(first.fromCache, false);
    assert.equal(cache.entries.get(server.url('/tiny.bin'))?.body.length, tiny.length);
    const hits = server.hits.get('/tiny.bin');
    const events: Cifar10Progress[] = [];
    const second = await loadCifar10(server.url('/tiny.bin'), { cache, onProgress: (p) => events.push(p) });
    assert.equal(second.fromCache, true);
    assert.equal(server.hits.get('/tiny.bin'), hits, 'no new request');
    assert.deepEqual(second.train?.images, whole.images);
    assert.deepEqual(events.at(-1), { loaded: tiny.length, total: tiny.length });
    // The compressed archive is cached as it came.
    const tgz = await loadCifar10(server.url('/cifar-10-binary.tar.gz'), { cache });
    assert.equal(tgz.fromCache, false);
    assert.deepEqual(cache.entries.get(server.url('/cifar-10-binary.tar.gz'))?.body, tarGz);
    assert.equal((await loadCifar10(server.url('/cifar-10-binary.tar.gz'), { cache })).test?.count, 20);
  });

  test('an abort or a bad body leaves nothing in the cache', async () => {
    const cache = new FakeCache();
    const controller = new AbortController();
    await rejectsAbort(
      loadCifar10(server.url('/stall.bin'), {
        cache,
        signal: controller.signal,
        onProgress: ({ loaded }) => loaded > 0 && controller.abort(),
      }),
    );
    await rejectsWith(loadCifar10(server.url('/odd.bin'), { cache }), 'length');
    await rejectsWith(loadCifar10(server.url('/index.bin'), { cache }), 'html');
    await loadCifar10(server.url('/cut.bin'), { cache }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 10)); // let the rejected puts settle
    assert.equal(cache.entries.size, 0);
    for (const res of stalled) res.end();
  });

  test('a cached copy that fails to parse is dropped, so the next load fetches afresh', async () => {
    const cache = new FakeCache();
    const url = server.url('/tiny.bin');
    cache.entries.set(url, { body: tiny.subarray(0, 5000), headers: new Headers() });
    await rejectsWith(loadCifar10(url, { cache }), 'length');
    assert.equal(cache.entries.has(url), false);
    assert.equal((await loadCifar10(url, { cache })).fromCache, false);
  });

  test('cache: false stores nothing', async () => {
    // In Node there is no Cache Storage, so the default also stores nothing; this checks the option is honoured.
    const result = await loadCifar10(server.url('/tiny.bin'), { cache: false });
    assert.equal(result.fromCache, false);
  });
});
