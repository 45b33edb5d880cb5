/**
 * A minimal WebAssembly binary writer: just what the engines' SIMD kernels need (i32/f32/f64 scalars, f64x2 and
 * f32x4 vectors, loads and stores, blocks, loops, branches). Written by hand because the kernels are a few
 * kilobytes and a build-time toolchain (wat2wasm, emscripten) would be a dependency for that alone.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A chunk of code: bytes, nested arrays flattened on emit. */
export type Code = number | Code[];

function flat(code: Code, out: number[] = []): number[] {
  if (typeof code === 'number') out.push(code);
  else for (const c of code) flat(c, out);
  return out;
}

const simd = (op: number, ...rest: number[]): number[] => [0xfd, ...uleb(op), ...rest];
/** memarg: alignment exponent and constant offset. */
const mem = (align: number, offset = 0): number[] => [align, ...uleb(offset)];

/** Instructions (stack machine), named as in the text format. */
export const op = {
  block: (...body: Code[]): Code => [0x02, 0x40, body, 0x0b],
  loop: (...body: Code[]): Code => [0x03, 0x40, body, 0x0b],
  if_: (...body: Code[]): Code => [0x04, 0x40, body, 0x0b],
  ifElse: (then: Code[], els: Code[]): Code => [0x04, 0x40, then, 0x05, els, 0x0b],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  get: (i: number): Code => [0x20, ...uleb(i)],
  set: (i: number): Code => [0x21, ...uleb(i)],
  tee: (i: number): Code => [0x22, ...uleb(i)],
  i32: (n: number): Code => [0x41, ...sleb(n)],
  f64: (x: number): Code => [0x44, ...new Uint8Array(new Float64Array([x]).buffer)],
  i32Load: (offset = 0): Code => [0x28, ...mem(2, offset)],
  f64Load: (offset = 0): Code => [0x2b, ...mem(3, offset)],
  i32Store: (offset = 0): Code => [0x36, ...mem(2, offset)],
  f64Store: (offset = 0): Code => [0x39, ...mem(3, offset)],
  f32Load: (offset = 0): Code => [0x2a, ...mem(2, offset)],
  f32Store: (offset = 0): Code => [0x38, ...mem(2, offset)],
  f32: (x: number): Code => [0x43, ...new Uint8Array(new Float32Array([x]).buffer)],
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  i32And: 0x71,
  i32Or: 0x72,
  i32DivU: 0x6e,
  i32RemU: 0x70,
  i32LtU: 0x49,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  i32LeS: 0x4c,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  v128Load: (offset = 0): Code => simd(0x00, ...mem(3, offset)),
  v128Store: (offset = 0): Code => simd(0x0b, ...mem(3, offset)),
  v128Zero: (): Code => simd(0x0c, ...new Array(16).fill(0)),
  /** Four i32 lanes. */
  i32x4Const: (lanes: [number, number, number, number]): Code => simd(0x0c, ...new Uint8Array(new Int32Array(lanes).buffer)),
  f64x2Splat: simd(0x14),
  f64x2ExtractLane: (lane: number): Code => simd(0x21, lane),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
  /** b < a ? a : b — with a = 0, ReLU (NaN gives 0, as `z > 0 ? z : 0`). */
  f64x2Pmax: simd(0xf7),
  select: 0x1b,
  drop: 0x1a,
  call: (index: number): Code => [0x10, ...uleb(index)],
  f32Add: 0x92,
  f32Sub: 0x93,
  f32Mul: 0x94,
  f32Max: 0x97,
  f32Gt: 0x5e,
  f32Ne: 0x5c,
  f32Lt: 0x5d,
  /** Loads one f32 into all four lanes. */
  v128Load32Splat: (offset = 0): Code => simd(0x09, ...mem(2, offset)),
  f32x4Splat: simd(0x13),
  f32x4ExtractLane: (lane: number): Code => simd(0x1f, lane),
  f32x4Ne: simd(0x42),
  f32x4Lt: simd(0x43),
  f32x4Gt: simd(0x44),
  /** v1 where the mask's bits are set, else v2 (stack: v1, v2, mask). */
  v128Bitselect: simd(0x52),
  i32x4Splat: simd(0x11),
  i32x4Add: simd(0xae),
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f32x4Max: simd(0xe9),
  /** b < a ? a : b — with a = 0, ReLU (NaN gives 0). */
  f32x4Pmax: simd(0xeb),
  v128And: simd(0x4e),
  /** Relaxed SIMD: a·b + c, fused or not as the hardware does it (one or the other, always the same on a machine). */
  f32x4RelaxedMadd: simd(0x105),
  /** Bulk memory: memory.copy(dst, src, bytes) and memory.fill(dst, byte, bytes). */
  memoryCopy: [0xfc, 10, 0, 0],
  memoryFill: [0xfc, 11, 0],
};

/** `counter` from its current value while counter < limit: body, counter += step. */
export function whileLt(counter: number, limit: Code, step: number, body: Code[]): Code {
  return op.block(
    op.loop(op.get(counter), limit, op.i32GeS, op.brIf(1), body, op.get(counter), op.i32(step), op.i32Add, op.set(counter), op.br(0)),
  );
}

/** `counter` while counter + width ≤ limit (a block of `width` fits). */
export function whileFits(counter: number, width: number, limit: Code, body: Code[]): Code {
  return op.block(
    op.loop(
      op.get(counter), op.i32(width), op.i32Add, limit, op.i32GtS, op.brIf(1),
      body,
      op.get(counter), op.i32(width), op.i32Add, op.set(counter), op.br(0),
    ),
  );
}

/** One function: its parameter and result types, extra locals, and body. */
export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  body: Code[];
}

/** A module that imports its memory as env.memory and exports every function by name. */
export function assemble(functions: WasmFunction[]): Uint8Array<ArrayBuffer> {
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const str = (s: string): number[] => {
    const b = Array.from(new TextEncoder().encode(s));
    return [...uleb(b.length), ...b];
  };
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))]);
  const imports = [[...str('env'), ...str('memory'), 0x02, 0x00, 0x00]];
  const funcs = functions.map((_, i) => uleb(i));
  const exports = functions.map((f, i) => [...str(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    // Runs of one type are declared together (count, type): a smaller module.
    const runs: number[][] = [];
    for (const t of f.locals) {
      const lastRun = runs[runs.length - 1];
      if (lastRun && lastRun[1] === t) lastRun[0]++;
      else runs.push([1, t]);
    }
    const locals = vec(runs.map(([n, t]) => [...uleb(n), t]));
    const code = [...locals, ...flat(f.body), 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcs)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
