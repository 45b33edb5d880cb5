/**
 * The elementwise and pooling loops of the fast CPU path's module (simd-module.ts assembles them with the GEMM):
 * ReLU, its step, and max pooling with the argmax. In JavaScript these branch on the sign of every value, and
 * after a ReLU that sign is a coin toss the processor keeps guessing wrong (about 8 ns a value here); SIMD
 * compares and selects do not branch. Every pointer is a byte offset; n counts floats.
 */
import { F32, I32, op, V128, whileFits, whileLt, type Code, type WasmFunction } from '../../../nn/wasm/assembler.js';

const { get, set, i32 } = op;
const add = (a: Code, b: Code): Code => [a, b, op.i32Add];
const mul = (a: Code, b: Code): Code => [a, b, op.i32Mul];
const shl2 = (a: Code): Code => [a, i32(2), op.i32Shl];

/** A loop over n floats from src to dst: `vector` maps one f32x4 on the stack, `scalar` one f32; i counts. */
function map(name: string, extraParams: number[], vector: Code, scalar: Code, locals: number[] = []): WasmFunction {
  const [src, dst, n] = [0, 1, 2];
  const i = 3 + extraParams.length;
  return {
    name,
    params: [I32, I32, I32, ...extraParams],
    results: [],
    locals: [I32, ...locals],
    body: [
      i32(0),
      set(i),
      whileFits(i, 4, get(n), [add(get(dst), shl2(get(i))), add(get(src), shl2(get(i))), op.v128Load(), vector, op.v128Store()]),
      whileLt(i, get(n), 1, [add(get(dst), shl2(get(i))), add(get(src), shl2(get(i))), op.f32Load(), scalar, op.f32Store()]),
    ],
  };
}

/** relu(src, dst, n): max(0, x), NaN kept (Math.max's answers). */
function relu(): WasmFunction {
  return map('relu', [], [op.v128Zero(), op.f32x4Max], [op.f32(0), op.f32Max]);
}

/** step(src, dst, n, alpha): 1 where x > 0, NaN where x is NaN, alpha elsewhere. */
function step(): WasmFunction {
  const alpha = 3;
  const [v, r] = [5, 6];
  const sv = 7;
  return map(
    'step',
    [F32],
    [
      set(v),
      // r = x > 0 ? 1 : alpha; then x where x ≠ x (NaN)
      op.f32(1), op.f32x4Splat, get(alpha), op.f32x4Splat, get(v), op.v128Zero(), op.f32x4Gt, op.v128Bitselect, set(r),
      get(v), get(r), get(v), get(v), op.f32x4Ne, op.v128Bitselect,
    ],
    [set(sv), op.f32(1), get(alpha), get(sv), op.f32(0), op.f32Gt, op.select, set(sv + 1), get(sv), get(sv + 1), get(sv), get(sv), op.f32Ne, op.select],
    [V128, V128, F32, F32],
  );
}

/**
 * maxpool(x, batch, h, w, c, oh, ow, fh, fw, sh, sw, padTop, padLeft, out, at): NHWC max pooling, c a multiple
 * of 4. A value counts when it is greater than the running maximum (from −∞, so NaNs never count); at (when not
 * 0) gets each maximum's flat input index, the first one in window order, or −1 for a window with no number.
 */
function maxpool(): WasmFunction {
  const [x, batch, h, w, c, oh, ow, fh, fw, sh, sw, pt, pl, out, at] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const [b, oy, ox, y0, y1, x0, x1, y, xx, ch, o, base] = [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26];
  const [mx, idx, p, m] = [27, 28, 29, 30];
  /** lo = max(0, corner), hi = min(size, corner + f) */
  const bounds = (lo: number, hi: number, pos: number, stride: number, pad: number, f: number, size: number): Code => [
    [get(pos), get(stride), op.i32Mul, get(pad), op.i32Sub, set(lo)],
    [get(lo), get(f), op.i32Add, set(hi)],
    [get(hi), get(size), get(hi), get(size), op.i32LtS, op.select, set(hi)],
    [get(lo), i32(0), get(lo), i32(0), op.i32GtS, op.select, set(lo)],
  ];
  return {
    name: 'maxpool',
    params: new Array(15).fill(I32),
    results: [],
    locals: [...new Array(12).fill(I32), V128, V128, V128, V128],
    body: [
      i32(0),
      set(o),
      i32(0),
      set(b),
      whileLt(b, get(batch), 1, [
        i32(0),
        set(oy),
        whileLt(oy, get(oh), 1, [
          bounds(y0, y1, oy, sh, pt, fh, h),
          i32(0),
          set(ox),
          whileLt(ox, get(ow), 1, [
            bounds(x0, x1, ox, sw, pl, fw, w),
            i32(0),
            set(ch),
            whileLt(ch, get(c), 4, [
              op.f32(-Infinity), op.f32x4Splat, set(mx),
              i32(-1), op.i32x4Splat, set(idx),
              get(y0),
              set(y),
              whileLt(y, get(y1), 1, [
                get(x0),
                set(xx),
                whileLt(xx, get(x1), 1, [
                  // base = ((b·h + y)·w + xx)·c + ch: the flat index of lane 0
                  add(mul(add(mul(add(mul(get(b), get(h)), get(y)), get(w)), get(xx)), get(c)), get(ch)),
                  set(base),
                  add(get(x), shl2(get(base))), op.v128Load(), set(p),
                  get(mx), get(p), op.f32x4Lt, set(m),
                  get(p), get(mx), get(m), op.v128Bitselect, set(mx),
                  get(base), op.i32x4Splat, op.i32x4Const([0, 1, 2, 3]), op.i32x4Add, get(idx), get(m), op.v128Bitselect, set(idx),
                ]),
              ]),
              add(get(out), shl2(add(get(o), get(ch)))), get(mx), op.v128Store(),
              get(at),
              op.if_(add(get(at), shl2(add(get(o), get(ch)))), get(idx), op.v128Store()),
            ]),
            add(get(o), get(c)),
            set(o),
          ]),
        ]),
      ]),
    ],
  };
}

/** The loops, in the order simd-module.ts appends them. */
export function loopFunctions(): WasmFunction[] {
  return [relu(), step(), maxpool()];
}
