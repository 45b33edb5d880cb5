/**
 * Training data as the trainer holds it: flat typed arrays on the CPU, turned into tensors one mini-batch at a
 * time. CIFAR-10 stays in its file's bytes (a quarter of float32's size) and is scaled and transposed per batch.
 */
import * as tf from '@tensorflow/tfjs';
import { CIFAR10_IMAGE_BYTES, toFloatNHWC, type Cifar10Data } from '../../data/index.js';
import { TfError } from '../errors.js';

/**
 * One data set.
 * - `format: 'cifar10'`: `x` is `count·3072` bytes in CIFAR-10's planar (CHW) layout; batches are x/255, NHWC.
 * - `format: 'float32'`: `x` holds `count·∏shape` values already in the model's input layout.
 * `y` holds class ids (Uint8Array), or targets (Float32Array, `count·w` values) for mean squared error.
 */
export interface Dataset {
  x: Uint8Array | Float32Array;
  y: Uint8Array | Float32Array;
  count: number;
  /** One example's shape: [32, 32, 3] for CIFAR-10. */
  shape: number[];
  format: 'cifar10' | 'float32';
}

/** A CIFAR-10 set as a {@link Dataset} (no copy). */
export function cifarDataset(data: Cifar10Data): Dataset {
  return { x: data.images, y: data.labels, count: data.count, shape: [32, 32, 3], format: 'cifar10' };
}

/**
 * Checks that the arrays' lengths agree with `count` and `shape`.
 *
 * @throws {TfError} `data`, with the numbers that disagree.
 */
export function checkDataset(d: Dataset, name = 'data'): void {
  const per = d.format === 'cifar10' ? CIFAR10_IMAGE_BYTES : d.shape.reduce((a, b) => a * b, 1);
  if (!Number.isInteger(d.count) || d.count < 0) throw new TfError('data', `${name}: count ${d.count} is not a count.`);
  if (d.x.length !== d.count * per) {
    throw new TfError('data', `${name}: x holds ${d.x.length} values, not ${d.count} examples × ${per}.`);
  }
  if (d.y.length === 0 || d.y.length % Math.max(1, d.count) !== 0) {
    throw new TfError('data', `${name}: y holds ${d.y.length} values for ${d.count} examples.`);
  }
}

/** The first `n` examples (views, no copy). */
export function subset(d: Dataset, n: number): Dataset {
  const count = Math.max(0, Math.min(d.count, Math.floor(n)));
  const perX = d.x.length / Math.max(1, d.count);
  const perY = d.y.length / Math.max(1, d.count);
  return { ...d, count, x: d.x.subarray(0, count * perX), y: d.y.subarray(0, count * perY) };
}

/** Examples [start, end) (views, no copy): Keras's validation_split takes the last part. */
export function slice(d: Dataset, start: number, end: number): Dataset {
  const perX = d.x.length / Math.max(1, d.count);
  const perY = d.y.length / Math.max(1, d.count);
  return { ...d, count: end - start, x: d.x.subarray(start * perX, end * perX), y: d.y.subarray(start * perY, end * perY) };
}

/** A batch's tensors: inputs [n, ...shape] float32; labels int32 [n] (class ids) or float32 [n, w] (targets). */
export interface Batch {
  x: tf.Tensor;
  y: tf.Tensor;
  size: number;
}

/** The examples at `indices` as tensors (the caller disposes them). */
export function makeBatch(d: Dataset, indices: ArrayLike<number>): Batch {
  const n = indices.length;
  const perX = d.x.length / d.count;
  const perY = d.y.length / d.count;
  let x: Float32Array;
  if (d.format === 'cifar10') {
    const bytes = new Uint8Array(n * perX);
    for (let i = 0; i < n; i++) bytes.set((d.x as Uint8Array).subarray(indices[i] * perX, (indices[i] + 1) * perX), i * perX);
    x = toFloatNHWC(bytes);
  } else {
    x = new Float32Array(n * perX);
    for (let i = 0; i < n; i++) x.set((d.x as Float32Array).subarray(indices[i] * perX, (indices[i] + 1) * perX), i * perX);
  }
  let y: tf.Tensor;
  if (d.y instanceof Float32Array) {
    const t = new Float32Array(n * perY);
    for (let i = 0; i < n; i++) t.set(d.y.subarray(indices[i] * perY, (indices[i] + 1) * perY), i * perY);
    y = tf.tensor2d(t, [n, perY]);
  } else {
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = d.y[indices[i]];
    y = tf.tensor1d(ids, 'int32');
  }
  return { x: tf.tensor(x, [n, ...d.shape]), y, size: n };
}

/** 0, 1, …, n − 1. */
export function range(start: number, end: number): Int32Array {
  const out = new Int32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
