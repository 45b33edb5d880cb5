/**
 * The fast CPU path's WebAssembly module, generated here as bytes (no .wasm file to ship or to find from the
 * worker's URL): an f32x4 GEMM micro-kernel with packing, im2col and a few elementwise loops. Every pointer is a
 * byte offset into the imported memory; every length is in elements.
 *
 * Layouts. A is packed in panels of MR rows: panel p holds A(p·MR + r, t) at ((p·K + t)·MR + r), so the kernel
 * reads MR consecutive floats per step of t. B is read row by row (t) in columns of NR floats, either from a
 * row-major matrix (row stride ldb) or from panels [ceil(N/NR)][K][NR] (ldb = NR·4). C is row-major with its
 * rows padded to a multiple of MR and its columns to a multiple of NR, so the kernel never handles an edge.
 *
 * Plain WebAssembly SIMD only (Chromium 91+, Firefox 89+, Safari 16.4+, Node 16.4+). Relaxed SIMD's fused
 * multiply-add validated in Chromium 156 but not in Node 20, and measured no faster here; plain mul + add also
 * rounds the same on every machine.
 */
import { assemble, I32, op, V128, whileLt, type Code, type WasmFunction } from '../../../nn/wasm/assembler.js';
import { loopFunctions } from './simd-module-loops.js';

const { get, set, i32, if_, ifElse } = op;

/** Rows of A per micro-kernel tile. 5 × 8 keeps 10 accumulators, 2 B vectors and a splat in 16 registers. */
export const MR = 5;
/** Columns per micro-kernel tile (two f32x4 vectors). */
export const NR = 8;
const NV = NR / 4;

/** Micro-kernel flags. */
export const ACCUMULATE = 1;
export const RELU = 2;
export const BIAS = 4;

const add = (a: Code, b: Code): Code => [a, b, op.i32Add];
const mul = (a: Code, b: Code): Code => [a, b, op.i32Mul];
const shl2 = (a: Code): Code => [a, i32(2), op.i32Shl];

/**
 * micro(a, b, ldb, k, c, ldc): the MR × NR tile C = A·B over k steps, stored at c (row stride ldc bytes); ldb is
 * B's row stride in bytes. It only stores: an epilogue that also loaded (C, a bias) made V8 keep the accumulators
 * in memory through the whole loop, at half the speed, so that is a separate function (epilogue).
 */
function micro(): WasmFunction {
  const [a, b, ldb, k, c, ldc] = [0, 1, 2, 3, 4, 5];
  const t = 6;
  const bv = [7, 8];
  const av = 9;
  const acc0 = 10;
  const acc = (r: number, j: number): number => acc0 + r * NV + j;
  const body: Code[] = [];
  for (let r = 0; r < MR; r++) for (let j = 0; j < NV; j++) body.push([op.v128Zero(), set(acc(r, j))]);
  const step: Code[] = [];
  for (let j = 0; j < NV; j++) step.push([get(b), op.v128Load(16 * j), set(bv[j])]);
  for (let r = 0; r < MR; r++) {
    step.push([get(a), op.v128Load32Splat(4 * r), set(av)]);
    for (let j = 0; j < NV; j++) step.push([get(acc(r, j)), get(av), get(bv[j]), op.f32x4Mul, op.f32x4Add, set(acc(r, j))]);
  }
  step.push([add(get(a), i32(4 * MR)), set(a), add(get(b), get(ldb)), set(b)]);
  body.push([i32(0), set(t), whileLt(t, get(k), 1, step)]);
  for (let r = 0; r < MR; r++) {
    for (let j = 0; j < NV; j++) body.push([add(get(c), mul(get(ldc), i32(r))), get(acc(r, j)), op.v128Store(16 * j)]);
  }
  return { name: 'micro', params: new Array(6).fill(I32), results: [], locals: [I32, ...new Array(3 + MR * NV).fill(V128)], body };
}

/**
 * epilogue(tile, c, ldc, flags, bias): C = tile (+ C with ACCUMULATE) (+ bias[0..NR) with BIAS) (max(·, 0) with
 * RELU, NaN kept as Math.max keeps it), for one MR × NR tile; the tile is dense (row stride NR floats).
 */
function epilogue(): WasmFunction {
  const [tile, c, ldc, flags, bias] = [0, 1, 2, 3, 4];
  const v = 5;
  const body: Code[] = [];
  const has = (flag: number): Code => [get(flags), i32(flag), op.i32And];
  for (let r = 0; r < MR; r++) {
    const row = add(get(c), mul(get(ldc), i32(r)));
    for (let j = 0; j < NV; j++) {
      const at = 16 * (r * NV + j);
      body.push([
        get(tile), op.v128Load(at), set(v),
        has(ACCUMULATE), if_(get(v), row, op.v128Load(16 * j), op.f32x4Add, set(v)),
        has(BIAS), if_(get(v), get(bias), op.v128Load(16 * j), op.f32x4Add, set(v)),
        has(RELU), if_(get(v), op.v128Zero(), op.f32x4Max, set(v)),
        row, get(v), op.v128Store(16 * j),
      ]);
    }
  }
  return { name: 'epilogue', params: new Array(5).fill(I32), results: [], locals: [V128], body };
}

/** Where gemm keeps a tile that still needs its epilogue: bytes [TILE, TILE + MR·NR·4) of the memory. */
export const TILE = 64;

/**
 * gemm(a, b, ldb, bPanel, m, n, k, c, ldc, flags, bias, kc): C (m × n, both padded) = packed A · B, in blocks of
 * kc steps of the inner dimension so a B panel stays in the L1 cache. Panel j of B starts at b + j·bPanel. Flags
 * as the micro-kernel's; BIAS and RELU apply after the last block, ACCUMULATE from the first.
 */
function gemm(): WasmFunction {
  const [a, b, ldb, bPanel, m, n, k, c, ldc, flags, bias, kc] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [k0, kl, i, j, f, ap, bp] = [12, 13, 14, 15, 16, 17, 18];
  const cTile = add(get(c), add(mul(get(i), get(ldc)), shl2(get(j))));
  return {
    name: 'gemm',
    params: new Array(12).fill(I32),
    results: [],
    locals: new Array(7).fill(I32),
    body: [
      i32(0),
      set(k0),
      whileLt(k0, get(k), 0, [
        // kl = min(kc, k − k0)
        [get(k), get(k0), op.i32Sub, set(kl), get(kl), get(kc), op.i32GtS, if_(get(kc), set(kl))],
        // flags for this block: ACCUMULATE after the first block; BIAS/RELU only on the last.
        get(flags),
        i32(ACCUMULATE),
        op.i32And,
        get(k0),
        i32(0),
        op.i32Ne,
        op.i32Or,
        [get(flags), i32(RELU | BIAS), op.i32And, get(k0), get(kl), op.i32Add, get(k), op.i32Eq, op.i32Mul],
        op.i32Or,
        set(f),
        i32(0),
        set(j),
        whileLt(j, get(n), NR, [
          i32(0),
          set(i),
          whileLt(i, get(m), MR, [
            // ap = a + (i·k + k0·MR)·4: panel i/MR at inner step k0
            add(get(a), shl2(add(mul(get(i), get(k)), mul(get(k0), i32(MR))))),
            set(ap),
            // bp = b + (j/NR)·bPanel + k0·ldb
            add(add(get(b), mul([get(j), i32(NR), op.i32DivU], get(bPanel))), mul(get(k0), get(ldb))),
            set(bp),
            get(f),
            ifElse(
              [
                [get(ap), get(bp), get(ldb), get(kl), i32(TILE), i32(4 * NR), op.call(0)],
                [i32(TILE), cTile, get(ldc), get(f), add(get(bias), shl2(get(j))), op.call(1)],
              ],
              [get(ap), get(bp), get(ldb), get(kl), cTile, get(ldc), op.call(0)],
            ),
          ]),
        ]),
        add(get(k0), get(kl)),
        set(k0),
      ]),
    ],
  };
}

/**
 * pack_a(src, rows, cols, ld, trans, dst): A(i, t) for i < rows, t < cols into MR-row panels (rows padded with
 * zeros); A(i, t) = src[i·ld + t], or src[t·ld + i] when trans ≠ 0.
 */
function packA(): WasmFunction {
  const [src, rows, cols, ld, trans, dst] = [0, 1, 2, 3, 4, 5];
  const [i, t, d, s, step] = [6, 7, 8, 9, 10];
  return {
    name: 'pack_a',
    params: new Array(6).fill(I32),
    results: [],
    locals: new Array(5).fill(I32),
    body: [
      // Zero the padding rows first: the last panel is the only one that has any.
      [get(dst), i32(0), shl2(mul([get(rows), i32(MR - 1), op.i32Add, i32(MR), op.i32DivU, i32(MR), op.i32Mul], get(cols))), op.memoryFill],
      get(trans),
      ifElse([shl2(get(ld)), set(step)], [i32(4), set(step)]),
      i32(0),
      set(i),
      whileLt(i, get(rows), 1, [
        // d = dst + ((i/MR)·cols·MR + i%MR)·4; s = &A(i, 0)
        add(get(dst), shl2(add(mul(mul([get(i), i32(MR), op.i32DivU], get(cols)), i32(MR)), [get(i), i32(MR), op.i32RemU]))),
        set(d),
        get(trans),
        ifElse([add(get(src), shl2(get(i))), set(s)], [add(get(src), shl2(mul(get(i), get(ld)))), set(s)]),
        i32(0),
        set(t),
        whileLt(t, get(cols), 1, [
          get(d), get(s), op.f32Load(), op.f32Store(),
          add(get(d), i32(4 * MR)), set(d),
          add(get(s), get(step)), set(s),
        ]),
      ]),
    ],
  };
}

/**
 * pack_b(src, rows, cols, ld, trans, dst): B(t, j) for t < rows, j < cols into NR-column panels
 * [ceil(cols/NR)][rows][NR] (columns padded with zeros); B(t, j) = src[t·ld + j], or src[j·ld + t] when trans ≠ 0.
 */
function packB(): WasmFunction {
  const [src, rows, cols, ld, trans, dst] = [0, 1, 2, 3, 4, 5];
  const [j, t, d, s, step, panels] = [6, 7, 8, 9, 10, 11];
  return {
    name: 'pack_b',
    params: new Array(6).fill(I32),
    results: [],
    locals: new Array(6).fill(I32),
    body: [
      [get(cols), i32(NR - 1), op.i32Add, i32(NR), op.i32DivU, set(panels)],
      [get(dst), i32(0), shl2(mul(mul(get(panels), i32(NR)), get(rows))), op.memoryFill],
      get(trans),
      ifElse([i32(4), set(step)], [shl2(get(ld)), set(step)]),
      i32(0),
      set(j),
      whileLt(j, get(cols), 1, [
        // d = dst + ((j/NR)·rows·NR + j%NR)·4; s = &B(0, j)
        add(get(dst), shl2(add(mul(mul([get(j), i32(NR), op.i32DivU], get(rows)), i32(NR)), [get(j), i32(NR), op.i32RemU]))),
        set(d),
        get(trans),
        ifElse([add(get(src), shl2(mul(get(j), get(ld)))), set(s)], [add(get(src), shl2(get(j))), set(s)]),
        i32(0),
        set(t),
        whileLt(t, get(rows), 1, [
          get(d), get(s), op.f32Load(), op.f32Store(),
          add(get(d), i32(4 * NR)), set(d),
          add(get(s), get(step)), set(s),
        ]),
      ]),
    ],
  };
}

/**
 * im2col(xp, hp, wp, ch, kh, kw, sh, sw, oh, ow, m0, rows, dst, mode): the patches of output pixels m0 … m0+rows
 * (pixels counted over the batch, row-major) of a padded NHWC input xp [·][hp][wp][ch]; a patch is (ky, kx, c)
 * in the filter's order, K = kh·kw·ch long, and each filter row's kw·ch values are one run in the input.
 * mode 0 writes them as A panels with one row per pixel (rows padded to MR with zeros): the forward GEMM.
 * mode 1 writes them transposed, one row per patch element and `rows` inner steps: the filter-gradient GEMM
 * (the padding rows of its last panel must be zero already).
 */
function im2col(): WasmFunction {
  const [xp, hp, wp, ch, kh, kw, sh, sw, oh, ow, m0, rows, dst, mode] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const [r, m, rem, src, ky, u, runLen, d, lane, kTotal, s] = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
  const plane = mul(get(oh), get(ow));
  return {
    name: 'im2col',
    params: new Array(14).fill(I32),
    results: [],
    locals: new Array(11).fill(I32),
    body: [
      mul(get(kw), get(ch)),
      set(runLen),
      mul(get(kh), get(runLen)),
      set(kTotal),
      get(mode),
      // mode 0: zero the padding rows of the last panel.
      ifElse([], [[get(dst), i32(0), shl2(mul([get(rows), i32(MR - 1), op.i32Add, i32(MR), op.i32DivU, i32(MR), op.i32Mul], get(kTotal))), op.memoryFill]]),
      i32(0),
      set(r),
      whileLt(r, get(rows), 1, [
        add(get(m0), get(r)),
        set(m),
        [get(m), plane, op.i32RemU, set(rem)],
        // src = xp + ((b·hp + oy·sh)·wp + ox·sw)·ch·4, with b = m / (oh·ow), (oy, ox) from the remainder
        add(
          get(xp),
          shl2(
            mul(
              add(
                mul(add(mul([get(m), plane, op.i32DivU], get(hp)), mul([get(rem), get(ow), op.i32DivU], get(sh))), get(wp)),
                mul([get(rem), get(ow), op.i32RemU], get(sw)),
              ),
              get(ch),
            ),
          ),
        ),
        set(src),
        get(mode),
        ifElse(
          // Transposed: element kk of pixel r at ((kk/MR)·rows + r)·MR + kk%MR; kk counts up from 0.
          [add(get(dst), shl2(mul(get(r), i32(MR)))), set(d), i32(0), set(lane)],
          // Panels: element kk of pixel r at ((r/MR)·K + kk)·MR + r%MR.
          [add(get(dst), shl2(add(mul(mul([get(r), i32(MR), op.i32DivU], get(kTotal)), i32(MR)), [get(r), i32(MR), op.i32RemU]))), set(d)],
        ),
        i32(0),
        set(ky),
        whileLt(ky, get(kh), 1, [
          get(src),
          set(s),
          i32(0),
          set(u),
          get(mode),
          ifElse(
            [
              whileLt(u, get(runLen), 1, [
                get(d), get(s), op.f32Load(), op.f32Store(),
                add(get(s), i32(4)), set(s),
                add(get(lane), i32(1)), set(lane),
                get(lane), i32(MR), op.i32Eq,
                ifElse(
                  [i32(0), set(lane), add(get(d), add(shl2(mul(add(get(rows), i32(-1)), i32(MR))), i32(4))), set(d)],
                  [add(get(d), i32(4)), set(d)],
                ),
              ]),
            ],
            [
              whileLt(u, get(runLen), 1, [
                get(d), get(s), op.f32Load(), op.f32Store(),
                add(get(s), i32(4)), set(s),
                add(get(d), i32(4 * MR)), set(d),
              ]),
            ],
          ),
          // next filter row: one padded input row further
          add(get(src), shl2(mul(get(wp), get(ch)))),
          set(src),
        ]),
      ]),
    ],
  };
}

let bytes: Uint8Array<ArrayBuffer> | null = null;

/** The module's bytes (built once). */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  // micro and epilogue first: gemm calls them as functions 0 and 1.
  bytes ??= assemble([micro(), epilogue(), gemm(), packA(), packB(), im2col(), ...loopFunctions()]);
  return bytes;
}
