/**
 * The fast CPU backend, 'wasm-simd': TF.js's cpu backend (its class, its kernels, its float32 storage) with the
 * convolutions and matrix products replaced by this library's WebAssembly SIMD kernels (simd-kernels.ts) and the
 * elementwise ops, sums and max pooling that training spends its time on by plain loops (loop-kernels.ts), plus
 * RMSprop's update in one pass (optimizer-kernels.ts). Models, optimizers,
 * callbacks, saving and the worker run on it unchanged, and so does every op the new kernels do not cover.
 *
 * One thread: the kernels run in the thread that trains (the training worker), and need no cross-origin
 * isolation. Nothing is fetched: the module's bytes are generated in simd-module.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { LOOP_KERNELS } from './loop-kernels.js';
import { OPTIMIZER_KERNELS } from './optimizer-kernels.js';
import { makeSimdBackend } from './simd-backend.js';
import { SIMD_KERNELS } from './simd-kernels.js';
import { loadSharedRuntime, simdUnavailableReason } from './simd-runtime.js';

/** The backend's name, for `tf.setBackend` and `chooseBackend({ backend: 'wasm-simd' })`. */
export const SIMD_BACKEND = 'wasm-simd';

/** How the UI names it. */
export const SIMD_BACKEND_LABEL = 'WebAssembly on the CPU (SIMD, 1 thread)';

/** Below the cpu backend's 1: TF.js never picks it on its own; this library's backend choice does. */
const PRIORITY = 0;

/**
 * Compiles the module and registers the backend (once; later calls only answer). Resolves to null when it is
 * registered, or to why it cannot be here (no WebAssembly SIMD, no cpu backend to build on).
 */
export async function registerSimdBackend(): Promise<string | null> {
  if (tf.findBackendFactory(SIMD_BACKEND)) return null;
  const reason = simdUnavailableReason();
  if (reason) return reason;
  try {
    await loadSharedRuntime();
  } catch (err) {
    return `its WebAssembly module did not load: ${(err as Error).message}`;
  }
  // Another call may have registered it while this one waited.
  if (tf.findBackendFactory(SIMD_BACKEND)) return null;
  const cpu = tf.findBackendFactory('cpu');
  if (!cpu) return "TensorFlow.js's cpu backend, which it builds on, is not registered";
  const kernels = [...SIMD_KERNELS, ...LOOP_KERNELS, ...OPTIMIZER_KERNELS];
  const own = new Set(kernels.map((k) => k.kernelName));
  for (const config of tf.getKernelsForBackend('cpu')) {
    if (!own.has(config.kernelName)) tf.registerKernel({ ...config, backendName: SIMD_BACKEND });
  }
  for (const k of kernels) tf.registerKernel({ ...k, backendName: SIMD_BACKEND });
  tf.registerBackend(SIMD_BACKEND, () => makeSimdBackend(cpu), PRIORITY);
  return null;
}
