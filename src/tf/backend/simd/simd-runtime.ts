/**
 * One instance of the fast CPU path's module (simd-module.ts) and its memory. Each kernel call lays out its
 * buffers from the start of the memory (nothing persists between calls), copies its inputs in and its result
 * out; the memory grows to the largest call and stays that size.
 */
import { MR, NR, simdModuleBytes, TILE } from './simd-module.js';

interface Exports {
  gemm(a: number, b: number, ldb: number, bPanel: number, m: number, n: number, k: number, c: number, ldc: number, flags: number, bias: number, kc: number): void;
  pack_a(src: number, rows: number, cols: number, ld: number, trans: number, dst: number): void;
  pack_b(src: number, rows: number, cols: number, ld: number, trans: number, dst: number): void;
  im2col(xp: number, hp: number, wp: number, ch: number, kh: number, kw: number, sh: number, sw: number, oh: number, ow: number, m0: number, rows: number, dst: number, mode: number): void;
  relu(src: number, dst: number, n: number): void;
  step(src: number, dst: number, n: number, alpha: number): void;
  maxpool(x: number, batch: number, h: number, w: number, c: number, oh: number, ow: number, fh: number, fw: number, sh: number, sw: number, padTop: number, padLeft: number, out: number, at: number): void;
}

/** Byte offset of the first buffer: below it, offset 0 (never a buffer) and the GEMM's tile (simd-module.ts). */
const BASE = TILE + 4 * MR * NR;
/** Buffers start on cache lines. */
const ALIGN = 64;
const PAGE = 65536;

let module: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is missing. */
function compiled(): WebAssembly.Module | null {
  if (module !== undefined) return module;
  module = null;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return null;
  const bytes = simdModuleBytes();
  if (!WebAssembly.validate(bytes)) return null;
  // Synchronous: the backend starts in a worker or in Node, where a small module compiles at once.
  module = new WebAssembly.Module(bytes);
  return module;
}

/** Why the fast CPU path cannot run here, or null when it can. */
export function simdUnavailableReason(): string | null {
  if (typeof WebAssembly !== 'object') return 'this browser has no WebAssembly';
  try {
    return compiled() ? null : "this browser's WebAssembly has no SIMD";
  } catch (err) {
    return `its WebAssembly module did not compile: ${(err as Error).message}`;
  }
}

/** The module's functions over one growing memory. */
export class SimdRuntime {
  readonly memory: WebAssembly.Memory;
  readonly fn: Exports;
  private f32View: Float32Array;

  constructor() {
    const m = compiled();
    if (!m) throw new Error(simdUnavailableReason() ?? 'WebAssembly SIMD is not available');
    this.memory = new WebAssembly.Memory({ initial: 16 });
    this.fn = new WebAssembly.Instance(m, { env: { memory: this.memory } }).exports as unknown as Exports;
    this.f32View = new Float32Array(this.memory.buffer);
  }

  /** The memory as floats (a fresh view after the memory grew). */
  get f32(): Float32Array {
    if (this.f32View.buffer !== this.memory.buffer) this.f32View = new Float32Array(this.memory.buffer);
    return this.f32View;
  }

  /** Byte offsets of buffers of the given float counts, laid out from the start; grows the memory to fit. */
  layout(...floats: number[]): number[] {
    let at = BASE;
    const out = floats.map((n) => {
      const p = at;
      at += Math.ceil((4 * n) / ALIGN) * ALIGN;
      return p;
    });
    const need = Math.ceil(at / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (need > 0) this.memory.grow(need);
    return out;
  }

  /** Copies `data` to byte offset `ptr`. */
  write(ptr: number, data: Float32Array): void {
    this.f32.set(data, ptr >> 2);
  }

  /** A copy of `n` floats at byte offset `ptr`. */
  read(ptr: number, n: number): Float32Array {
    return this.f32.slice(ptr >> 2, (ptr >> 2) + n);
  }

  /** Zeroes `n` floats at byte offset `ptr`. */
  zero(ptr: number, n: number): void {
    this.f32.fill(0, ptr >> 2, (ptr >> 2) + n);
  }
}

let shared: SimdRuntime | null = null;

/** The instance the backend's kernels share (one per page or worker: kernels run one at a time). */
export function sharedRuntime(): SimdRuntime {
  shared ??= new SimdRuntime();
  return shared;
}
