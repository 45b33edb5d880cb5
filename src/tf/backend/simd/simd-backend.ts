/**
 * The fast CPU backend's instance: a TF.js cpu backend (MathBackendCPU, made by the cpu backend's own factory)
 * whose data store recycles its kernels' output arrays through a BufferPool (buffer-pool.ts). Reads of pooled
 * data are copies, so what `dataSync()` or `data()` returned never changes afterwards.
 */
import type * as tf from '@tensorflow/tfjs';
import { BufferPool } from './buffer-pool.js';

/** The parts of MathBackendCPU this file wraps. */
interface CpuBackendInternals {
  data: { get(id: object): { values: unknown } | undefined; has(id: object): boolean };
  write(values: unknown, shape: number[], dtype: string): object;
  move(dataId: object, values: unknown, shape: number[], dtype: string, refCount: number): void;
  readSync(dataId: object): unknown;
  disposeData(dataId: object, force?: boolean): boolean;
  dispose(): void;
}

const pools = new WeakMap<object, BufferPool>();

/** Allocates plainly: for kernels running on a backend that has no pool. */
const NO_POOL = { take: (n: number) => new Float32Array(n), takeZeroed: (n: number) => new Float32Array(n) };

/** The pool of a backend made by {@link makeSimdBackend} (a plain allocator for any other backend). */
export function poolOf(backend: unknown): Pick<BufferPool, 'take' | 'takeZeroed'> {
  return pools.get(backend as object) ?? NO_POOL;
}

/** A cpu backend from `cpuFactory`, with its data store wired to a new pool. */
export function makeSimdBackend(cpuFactory: () => tf.KernelBackend | Promise<tf.KernelBackend>): tf.KernelBackend {
  const made = cpuFactory();
  if (made instanceof Promise) throw new Error("TensorFlow.js's cpu backend factory is asynchronous; the fast CPU path needs it synchronous");
  const backend = made as unknown as CpuBackendInternals;
  const pool = new BufferPool();
  const { write, move, readSync, disposeData, dispose } = backend;
  backend.write = function (values, shape, dtype) {
    pool.noteStored(values);
    return write.call(this, values, shape, dtype);
  };
  backend.move = function (dataId, values, shape, dtype, refCount) {
    pool.noteStored(values);
    move.call(this, dataId, values, shape, dtype, refCount);
  };
  backend.readSync = function (dataId) {
    const values = readSync.call(this, dataId);
    return pool.owns(values) ? values.slice() : values;
  };
  backend.disposeData = function (dataId, force) {
    const values = this.data.get(dataId)?.values;
    const result = disposeData.call(this, dataId, force);
    if (values !== undefined && !this.data.has(dataId)) pool.release(values);
    return result;
  };
  backend.dispose = function () {
    pool.clear();
    dispose.call(this);
  };
  pools.set(backend, pool);
  return made;
}
