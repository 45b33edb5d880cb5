import { CIFAR10_IMAGE_BYTES, CIFAR10_IMAGE_SIZE } from './classes.js';

const PLANE = CIFAR10_IMAGE_SIZE * CIFAR10_IMAGE_SIZE; // 1,024 pixels per channel plane

/** x/255 for every byte, computed once: a table read is cheaper than a division per pixel. */
const UNIT = (() => {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  return table;
})();

/** Throws unless `images` holds whole 3,072-byte images; returns how many. */
function imageCount(images: Uint8Array): number {
  if (images.length % CIFAR10_IMAGE_BYTES !== 0) {
    throw new RangeError(
      `CIFAR-10 images: ${images.length} bytes is not a multiple of ${CIFAR10_IMAGE_BYTES} (one 3×32×32 image).`,
    );
  }
  return images.length / CIFAR10_IMAGE_BYTES;
}

/**
 * Converts planar (CHW) byte images to what TensorFlow.js's image layers take: float32, NHWC, values x/255 in
 * [0, 1]. Element `((n*32 + y)*32 + x)*3 + c` is channel c of pixel (x, y) of image n, ready for
 * `tf.tensor4d(out, [count, 32, 32, 3])`.
 *
 * The float copy is 4× the bytes (123 MB for 10,000 images): to convert a mini-batch only, pass a view,
 * `images.subarray(start * 3072, end * 3072)`, and, in a training loop, the same `out` every step (fresh memory
 * costs more than the conversion itself).
 *
 * @param count how many images from the start of `images` (default: all).
 * @param out where to write (at least `count * 3072` floats); a fresh array when left out.
 * @returns `out` (or a view of its first `count * 3072` floats), else a new array.
 * @throws {RangeError} when `images` is not whole images, `count` is out of range, or `out` is too short.
 */
export function toFloatNHWC(images: Uint8Array, count?: number, out?: Float32Array): Float32Array {
  const available = imageCount(images);
  const n = count ?? available;
  if (!Number.isInteger(n) || n < 0 || n > available) {
    throw new RangeError(`toFloatNHWC: count ${count} is out of range; the images hold ${available}.`);
  }
  const length = n * CIFAR10_IMAGE_BYTES;
  if (out && out.length < length) {
    throw new RangeError(`toFloatNHWC: out holds ${out.length} floats; ${n} images need ${length}.`);
  }
  const dst = out ? (out.length === length ? out : out.subarray(0, length)) : new Float32Array(length);
  for (let img = 0; img < n; img++) {
    const src = img * CIFAR10_IMAGE_BYTES;
    let d = src; // same size in elements: NHWC image img starts where CHW image img does
    for (let p = 0; p < PLANE; p++, d += 3) {
      dst[d] = UNIT[images[src + p]];
      dst[d + 1] = UNIT[images[src + PLANE + p]];
      dst[d + 2] = UNIT[images[src + 2 * PLANE + p]];
    }
  }
  return dst;
}

/**
 * One image as RGBA bytes (32×32×4, alpha 255), for `new ImageData(rgba, 32, 32)` and a thumbnail canvas.
 *
 * @throws {RangeError} when `index` is not an image in `images`.
 */
export function imageToRGBA(images: Uint8Array, index: number): Uint8ClampedArray<ArrayBuffer> {
  const available = imageCount(images);
  if (!Number.isInteger(index) || index < 0 || index >= available) {
    throw new RangeError(`imageToRGBA: index ${index} is out of range; the images hold ${available}.`);
  }
  const src = index * CIFAR10_IMAGE_BYTES;
  const out = new Uint8ClampedArray(PLANE * 4);
  for (let p = 0, dst = 0; p < PLANE; p++, dst += 4) {
    out[dst] = images[src + p];
    out[dst + 1] = images[src + PLANE + p];
    out[dst + 2] = images[src + 2 * PLANE + p];
    out[dst + 3] = 255;
  }
  return out;
}
