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

/** The smallest module with one SIMD instruction: tells "no SIMD here" from a module this library got wrong. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

/** Why the fast CPU path cannot run here, or null when it can (checks only; compiles nothing). */
export function simdUnavailableReason(): string | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return 'this browser has no WebAssembly';
  if (!WebAssembly.validate(SIMD_PROBE)) return "this browser's WebAssembly has no SIMD";
  if (!WebAssembly.validate(simdModuleBytes())) return 'its WebAssembly module does not validate here';
  return null;
}

const imports = (memory: WebAssembly.Memory) => ({ env: { memory } });

/** The module's functions over one growing memory. */
export class SimdRuntime {
  readonly memory: WebAssembly.Memory;
  readonly fn: Exports;
  private f32View: Float32Array;

  private constructor(memory: WebAssembly.Memory, instance: WebAssembly.Instance) {
    this.memory = memory;
    this.fn = instance.exports as unknown as Exports;
    this.f32View = new Float32Array(memory.buffer);
  }

  /** Compiles and instantiates synchronously: in Node and workers (a page's main thread refuses modules over 4 KB). */
  static sync(): SimdRuntime {
    const reason = simdUnavailableReason();
    if (reason) throw new Error(`The fast CPU path cannot run: ${reason}.`);
    const memory = new WebAssembly.Memory({ initial: 16 });
    return new SimdRuntime(memory, new WebAssembly.Instance(new WebAssembly.Module(simdModuleBytes()), imports(memory)));
  }

  /** Compiles and instantiates without blocking: anywhere, the main thread included. */
  static async load(): Promise<SimdRuntime> {
    const reason = simdUnavailableReason();
    if (reason) throw new Error(`The fast CPU path cannot run: ${reason}.`);
    const memory = new WebAssembly.Memory({ initial: 16 });
    const { instance } = await WebAssembly.instantiate(simdModuleBytes(), imports(memory));
    return new SimdRuntime(memory, instance);
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

/** Loads the instance the backend's kernels share (once; one per page or worker: kernels run one at a time). */
export async function loadSharedRuntime(): Promise<SimdRuntime> {
  shared ??= await SimdRuntime.load();
  return shared;
}

/** The shared instance (made synchronously if {@link loadSharedRuntime} has not run: Node and workers only). */
export function sharedRuntime(): SimdRuntime {
  shared ??= SimdRuntime.sync();
  return shared;
}
