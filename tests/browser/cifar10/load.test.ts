// loadCifar10 in a real browser: over HTTP from the test server (which serves ../shared/data at /shared-data/),
// from Blobs, from a .tar.gz made here with CompressionStream, and with Cache Storage.
import { expect } from '@open-wc/testing';
import {
  CIFAR10_CACHE_NAME,
  Cifar10Error,
  deleteCifar10Cache,
  loadCifar10,
  parseCifar10,
  type Cifar10Progress,
} from '../../../src/data/cifar10/index.js';
import { TINY_FIRST_LABELS, TINY_PIXELS, chw } from '../../node/cifar10/expected.js';
import { cifarTestTar } from '../../node/cifar10/tar-writer.js';

const TINY_URL = '/shared-data/cifar10/cifar10_tiny_100.bin';
const BIG_URL = '/shared-data/cifar10/cifar10_train_10k.bin';
const absolute = (url: string) => new URL(url, location.href).href;

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the load to fail');
}

async function cifarError(promise: Promise<unknown>, code: string): Promise<Cifar10Error> {
  const err = await rejection(promise);
  expect(err, String(err)).to.be.instanceOf(Cifar10Error);
  expect((err as Cifar10Error).code, (err as Error).message).to.equal(code);
  return err as Cifar10Error;
}

async function cachedEntry(url: string): Promise<Response | undefined> {
  return (await caches.open(CIFAR10_CACHE_NAME)).match(absolute(url));
}

let tiny: Uint8Array<ArrayBuffer>;

describe('loadCifar10 in the browser', () => {
  before(async () => {
    await deleteCifar10Cache();
    tiny = new Uint8Array(await (await fetch(TINY_URL)).arrayBuffer());
  });
  after(async () => {
    await deleteCifar10Cache();
  });

  it('loads the 100-image file over HTTP, with progress that reaches the total', async () => {
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(TINY_URL, { cache: false, onProgress: (p) => events.push(p) });
    const data = result.train!;
    expect(data.count).to.equal(100);
    expect(Array.from(data.labels.subarray(0, 20))).to.deep.equal(TINY_FIRST_LABELS);
    for (const [n, y, x, rgb] of TINY_PIXELS) {
      expect([0, 1, 2].map((c) => chw(data.images, n, c, y, x))).to.deep.equal(rgb);
    }
    expect(events[0]).to.deep.equal({ loaded: 0, total: 307300 });
    expect(events.at(-1)).to.deep.equal({ loaded: 307300, total: 307300 });
    expect(result.fromCache).to.equal(false);
  });

  it('loads a File and a .tar.gz Blob made with CompressionStream', async () => {
    const fromFile = await loadCifar10(new File([tiny], 'data_batch_1.bin'));
    expect(Array.from(fromFile.train!.labels)).to.deep.equal(Array.from(parseCifar10(tiny).labels));

    const archive = await gzip(cifarTestTar(tiny));
    const events: Cifar10Progress[] = [];
    const result = await loadCifar10(new Blob([archive]), { onProgress: (p) => events.push(p) });
    expect(result.batches.map((b) => [b.name, b.data.count])).to.deep.equal([
      ['cifar-10-batches-bin/data_batch_1.bin', 100],
      ['cifar-10-batches-bin/test_batch.bin', 20],
    ]);
    expect(result.train!.images).to.deep.equal(parseCifar10(tiny).images);
    expect(Array.from(result.test!.labels)).to.deep.equal(TINY_FIRST_LABELS);
    expect(events.at(-1)).to.deep.equal({ loaded: archive.length, total: archive.length });
  });

  it('refuses a cut-short .tar.gz, and a .tar.gz that is not gzip', async () => {
    const archive = await gzip(cifarTestTar(tiny));
    await cifarError(loadCifar10(new File([archive.subarray(0, 100_000)], 'cut.tar.gz')), 'truncated');
    const err = await cifarError(loadCifar10(new File([tiny], 'cifar-10-binary.tar.gz')), 'not-gzip');
    expect(err.message).to.contain('cifar-10-binary.tar.gz');
  });

  it('names the URL and the status of a 404', async () => {
    const url = '/shared-data/cifar10/no_such_file.bin';
    const err = await cifarError(loadCifar10(url, { cache: false }), 'http');
    expect(err.message).to.contain(url);
    expect(err.message).to.contain('404');
  });

  it('refuses an HTML page where data was expected, naming the URL', async () => {
    // The test page itself: the server sends it as text/html.
    const here = location.href;
    expect((await cifarError(loadCifar10(here, { cache: false }), 'html')).message).to.contain(here);
    const page = URL.createObjectURL(new Blob(['<!doctype html><title>x</title>'], { type: 'text/html' }));
    try {
      const err = await cifarError(loadCifar10(page), 'html');
      expect(err.message).to.contain(page);
    } finally {
      URL.revokeObjectURL(page);
    }
    // Sniffed from the body when the type says nothing.
    const untyped = URL.createObjectURL(new Blob(['<html><body>Sign in</body></html>']));
    try {
      expect((await cifarError(loadCifar10(untyped), 'html')).message).to.contain(untyped);
    } finally {
      URL.revokeObjectURL(untyped);
    }
    const data = 'data:text/html,<p>hello</p>';
    expect((await cifarError(loadCifar10(data), 'html')).message).to.contain('data:text/html');
  });

  it('an abort mid-load rejects with AbortError and leaves nothing in Cache Storage', async () => {
    await deleteCifar10Cache();
    const controller = new AbortController();
    let seen: Cifar10Progress | undefined;
    const err = await rejection(
      loadCifar10(BIG_URL, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.loaded > 0 && !seen) {
            seen = p;
            controller.abort();
          }
        },
      }),
    );
    expect(err).to.be.instanceOf(DOMException);
    expect((err as DOMException).name).to.equal('AbortError');
    expect(seen!.loaded).to.be.lessThan(seen!.total!);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the refused cache write settle
    expect(await cachedEntry(BIG_URL)).to.equal(undefined);
    expect(await (await caches.open(CIFAR10_CACHE_NAME)).keys()).to.have.length(0);
  });

  it('a load that fails validation leaves nothing in the cache', async () => {
    // A text file served as octet-stream: its first byte, '#', is no label.
    await cifarError(loadCifar10('/shared-data/cifar10/cifar10_tiny_100_index.txt'), 'label');
    expect(await cachedEntry('/shared-data/cifar10/cifar10_tiny_100_index.txt')).to.equal(undefined);
  });

  it('stores a load in Cache Storage, and a second load comes from the cache', async () => {
    await deleteCifar10Cache();
    const first = await loadCifar10(TINY_URL);
    expect(first.fromCache).to.equal(false);
    const entry = await cachedEntry(TINY_URL);
    expect(entry, 'cached after the first load').to.not.equal(undefined);
    expect((await entry!.arrayBuffer()).byteLength).to.equal(307300);

    const events: Cifar10Progress[] = [];
    const second = await loadCifar10(TINY_URL, { onProgress: (p) => events.push(p) });
    expect(second.fromCache).to.equal(true);
    expect(second.train!.images).to.deep.equal(first.train!.images);
    expect(Array.from(second.train!.labels)).to.deep.equal(Array.from(first.train!.labels));
    expect(events.at(-1)).to.deep.equal({ loaded: 307300, total: 307300 });
  });
});
