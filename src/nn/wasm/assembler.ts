/**
 * A minimal WebAssembly binary writer: just what the engine's SIMD kernels need (i32/f64 scalars, f64x2 vectors,
 * loads and stores, blocks, loops, branches). Written by hand because the kernels are a few hundred bytes and a
 * build-time toolchain (wat2wasm, emscripten) would be a dependency for that alone.
 */

/** Value types. */
export const I32 = 0x7f;
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
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
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
  f64x2Splat: simd(0x14),
  f64x2ExtractLane: (lane: number): Code => simd(0x21, lane),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
  /** b < a ? a : b — with a = 0, ReLU (NaN gives 0, as `z > 0 ? z : 0`). */
  f64x2Pmax: simd(0xf7),
  select: 0x1b,
};

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
