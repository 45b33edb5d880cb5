/**
 * TF.js kernels of the fast CPU backend: convolutions and matrix products on the SIMD module (simd-ops.ts).
 * Each handles float32 NHWC without dilation, the layouts Keras's Conv2D and Dense build; anything else goes to
 * the cpu backend's own kernel, which runs on the same backend class.
 */
import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter, conv2dBackpropInput, conv2dForward, matMul, type ConvGeometry, type Epilogue } from './simd-ops.js';
import { poolOf } from './simd-backend.js';
import { sharedRuntime as rt } from './simd-runtime.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type Info = tf.TensorInfo;
type Activation = 'linear' | 'relu' | 'relu6' | 'prelu' | 'elu' | 'leakyrelu' | 'sigmoid';

/** The parts of TF.js's cpu backend (MathBackendCPU) these kernels use. */
interface CpuBackend {
  data: { get(id: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): Info;
  disposeIntermediateTensorInfo(info: Info): void;
}

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  activation?: Activation;
  leakyreluAlpha?: number;
  filterShape?: [number, number, number, number];
  inputShape?: [number, number, number, number];
}

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
  activation?: Activation;
  leakyreluAlpha?: number;
}

/** Result arrays come from the backend's pool. */
const alloc = (args: KernelArgs) => (n: number) => poolOf(args.backend).take(n);

function cpuKernel(name: string): tf.KernelFunc {
  const config = tf.getKernel(name, 'cpu');
  if (!config) throw new Error(`TensorFlow.js's cpu backend has no ${name} kernel`);
  return config.kernelFunc;
}

function values(backend: CpuBackend, info: Info): Float32Array {
  const v = backend.data.get(info.dataId).values;
  return v instanceof Float32Array ? v : Float32Array.from(v as ArrayLike<number>);
}

const isFloat = (...infos: Array<Info | undefined>): boolean => infos.every((i) => !i || i.dtype === 'float32');
const isOne = (d: number | [number, number] | undefined): boolean => d === undefined || d === 1 || (Array.isArray(d) && d[0] === 1 && d[1] === 1);

/** Geometry from TF.js's own shape arithmetic (so 'same' pads exactly as the cpu backend does). */
function geometry(xShape: number[], filterShape: number[], a: ConvAttrs): ConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kh: info.filterHeight,
    kw: info.filterWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

const ACTIVATION_KERNELS: Partial<Record<Activation, string>> = {
  elu: 'Elu',
  relu6: 'Relu6',
  sigmoid: 'Sigmoid',
  leakyrelu: 'LeakyRelu',
  prelu: 'Prelu',
};

/**
 * The wasm epilogue for a fused op's bias and activation, and what must still run after it on the cpu
 * backend's kernels (a bias that is not one value per column, an activation other than relu).
 */
function splitEpilogue(backend: CpuBackend, bias: Info | undefined, columns: number, activation: Activation | undefined): { epilogue: Epilogue; addBias: boolean; after: Activation | null } {
  const perColumn = !!bias && bias.shape.length <= 1 && tf.util.sizeFromShape(bias.shape) === columns;
  const act = activation ?? 'linear';
  return {
    epilogue: { bias: perColumn ? values(backend, bias!) : null, relu: act === 'relu' && (perColumn || !bias) },
    addBias: !!bias && !perColumn,
    after: act === 'linear' || (act === 'relu' && (perColumn || !bias)) ? null : act,
  };
}

/** Runs the rest of a fused op (bias add, activation) on the cpu backend's kernels, disposing what it replaces. */
function finishFused(args: KernelArgs, out: Info, addBias: boolean, after: Activation | null, alpha?: number): Info {
  const backend = args.backend as unknown as CpuBackend;
  let result = out;
  const replace = (next: Info): void => {
    backend.disposeIntermediateTensorInfo(result);
    result = next;
  };
  if (addBias) replace(cpuKernel('Add')({ inputs: { a: result, b: args.inputs.bias! }, backend: args.backend, attrs: {} }) as Info);
  if (after === 'relu') replace(cpuKernel('Relu')({ inputs: { x: result }, backend: args.backend, attrs: {} }) as Info);
  else if (after) {
    const name = ACTIVATION_KERNELS[after];
    if (!name) throw new Error(`Activation ${after} is not implemented for the fast CPU backend.`);
    const inputs = after === 'prelu' ? { x: result, alpha: args.inputs.preluActivationWeights! } : { x: result };
    replace(cpuKernel(name)({ inputs, backend: args.backend, attrs: after === 'leakyrelu' ? { alpha: alpha ?? 0.2 } : {} }) as Info);
  }
  return result;
}

function convSupported(a: ConvAttrs, ...infos: Array<Info | undefined>): boolean {
  return a.dataFormat === 'NHWC' && isOne(a.dilations) && isFloat(...infos);
}

function conv2d(args: KernelArgs, fused: boolean): Info {
  const { inputs } = args;
  const a = args.attrs as unknown as ConvAttrs;
  const x = inputs.x as Info;
  const filter = inputs.filter as Info;
  if (!convSupported(a, x, filter, inputs.bias as Info | undefined)) return cpuKernel(fused ? 'FusedConv2D' : 'Conv2D')(args) as Info;
  const backend = args.backend as unknown as CpuBackend;
  const g = geometry(x.shape, filter.shape, a);
  const { epilogue, addBias, after } = fused
    ? splitEpilogue(backend, inputs.bias as Info | undefined, g.outC, a.activation)
    : { epilogue: {}, addBias: false, after: null };
  const y = conv2dForward(rt(), values(backend, x), values(backend, filter), g, epilogue, alloc(args));
  const out = backend.makeTensorInfo([g.batch, g.outH, g.outW, g.outC], 'float32', y);
  return fused ? finishFused(args, out, addBias, after, a.leakyreluAlpha) : out;
}

function conv2dBackpropFilterKernel(args: KernelArgs): Info {
  const a = args.attrs as unknown as ConvAttrs;
  const x = args.inputs.x as Info;
  const dy = args.inputs.dy as Info;
  if (!convSupported(a, x, dy)) return cpuKernel('Conv2DBackpropFilter')(args) as Info;
  const backend = args.backend as unknown as CpuBackend;
  const g = geometry(x.shape, a.filterShape!, a);
  return backend.makeTensorInfo(a.filterShape!, 'float32', conv2dBackpropFilter(rt(), values(backend, x), values(backend, dy), g, alloc(args)));
}

function conv2dBackpropInputKernel(args: KernelArgs): Info {
  const a = args.attrs as unknown as ConvAttrs;
  const dy = args.inputs.dy as Info;
  const filter = args.inputs.filter as Info;
  if (!convSupported(a, dy, filter)) return cpuKernel('Conv2DBackpropInput')(args) as Info;
  const backend = args.backend as unknown as CpuBackend;
  const g = geometry(a.inputShape!, filter.shape, a);
  const dx = conv2dBackpropInput(rt(), values(backend, dy), values(backend, filter), g, alloc(args));
  // Strided convolutions' input gradients take TF.js's kernel.
  if (!dx) return cpuKernel('Conv2DBackpropInput')(args) as Info;
  return backend.makeTensorInfo(a.inputShape!, 'float32', dx);
}

function batchMatMul(args: KernelArgs, fused: boolean): Info {
  const { inputs } = args;
  const attrs = args.attrs as unknown as MatMulAttrs;
  const a = inputs.a as Info;
  const b = inputs.b as Info;
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
  const broadcastable = batchA === batchB || batchA === 1 || batchB === 1;
  if (!isFloat(a, b, inputs.bias as Info | undefined) || a.shape.length < 2 || b.shape.length < 2 || !broadcastable) {
    return cpuKernel(fused ? '_FusedMatMul' : 'BatchMatMul')(args) as Info;
  }
  const backend = args.backend as unknown as CpuBackend;
  const [m, k] = attrs.transposeA ? [a.shape.at(-1)!, a.shape.at(-2)!] : [a.shape.at(-2)!, a.shape.at(-1)!];
  const n = attrs.transposeB ? b.shape.at(-2)! : b.shape.at(-1)!;
  const { epilogue, addBias, after } = fused
    ? splitEpilogue(backend, inputs.bias as Info | undefined, n, attrs.activation)
    : { epilogue: {}, addBias: false, after: null };
  const c = matMul(rt(), values(backend, a), values(backend, b), { batchA, batchB, m, k, n, transA: attrs.transposeA, transB: attrs.transposeB }, epilogue, alloc(args));
  const outBatch = (batchA >= batchB ? a : b).shape.slice(0, -2);
  const out = backend.makeTensorInfo([...outBatch, m, n], 'float32', c);
  return fused ? finishFused(args, out, addBias, after, attrs.leakyreluAlpha) : out;
}

/** The kernels this backend puts in place of the cpu backend's. */
export const SIMD_KERNELS: ReadonlyArray<{ kernelName: string; kernelFunc: tf.KernelFunc }> = [
  { kernelName: 'Conv2D', kernelFunc: (args) => conv2d(args, false) },
  { kernelName: 'FusedConv2D', kernelFunc: (args) => conv2d(args, true) },
  { kernelName: 'Conv2DBackpropFilter', kernelFunc: conv2dBackpropFilterKernel },
  { kernelName: 'Conv2DBackpropInput', kernelFunc: conv2dBackpropInputKernel },
  { kernelName: 'BatchMatMul', kernelFunc: (args) => batchMatMul(args, false) },
  { kernelName: '_FusedMatMul', kernelFunc: (args) => batchMatMul(args, true) },
];
