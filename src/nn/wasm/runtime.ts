/**
 * Loads the SIMD kernels (kernels-wasm.ts) once per process and gives each workspace its own memory and instance.
 * The kernels' code is imported and compiled in the background on first use, so a page's first paint does not wait
 * for it: until it is ready, and wherever WebAssembly SIMD is missing or refused (a CSP without
 * 'wasm-unsafe-eval'), the engine runs the plain JavaScript kernels — same results to the last bits.
 */

/** The three kernels bound to one memory; every pointer is a byte offset into `memory`. */
export interface WasmKernels {
  memory: WebAssembly.Memory;
  denseForward(x: number, inDim: number, kernel: number, bias: number, hasBias: number, z: number, outDim: number, rows: number, nzValue: number, nzPtr: number, reluOut: number): void;
  denseKernelGrad(x: number, inDim: number, dz: number, outDim: number, rows: number, dKernel: number, dBias: number, hasBias: number): void;
  denseInputGrad(kernel: number, dz: number, outDim: number, rows: number, dx: number, inDim: number, reluZ: number, hasRelu: number, live: number): void;
}

/** The compiled module once loaded; null while loading, and for good where it cannot be used. */
let compiled: WebAssembly.Module | null = null;
let loading: Promise<boolean> | undefined;
let enabled = true;

/**
 * Imports and compiles the WebAssembly kernels (once; later calls return the same promise). Resolves true when new
 * workspaces will use them, false where WebAssembly SIMD is missing or the page's policy refuses to compile it.
 * The engine starts this itself on first use; await it where the fast path must be in place from the first
 * workspace on (a benchmark, a test comparing the two paths).
 */
export function loadWasmKernels(): Promise<boolean> {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.compile !== 'function') return false;
    const { kernelModuleBytes } = await import('./kernels-wasm.js');
    const bytes = kernelModuleBytes();
    if (!WebAssembly.validate(bytes)) return false; // no SIMD here
    compiled = await WebAssembly.compile(bytes);
    return true;
  })().catch(() => false);
  return loading.then((ready) => ready && enabled);
}

/**
 * Turns the WebAssembly kernels on or off for workspaces made from now on (on by default where supported). Off
 * runs the plain JavaScript kernels: for comparison, or where WebAssembly is unwelcome.
 */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

/**
 * True when new workspaces will run the WebAssembly SIMD kernels: false until they have loaded (see
 * {@link loadWasmKernels}), which this starts.
 */
export function wasmKernelsActive(): boolean {
  if (!enabled) return false;
  if (!loading) void loadWasmKernels();
  return compiled !== null;
}

/** A kernel instance over a fresh memory of at least `bytes` bytes, or null for the JavaScript path. */
export function instantiateKernels(bytes: number): WasmKernels | null {
  if (!wasmKernelsActive()) return null;
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const e = new WebAssembly.Instance(compiled!, { env: { memory } }).exports as Record<string, (...a: number[]) => void>;
  return {
    memory,
    denseForward: e.dense_forward as WasmKernels['denseForward'],
    denseKernelGrad: e.dense_kernel_grad as WasmKernels['denseKernelGrad'],
    denseInputGrad: e.dense_input_grad as WasmKernels['denseInputGrad'],
  };
}
