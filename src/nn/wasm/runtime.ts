/**
 * Loads the SIMD kernels (kernels-wasm.ts) once per process and gives each workspace its own memory and instance.
 * Where WebAssembly SIMD is missing, or a browser's main thread refuses a synchronous compile, the engine runs the
 * plain JavaScript kernels instead — same results to the last bits — and, in the second case, compiles in the
 * background so later workspaces get the fast path.
 */
import { kernelModuleBytes } from './kernels-wasm.js';

/** The three kernels bound to one memory; every pointer is a byte offset into `memory`. */
export interface WasmKernels {
  memory: WebAssembly.Memory;
  denseForward(x: number, inDim: number, kernel: number, bias: number, hasBias: number, z: number, outDim: number, rows: number, nzValue: number, nzPtr: number, reluOut: number): void;
  denseKernelGrad(x: number, inDim: number, dz: number, outDim: number, rows: number, dKernel: number, dBias: number, hasBias: number): void;
  denseInputGrad(kernel: number, dz: number, outDim: number, rows: number, dx: number, inDim: number, reluZ: number, hasRelu: number, live: number): void;
}

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.Module !== 'function') return null;
  const bytes = kernelModuleBytes();
  if (!WebAssembly.validate(bytes)) return null; // no SIMD here
  try {
    compiled = new WebAssembly.Module(bytes);
  } catch {
    // A main thread may refuse synchronous compiles; compile in the background and use it from then on.
    WebAssembly.compile(bytes).then(
      (m) => void (compiled = m),
      () => undefined,
    );
  }
  return compiled;
}

/**
 * Turns the WebAssembly kernels on or off for workspaces made from now on (on by default where supported). Off
 * runs the plain JavaScript kernels: for comparison, or where WebAssembly is unwelcome.
 */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

/** True when new workspaces will run the WebAssembly SIMD kernels. */
export function wasmKernelsActive(): boolean {
  return enabled && kernelModule() !== null;
}

/** A kernel instance over a fresh memory of at least `bytes` bytes, or null for the JavaScript path. */
export function instantiateKernels(bytes: number): WasmKernels | null {
  if (!enabled) return null;
  const module = kernelModule();
  if (!module) return null;
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const e = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<string, (...a: number[]) => void>;
  return {
    memory,
    denseForward: e.dense_forward as WasmKernels['denseForward'],
    denseKernelGrad: e.dense_kernel_grad as WasmKernels['denseKernelGrad'],
    denseInputGrad: e.dense_input_grad as WasmKernels['denseInputGrad'],
  };
}
