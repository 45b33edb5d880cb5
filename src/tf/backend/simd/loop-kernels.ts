/**
 * The fast CPU backend's elementwise, reduction and pooling kernels, with the cpu backend's arithmetic and order
 * of operations, so their results are the cpu backend's bit for bit (NaN payloads aside). Once the convolutions
 * are fast these are what a training step spends its time on: the cpu backend calls one shared function per
 * element (a call V8 cannot inline), walks broadcasts through index arithmetic, transposes a tensor before summing
 * over its leading axes, and branches on signs (ReLU, its step, max pooling) that the module's SIMD selects
 * compute without branching. Outputs come from the backend's pool. Shapes these do not cover go to the cpu
 * backend's kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { poolOf } from './simd-backend.js';
import { sharedRuntime, type SimdRuntime } from './simd-runtime.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type Info = tf.TensorInfo;

interface CpuBackend {
  data: { get(id: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): Info;
}

const backendOf = (args: KernelArgs): CpuBackend => args.backend as unknown as CpuBackend;
const vals = (args: KernelArgs, info: Info): Float32Array => backendOf(args).data.get(info.dataId).values as Float32Array;
const cpu = (name: string, args: KernelArgs): Info => tf.getKernel(name, 'cpu')!.kernelFunc(args) as Info;
/** An output array from the backend's pool, contents undefined. */
const take = (args: KernelArgs, n: number): Float32Array => poolOf(args.backend).take(n);

/** `small`'s shape is the trailing part of `full`'s (leading 1s aside): it repeats every small.size elements. */
function tiles(full: Info, small: Info): boolean {
  const s = small.shape.slice();
  while (s.length > 0 && s[0] === 1) s.shift();
  const tail = full.shape.slice(full.shape.length - s.length);
  return s.length <= full.shape.length && s.every((d, i) => d === tail[i]);
}

type Binary = 'Add' | 'Sub' | 'Multiply' | 'RealDiv';

/**
 * out = a ∘ b where one side has the output's shape and the other repeats along the leading axes (the same
 * shape, a bias, a scalar). One loop per operation and side, so each stays monomorphic.
 */
function binary(name: Binary, args: KernelArgs): Info {
  const a = args.inputs.a as Info;
  const b = args.inputs.b as Info;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return cpu(name, args);
  const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const size = tf.util.sizeFromShape(shape);
  const aFull = tf.util.sizeFromShape(a.shape) === size;
  const bFull = tf.util.sizeFromShape(b.shape) === size;
  if (!(aFull && tiles(a, b)) && !(bFull && tiles(b, a))) return cpu(name, args);
  const x = vals(args, a);
  const y = vals(args, b);
  const out = take(args, size);
  if (aFull) {
    const p = y.length;
    switch (name) {
      case 'Add':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[i + j] + y[j];
        break;
      case 'Sub':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[i + j] - y[j];
        break;
      case 'Multiply':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[i + j] * y[j];
        break;
      case 'RealDiv':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[i + j] / y[j];
        break;
    }
  } else {
    const p = x.length;
    switch (name) {
      case 'Add':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[j] + y[i + j];
        break;
      case 'Sub':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[j] - y[i + j];
        break;
      case 'Multiply':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[j] * y[i + j];
        break;
      case 'RealDiv':
        for (let i = 0; i < size; i += p) for (let j = 0; j < p; j++) out[i + j] = x[j] / y[i + j];
        break;
    }
  }
  return backendOf(args).makeTensorInfo(shape, 'float32', out);
}

/** A unary op on the module: input copied in, `run(src, dst, n)`, output copied out to a pooled array. */
function wasmUnary(args: KernelArgs, name: string, run: (rt: SimdRuntime, src: number, dst: number, n: number) => void): Info {
  const x = args.inputs.x as Info;
  if (x.dtype !== 'float32') return cpu(name, args);
  const v = vals(args, x);
  const rt = sharedRuntime();
  const [src, dst] = rt.layout(v.length, v.length);
  rt.write(src, v);
  run(rt, src, dst, v.length);
  const out = take(args, v.length);
  out.set(rt.f32.subarray(dst >> 2, (dst >> 2) + v.length));
  return backendOf(args).makeTensorInfo(x.shape, 'float32', out);
}

/** Branch-free in JavaScript already: one loop each, no shared per-element call. */
function jsUnary(args: KernelArgs, name: 'Sqrt' | 'Square'): Info {
  const x = args.inputs.x as Info;
  if (x.dtype !== 'float32') return cpu(name, args);
  const v = vals(args, x);
  const out = take(args, v.length);
  if (name === 'Sqrt') for (let i = 0; i < v.length; i++) out[i] = Math.sqrt(v[i]);
  else for (let i = 0; i < v.length; i++) out[i] = v[i] * v[i];
  return backendOf(args).makeTensorInfo(x.shape, 'float32', out);
}

/** Sums over the leading axes (a bias's gradient): rows added in order, in float64, as the cpu backend does. */
function sum(args: KernelArgs): Info {
  const x = args.inputs.x as Info;
  const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
  const axes = tf.util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
  const leading = axes.every((d, i) => d === i);
  if (x.dtype !== 'float32' || !leading || axes.length === 0 || axes.length === x.shape.length) return cpu('Sum', args);
  const v = vals(args, x);
  const outShape = x.shape.slice(axes.length);
  const cols = tf.util.sizeFromShape(outShape);
  const acc = new Float64Array(cols);
  for (let i = 0; i < v.length; i += cols) for (let j = 0; j < cols; j++) acc[j] += v[i + j];
  const shape = keepDims ? [...axes.map(() => 1), ...outShape] : outShape;
  return backendOf(args).makeTensorInfo(shape, 'float32', Float32Array.from(acc));
}

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function poolInfo(x: Info, a: PoolAttrs): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
}

/**
 * Max pooling on the module, with each output's argmax (its flat input index: the first strict maximum in window
 * order, NaNs skipped, −1 for a window with no number, as the cpu backend picks) left at `at` when asked.
 * Null when the channels are not a multiple of 4 (the cpu backend's kernel then runs).
 */
function maxPoolOnModule(x: Float32Array, info: tf.backend_util.Conv2DInfo, withArgmax: boolean): { rt: SimdRuntime; out: number; at: number } | null {
  if (info.inChannels % 4 !== 0) return null;
  const rt = sharedRuntime();
  const n = tf.util.sizeFromShape(info.outShape);
  const [xp, out, at] = rt.layout(x.length, n, withArgmax ? n : 0);
  rt.write(xp, x);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  rt.fn.maxpool(xp, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, info.effectiveFilterHeight, info.effectiveFilterWidth, strideHeight, strideWidth, padInfo.top, padInfo.left, out, withArgmax ? at : 0);
  return { rt, out, at };
}

function maxPool(args: KernelArgs): Info {
  const x = args.inputs.x as Info;
  const a = args.attrs as unknown as PoolAttrs;
  if (x.dtype !== 'float32') return cpu('MaxPool', args);
  const info = poolInfo(x, a);
  if (info.filterHeight === 1 && info.filterWidth === 1 && tf.util.arraysEqual(info.inShape, info.outShape)) return cpu('MaxPool', args);
  const done = maxPoolOnModule(vals(args, x), info, false);
  if (!done) return cpu('MaxPool', args);
  const n = tf.util.sizeFromShape(info.outShape);
  const out = take(args, n);
  out.set(done.rt.f32.subarray(done.out >> 2, (done.out >> 2) + n));
  return backendOf(args).makeTensorInfo(info.outShape, 'float32', out);
}

/** dL/dx of a max pool: each output's gradient goes to its argmax, added in float64 where windows overlap. */
function maxPoolGrad(args: KernelArgs): Info {
  const { dy, input } = args.inputs as { dy: Info; input: Info };
  const a = args.attrs as unknown as PoolAttrs;
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return cpu('MaxPoolGrad', args);
  const info = poolInfo(input, a);
  const done = maxPoolOnModule(vals(args, input), info, true);
  if (!done) return cpu('MaxPoolGrad', args);
  const at = new Int32Array(done.rt.memory.buffer, done.at, tf.util.sizeFromShape(info.outShape));
  const g = vals(args, dy);
  const size = tf.util.sizeFromShape(input.shape);
  const overlap = info.strideHeight < info.effectiveFilterHeight || info.strideWidth < info.effectiveFilterWidth;
  let dx: Float32Array;
  if (overlap) {
    const acc = new Float64Array(size);
    for (let o = 0; o < at.length; o++) if (at[o] >= 0) acc[at[o]] += g[o];
    dx = take(args, size);
    dx.set(acc);
  } else {
    dx = poolOf(args.backend).takeZeroed(size);
    for (let o = 0; o < at.length; o++) if (at[o] >= 0) dx[at[o]] = g[o];
  }
  return backendOf(args).makeTensorInfo(input.shape, 'float32', dx);
}

/** The kernels this file puts in place of the cpu backend's. */
export const LOOP_KERNELS: ReadonlyArray<{ kernelName: string; kernelFunc: tf.KernelFunc }> = [
  ...(['Add', 'Sub', 'Multiply', 'RealDiv'] as const).map((name) => ({ kernelName: name, kernelFunc: (args: KernelArgs) => binary(name, args) })),
  { kernelName: 'Relu', kernelFunc: (args) => wasmUnary(args, 'Relu', (rt, src, dst, n) => rt.fn.relu(src, dst, n)) },
  {
    kernelName: 'Step',
    kernelFunc: (args) => wasmUnary(args, 'Step', (rt, src, dst, n) => rt.fn.step(src, dst, n, (args.attrs as { alpha?: number }).alpha ?? 0)),
  },
  { kernelName: 'Sqrt', kernelFunc: (args) => jsUnary(args, 'Sqrt') },
  { kernelName: 'Square', kernelFunc: (args) => jsUnary(args, 'Square') },
  { kernelName: 'Sum', kernelFunc: sum },
  { kernelName: 'MaxPool', kernelFunc: maxPool },
  { kernelName: 'MaxPoolGrad', kernelFunc: maxPoolGrad },
];
