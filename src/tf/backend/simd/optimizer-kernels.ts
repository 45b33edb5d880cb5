/**
 * RMSprop's update for one variable in one pass: the fast CPU backend's kernel 'NnRMSpropUpdate'. As separate ops
 * (optimizers/rmsprop.ts) the update is nine kernels over every weight, each writing a new array: 40 ms a step for
 * the homework CNN's 1.25 M weights, 13% of a training step at batch 32. Each intermediate is rounded to float32
 * as those ops round it, scalars included, so the result is theirs bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { poolOf } from './simd-backend.js';

/** The kernel's name: optimizers run it where the active backend registers it. */
export const RMSPROP_UPDATE = 'NnRMSpropUpdate';

/** Attributes of {@link RMSPROP_UPDATE}: plain RMSprop (no momentum, not centered). */
export interface RMSpropUpdateAttrs {
  lr: number;
  rho: number;
  epsilon: number;
  /** Epsilon inside the root (√(v + ε)) or outside it (√v + ε). */
  inside: boolean;
}

type KernelArgs = Parameters<tf.KernelFunc>[0];
type Info = tf.TensorInfo;
interface CpuBackend {
  data: { get(id: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): Info;
}

/** Inputs w, g, v; outputs [w′, v′]: v′ = ρ·v + (1 − ρ)·g², w′ = w − lr·g / √(v′ + ε) (or / (√v′ + ε)). */
function rmspropUpdate(args: KernelArgs): Info[] {
  const { w, g, v } = args.inputs as { w: Info; g: Info; v: Info };
  const a = args.attrs as unknown as RMSpropUpdateAttrs;
  const backend = args.backend as unknown as CpuBackend;
  const read = (i: Info) => backend.data.get(i.dataId).values as Float32Array;
  const [wv, gv, vv] = [read(w), read(g), read(v)];
  const f = Math.fround;
  // The scalars as the ops see them: float32 tensors.
  const rho = f(a.rho);
  const oneMinusRho = f(1 - a.rho);
  const eps = f(a.epsilon);
  const lr = f(a.lr);
  const pool = poolOf(args.backend);
  const w2 = pool.take(wv.length);
  const v2 = pool.take(vv.length);
  for (let i = 0; i < wv.length; i++) {
    const gi = gv[i];
    const vi = f(f(vv[i] * rho) + f(f(gi * gi) * oneMinusRho));
    v2[i] = vi;
    const denom = a.inside ? f(Math.sqrt(f(vi + eps))) : f(f(Math.sqrt(vi)) + eps);
    w2[i] = wv[i] - f(f(gi * lr) / denom);
  }
  return [backend.makeTensorInfo(w.shape, 'float32', w2), backend.makeTensorInfo(v.shape, 'float32', v2)];
}

/** The optimizer kernels this backend adds. */
export const OPTIMIZER_KERNELS: ReadonlyArray<{ kernelName: string; kernelFunc: tf.KernelFunc }> = [
  { kernelName: RMSPROP_UPDATE, kernelFunc: rmspropUpdate as unknown as tf.KernelFunc },
];
