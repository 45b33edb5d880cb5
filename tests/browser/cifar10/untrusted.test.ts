// loadCifar10 in Chromium against servers whose headers lie (tests/browser/http-faults.mjs answers on the raw
// socket with the real 100-image file): sizes are checked against the bytes that arrive, never trusted.
import { expect } from '@open-wc/testing';
import { CIFAR10_CACHE_NAME, Cifar10Error, deleteCifar10Cache, loadCifar10 } from '../../../src/data/cifar10/index.js';
import { makeTar } from '../../node/cifar10/tar-writer.js';

const FILE = 'cifar10_tiny_100.bin';
const fault = (kind: string, query = '') => `/http-faults/${kind}/${FILE}${query}`;

async function cifarError(promise: Promise<unknown>, code: string): Promise<Cifar10Error> {
  let err: unknown;
  try {
    await promise;
  } catch (e) {
    err = e;
  }
  expect(err, String(err)).to.be.instanceOf(Cifar10Error);
  expect((err as Cifar10Error).code, (err as Error).message).to.equal(code);
  return err as Cifar10Error;
}

describe('loadCifar10 against lying headers, in the browser', () => {
  before(() => deleteCifar10Cache());
  after(() => deleteCifar10Cache());

  it('a body cut short names the bytes that arrived, also inside the first 512', async () => {
    const err = await cifarError(loadCifar10(fault('cut', '?at=155150&wait=1000')), 'truncated');
    expect(err.message).to.match(/ended after 155150 of 307300 bytes: the connection broke off/);
    const early = await cifarError(loadCifar10(fault('cut', '?at=300&wait=1000')), 'truncated');
    expect(early.message).to.match(/ended after 300 of 307300 bytes/);
    // Closed at once, Chromium drops what it had not handed over: the count is what the page read.
    const sudden = await cifarError(loadCifar10(fault('cut', '?at=155150')), 'truncated');
    const read = Number(/ended after (\d+) of 307300 bytes/.exec(sudden.message)?.[1]);
    expect(read).to.be.within(0, 155150);
  });

  it('Content-Length: 30730000000 or 3073000000 is refused as too large, not a RangeError', async () => {
    for (const length of ['30730000000', '3073000000']) {
      const err = await cifarError(loadCifar10(fault('declare', `?length=${length}`)), 'too-large');
      expect(err.message).to.contain(`its Content-Length declares ${length} bytes`);
      expect(err.message).to.contain('at most 60000 records');
    }
  });

  it('a body longer than its Content-Length is an overrun, with both counts', async () => {
    const err = await cifarError(loadCifar10(fault('longer', '?length=1000')), 'overrun');
    expect(err.message).to.match(/sent more than the 1000 bytes it declared \(at least \d+ arrived\)/);
  });

  it('a cross-origin Content-Length that counts gzip-encoded bytes is only a hint: the file loads', async () => {
    const other = new URL(fault('encoded'), location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const result = await loadCifar10(other.href);
    expect(result.train!.count).to.equal(100);
    // Cached without the hint as its length, so the copy reads back whole.
    const cached = await (await caches.open(CIFAR10_CACHE_NAME)).match(other.href);
    expect(cached!.headers.get('content-length')).to.equal(null);
    const again = await loadCifar10(other.href);
    expect([again.fromCache, again.train!.count]).to.deep.equal([true, 100]);
  });

  it('a 3 KB .tar.gz that declares a 30.7 GB batch is refused before anything is allocated', async () => {
    const tiny = new Uint8Array(await (await fetch(`/shared-data/cifar10/${FILE}`)).arrayBuffer());
    const name = 'cifar-10-batches-bin/data_batch_1.bin';
    const tar = makeTar([{ name, data: tiny.subarray(0, 3073), size: 30_730_000_000 }]);
    const gzipped = new Blob([tar]).stream().pipeThrough(new CompressionStream('gzip'));
    const gz = new Uint8Array(await new Response(gzipped).arrayBuffer());
    expect(gz.length).to.be.lessThan(4096);
    const err = await cifarError(loadCifar10(new File([gz], 'evil.tar.gz')), 'too-large');
    expect(err.message).to.contain('its tar header declares 30730000000 bytes (10000000 records)');
  });

  it('none of the refused loads leaves anything in Cache Storage', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the refused cache writes settle
    const keys = (await (await caches.open(CIFAR10_CACHE_NAME)).keys()).map((r) => new URL(r.url).pathname);
    expect(keys).to.deep.equal([fault('encoded')]);
  });
});
