import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cifar10Error } from '../../../src/data/cifar10/index.js';
import { TarReader, type TarEntry } from '../../../src/data/cifar10/tar-reader.js';
import { join, makeTar, type TarInput } from './tar-writer.js';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
// Over 100 bytes, so the name field cannot hold it (30 × 'pre/' still fits the 155-byte ustar prefix).
const longPath = (dir: string, file: string) => `${dir}/`.repeat(30) + file;

const FILES: TarInput[] = [
  { name: 'top/', type: '5' },
  { name: 'top/small.bin', data: bytes(5, 1) },
  { name: 'top/exact.bin', data: bytes(1024, 2) },
  { name: 'top/empty.txt' },
  { name: longPath('pre', 'with-prefix.bin'), data: bytes(700, 3), longName: 'prefix' },
  { name: longPath('pax', 'with-pax.bin'), data: bytes(513, 4), longName: 'pax' },
  { name: longPath('gnu', 'with-gnu.bin'), data: bytes(3000, 5), longName: 'gnu' },
  { name: 'last.bin', data: bytes(1, 6) },
];

/** Reads `archive` in pieces of `size` bytes; returns the entries and every file's collected bytes. */
function read(archive: Uint8Array, size: number, finish = true) {
  const files = new Map<string, Uint8Array[]>();
  const reader = new TarReader('test.tar', (entry: TarEntry) => {
    const parts: Uint8Array[] = [];
    files.set(entry.name, parts);
    return (piece) => parts.push(piece.slice());
  });
  for (let i = 0; i < archive.length; i += size) reader.push(archive.subarray(i, i + size));
  if (finish) reader.finish();
  return { entries: reader.entries, files: new Map([...files].map(([k, v]) => [k, join(v)])) };
}

for (const size of [1, 7, 511, 512, 513, 4096, Infinity]) {
  test(`TarReader reads ustar prefix, pax and GNU long names and every file's bytes, in ${size}-byte pieces`, () => {
    const archive = makeTar(FILES);
    const { entries, files } = read(archive, size === Infinity ? archive.length : size);
    assert.deepEqual(
      entries.map((e) => [e.name, e.size, e.type]),
      FILES.map((f) => [f.name, f.data?.length ?? 0, f.type ?? '0']),
    );
    for (const f of FILES.filter((f) => (f.type ?? '0') === '0')) {
      assert.deepEqual(files.get(f.name), f.data ?? new Uint8Array(0), f.name);
    }
  });
}

test('TarReader skips entries it is not given a writer for', () => {
  let seen = 0;
  const reader = new TarReader('test.tar', (entry) => (entry.name === 'last.bin' ? () => seen++ : undefined));
  reader.push(makeTar(FILES));
  reader.finish();
  assert.equal(seen, 1);
  assert.equal(reader.entries.length, FILES.length);
});

test('TarReader accepts an archive without the end marker, and ignores bytes after it', () => {
  const { entries } = read(makeTar(FILES, { endMarker: false }), 1000);
  assert.equal(entries.length, FILES.length);
  const withJunk = join([makeTar(FILES.slice(0, 2)), new Uint8Array([1, 2, 3])]);
  assert.equal(read(withJunk, 100).entries.length, 2);
});

test('TarReader names the entry an archive is cut inside', () => {
  const archive = makeTar([{ name: 'a.bin', data: bytes(2000, 0) }]);
  assert.throws(
    () => read(archive.subarray(0, 512 + 1500), 300),
    (err: unknown) => {
      assert.ok(err instanceof Cifar10Error);
      assert.equal(err.code, 'truncated');
      assert.match(err.message, /test\.tar: the archive ends inside entry "a\.bin" \(1500 of 2000 bytes\)/);
      return true;
    },
  );
  assert.throws(() => read(archive.subarray(0, 200), 64), /ends inside a tar header/);
});

test('TarReader refuses data that is not tar, and a corrupt header later on', () => {
  assert.throws(
    () => read(bytes(2048, 9), 2048),
    (err: unknown) => err instanceof Cifar10Error && err.code === 'not-tar' && /is not a tar archive/.test(err.message),
  );
  const archive = makeTar([{ name: 'a.bin', data: bytes(10, 0) }, { name: 'b.bin', data: bytes(10, 0) }]);
  archive[1024 + 3] ^= 0xff; // a byte of the second header's name
  assert.throws(() => read(archive, 512), /corrupt tar header after 1 entries \(checksum mismatch at byte 1024\)/);
});
