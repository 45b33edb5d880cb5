import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageToRGBA, parseCifar10, toFloatNHWC } from '../../../src/data/cifar10/index.js';
import { readCifar } from './data.js';
import { TINY_PIXELS, chw } from './expected.js';

const { images } = parseCifar10(readCifar('cifar10_tiny_100.bin'));

/** Offset of channel c of pixel (x, y) of image n in NHWC [n, 32, 32, 3]. */
const nhwc = (n: number, y: number, x: number, c: number) => ((n * 32 + y) * 32 + x) * 3 + c;

test('toFloatNHWC puts each pixel’s R, G, B side by side at its NHWC offset, as x/255', () => {
  const out = toFloatNHWC(images);
  assert.ok(out instanceof Float32Array);
  assert.equal(out.length, 100 * 32 * 32 * 3);
  for (const [n, y, x, rgb] of TINY_PIXELS) {
    const got = [0, 1, 2].map((c) => out[nhwc(n, y, x, c)]);
    assert.deepEqual(got, rgb.map((v) => Math.fround(v / 255)), `image ${n} (${x}, ${y})`);
  }
});

test('toFloatNHWC matches a direct transpose everywhere, within [0, 1]', () => {
  const out = toFloatNHWC(images);
  let min = Infinity;
  let max = -Infinity;
  for (let n = 0; n < 100; n++) {
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        for (let c = 0; c < 3; c++) {
          const v = out[nhwc(n, y, x, c)];
          if (v !== Math.fround(chw(images, n, c, y, x) / 255)) assert.fail(`mismatch at n=${n} y=${y} x=${x} c=${c}`);
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
  }
  assert.ok(min >= 0 && max <= 1);
  assert.equal(toFloatNHWC(new Uint8Array(3072).fill(255))[0], 1);
});

test('toFloatNHWC converts the first `count` images, or a subarray view (a mini-batch)', () => {
  const all = toFloatNHWC(images);
  const first = toFloatNHWC(images, 3);
  assert.equal(first.length, 3 * 3072);
  assert.deepEqual(first, all.subarray(0, 3 * 3072));
  const middle = toFloatNHWC(images.subarray(40 * 3072, 45 * 3072));
  assert.deepEqual(middle, all.subarray(40 * 3072, 45 * 3072));
  assert.equal(toFloatNHWC(images, 0).length, 0);
});

test('toFloatNHWC writes into a given buffer (reused across mini-batches)', () => {
  const all = toFloatNHWC(images);
  const out = new Float32Array(8 * 3072).fill(-1);
  const batch = toFloatNHWC(images.subarray(10 * 3072, 18 * 3072), undefined, out);
  assert.equal(batch, out);
  assert.deepEqual(out, all.subarray(10 * 3072, 18 * 3072));
  const smaller = toFloatNHWC(images.subarray(0, 5 * 3072), 5, out);
  assert.equal(smaller.length, 5 * 3072);
  assert.equal(smaller.buffer, out.buffer);
  assert.deepEqual(smaller, all.subarray(0, 5 * 3072));
  assert.throws(() => toFloatNHWC(images, 9, out), /out holds 24576 floats; 9 images need 27648/);
});

test('toFloatNHWC refuses a count out of range and partial images', () => {
  assert.throws(() => toFloatNHWC(images, 101), /count 101 is out of range; the images hold 100/);
  assert.throws(() => toFloatNHWC(images, -1), RangeError);
  assert.throws(() => toFloatNHWC(images.subarray(0, 3000)), /3000 bytes is not a multiple of 3072/);
});

test('imageToRGBA gives 32×32 RGBA bytes with opaque alpha', () => {
  const rgba = imageToRGBA(images, 42);
  assert.ok(rgba instanceof Uint8ClampedArray);
  assert.equal(rgba.length, 32 * 32 * 4);
  const [, y, x, rgb] = TINY_PIXELS[2];
  const at = (y * 32 + x) * 4;
  assert.deepEqual([...rgba.subarray(at, at + 4)], [...rgb, 255]);
  const first = imageToRGBA(images, 0);
  assert.deepEqual([...first.subarray(0, 4)], [59, 62, 63, 255]);
  for (let i = 3; i < rgba.length; i += 4) assert.equal(rgba[i], 255);
});

test('imageToRGBA refuses an index out of range', () => {
  assert.throws(() => imageToRGBA(images, 100), /index 100 is out of range/);
  assert.throws(() => imageToRGBA(images, -1), RangeError);
  assert.throws(() => imageToRGBA(images, 1.5), RangeError);
});
