/**
 * Convolutions and matrix products on plain Float32Arrays, computed by the SIMD module: what the fast CPU
 * backend's TF.js kernels call. Convolutions are im2col + GEMM in blocks of output pixels, so the patch matrix
 * never exists whole; the input gradient of a stride-1 convolution is the forward convolution of the padded
 * output gradient with the flipped filter.
 */
import { ACCUMULATE, BIAS, MR, NR, RELU } from './simd-module.js';
import type { SimdRuntime } from './simd-runtime.js';

/** A 2-D convolution's shapes (NHWC, filter [kh, kw, inC, outC]), as TF.js's computeConv2DInfo gives them. */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  padTop: number;
  padLeft: number;
}

/** What a convolution adds after the sum. */
export interface Epilogue {
  /** One value per output channel. */
  bias?: Float32Array | null;
  relu?: boolean;
}

/** Makes the arrays results are returned in (the backend's pool; plain `new` by default). */
export type Alloc = (n: number) => Float32Array;
const fresh: Alloc = (n) => new Float32Array(n);

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;
/** Floats of A per block: 32 K floats (128 KB) keeps a block in the L2 cache. */
const A_BLOCK_FLOATS = 32768;
/** Inner steps per GEMM pass in a matrix product: a B panel of 256 × 8 floats (8 KB) stays in L1. */
const KC = 256;

/** Copies NHWC `x` into a zero border: rows [padTop, padTop + inH) of hp, columns [padLeft, …) of wp. */
function writePadded(rt: SimdRuntime, ptr: number, x: Float32Array, g: ConvGeometry, hp: number, wp: number): void {
  const { batch, inH, inW, inC, padTop, padLeft } = g;
  if (hp === inH && wp === inW) {
    rt.write(ptr, x.subarray(0, batch * inH * inW * inC));
    return;
  }
  const f32 = rt.f32;
  const base = ptr >> 2;
  f32.fill(0, base, base + batch * hp * wp * inC);
  const row = inW * inC;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < inH; y++) {
      const src = (b * inH + y) * row;
      f32.set(x.subarray(src, src + row), base + ((b * hp + y + padTop) * wp + padLeft) * inC);
    }
  }
}

/** Rows of C (padded to `np` columns) into a dense m × n array `out`, from `at` on. */
function readRows(rt: SimdRuntime, ptr: number, m: number, n: number, np: number, out: Float32Array, at = 0): Float32Array {
  const f32 = rt.f32;
  const base = ptr >> 2;
  if (n === np) out.set(f32.subarray(base, base + m * n), at);
  else for (let i = 0; i < m; i++) out.set(f32.subarray(base + i * np, base + i * np + n), at + i * n);
  return out;
}

/** The padded input extent the filter reaches. */
function paddedExtent(g: ConvGeometry): [number, number] {
  return [Math.max(g.padTop + g.inH, (g.outH - 1) * g.sh + g.kh), Math.max(g.padLeft + g.inW, (g.outW - 1) * g.sw + g.kw)];
}

/** y = conv2d(x, filter) (+ bias) (relu): NHWC, filter [kh, kw, inC, outC], no dilation. */
export function conv2dForward(
  rt: SimdRuntime,
  x: Float32Array,
  filter: Float32Array,
  g: ConvGeometry,
  epilogue: Epilogue = {},
  alloc: Alloc = fresh,
): Float32Array {
  const [hp, wp] = paddedExtent(g);
  const k = g.kh * g.kw * g.inC;
  const m = g.batch * g.outH * g.outW;
  const n = g.outC;
  const np = roundUp(n, NR);
  const mb = Math.max(MR, roundUp(Math.floor(A_BLOCK_FLOATS / k), MR));
  // A filter whose row is whole NR panels is read in place; any other is packed with zero columns.
  const direct = n === np;
  const [xp, raw, bp, bias, a, c] = rt.layout(g.batch * hp * wp * g.inC, k * n, direct ? 0 : np * k, np, mb * k, roundUp(m, MR) * np);
  writePadded(rt, xp, x, g, hp, wp);
  rt.write(raw, filter.subarray(0, k * n));
  if (!direct) rt.fn.pack_b(raw, k, n, n, 0, bp);
  rt.zero(bias, np);
  if (epilogue.bias) rt.write(bias, epilogue.bias.subarray(0, n));
  const flags = (epilogue.bias ? BIAS : 0) | (epilogue.relu ? RELU : 0);
  const [b, ldb, bPanel] = direct ? [raw, 4 * n, 4 * NR] : [bp, 4 * NR, 4 * NR * k];
  for (let m0 = 0; m0 < m; m0 += mb) {
    const rows = Math.min(mb, m - m0);
    rt.fn.im2col(xp, hp, wp, g.inC, g.kh, g.kw, g.sh, g.sw, g.outH, g.outW, m0, rows, a, 0);
    rt.fn.gemm(a, b, ldb, bPanel, roundUp(rows, MR), np, k, c + 4 * m0 * np, 4 * np, flags, bias, k);
  }
  return readRows(rt, c, m, n, np, alloc(m * n));
}

/** dL/dfilter of conv2d(x, filter) given dy = dL/dy: [kh, kw, inC, outC]. */
export function conv2dBackpropFilter(rt: SimdRuntime, x: Float32Array, dy: Float32Array, g: ConvGeometry, alloc: Alloc = fresh): Float32Array {
  const [hp, wp] = paddedExtent(g);
  const k = g.kh * g.kw * g.inC;
  const kp = roundUp(k, MR);
  const m = g.batch * g.outH * g.outW;
  const n = g.outC;
  const np = roundUp(n, NR);
  const mb = Math.max(16, Math.floor(A_BLOCK_FLOATS / kp));
  const direct = n === np;
  const [xp, dyp, bp, a, c] = rt.layout(g.batch * hp * wp * g.inC, m * n, direct ? 0 : np * mb, kp * mb, kp * np);
  writePadded(rt, xp, x, g, hp, wp);
  rt.write(dyp, dy.subarray(0, m * n));
  for (let m0 = 0; m0 < m; m0 += mb) {
    const rows = Math.min(mb, m - m0);
    // The last panel's rows past k must read zero; a shorter block moves where they are.
    if (kp !== k && (m0 === 0 || rows !== mb)) rt.zero(a, kp * mb);
    rt.fn.im2col(xp, hp, wp, g.inC, g.kh, g.kw, g.sh, g.sw, g.outH, g.outW, m0, rows, a, 1);
    let b = dyp + 4 * m0 * n;
    let [ldb, bPanel] = [4 * n, 4 * NR];
    if (!direct) {
      rt.fn.pack_b(b, rows, n, n, 0, bp);
      [b, ldb, bPanel] = [bp, 4 * NR, 4 * NR * rows];
    }
    rt.fn.gemm(a, b, ldb, bPanel, kp, np, rows, c, 4 * np, m0 > 0 ? ACCUMULATE : 0, 0, rows);
  }
  return readRows(rt, c, k, n, np, alloc(k * n));
}

/**
 * dL/dx of conv2d(x, filter) given dy, for stride 1: the 'full' correlation of dy with the filter turned by
 * 180° and its channel axes swapped. Returns null for strides other than 1 or paddings it cannot express (the
 * caller then uses TF.js's kernel).
 */
export function conv2dBackpropInput(
  rt: SimdRuntime,
  dy: Float32Array,
  filter: Float32Array,
  g: ConvGeometry,
  alloc: Alloc = fresh,
): Float32Array | null {
  const { kh, kw, inC, outC } = g;
  const padTop = kh - 1 - g.padTop;
  const padLeft = kw - 1 - g.padLeft;
  if (g.sh !== 1 || g.sw !== 1 || padTop < 0 || padLeft < 0) return null;
  // The padded dy must cover each input row's filter window, and dy's rows must all fall inside it.
  if (padTop + g.outH > g.inH + kh - 1 || padLeft + g.outW > g.inW + kw - 1) return null;
  const flipped = new Float32Array(kh * kw * outC * inC);
  for (let ky = 0; ky < kh; ky++) {
    for (let kx = 0; kx < kw; kx++) {
      const src = ((kh - 1 - ky) * kw + (kw - 1 - kx)) * inC * outC;
      const dst = (ky * kw + kx) * outC * inC;
      for (let ci = 0; ci < inC; ci++) for (let co = 0; co < outC; co++) flipped[dst + co * inC + ci] = filter[src + ci * outC + co];
    }
  }
  const full: ConvGeometry = {
    batch: g.batch,
    inH: g.outH,
    inW: g.outW,
    inC: outC,
    outH: g.inH,
    outW: g.inW,
    outC: inC,
    kh,
    kw,
    sh: 1,
    sw: 1,
    padTop,
    padLeft,
  };
  return conv2dForward(rt, dy, flipped, full, {}, alloc);
}

/** A batch of matrix products: a [batchA, m, k] (or [·, k, m] transposed) times b [batchB, k, n] (or [·, n, k]). */
export interface MatMulShape {
  batchA: number;
  batchB: number;
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
}

/**
 * c = a·b per batch item (a batch of 1 on either side is broadcast), + bias (one value per column), relu.
 * Returns [max(batchA, batchB), m, n].
 */
export function matMul(
  rt: SimdRuntime,
  a: Float32Array,
  b: Float32Array,
  s: MatMulShape,
  epilogue: Epilogue = {},
  alloc: Alloc = fresh,
): Float32Array {
  const { m, k, n, transA, transB } = s;
  const batch = Math.max(s.batchA, s.batchB);
  const mp = roundUp(m, MR);
  const np = roundUp(n, NR);
  const direct = !transB && n === np;
  const [ap, bp, pa, pb, bias, c] = rt.layout(s.batchA * m * k, s.batchB * k * n, mp * k, direct ? 0 : np * k, np, mp * np);
  rt.write(ap, a.subarray(0, s.batchA * m * k));
  rt.write(bp, b.subarray(0, s.batchB * k * n));
  rt.zero(bias, np);
  if (epilogue.bias) rt.write(bias, epilogue.bias.subarray(0, n));
  const flags = (epilogue.bias ? BIAS : 0) | (epilogue.relu ? RELU : 0);
  const out = alloc(batch * m * n);
  for (let i = 0; i < batch; i++) {
    const srcA = ap + 4 * (s.batchA === 1 ? 0 : i) * m * k;
    const srcB = bp + 4 * (s.batchB === 1 ? 0 : i) * k * n;
    rt.fn.pack_a(srcA, m, k, transA ? m : k, transA ? 1 : 0, pa);
    let [bb, ldb, bPanel] = [srcB, 4 * n, 4 * NR];
    if (!direct) {
      rt.fn.pack_b(srcB, k, n, transB ? k : n, transB ? 1 : 0, pb);
      [bb, ldb, bPanel] = [pb, 4 * NR, 4 * NR * k];
    }
    rt.fn.gemm(pa, bb, ldb, bPanel, mp, np, k, c, 4 * np, flags, bias, KC);
    readRows(rt, c, m, n, np, out, i * m * n);
  }
  return out;
}
