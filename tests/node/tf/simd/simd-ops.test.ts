// The fast CPU path's WebAssembly GEMM and convolutions against float64 loops: every shape edge the packing and
// padding handle (sizes that are not multiples of the 5 × 8 tile, strides, 'same' and 'valid' padding, a 1 × 1
// filter), transposes, batch broadcasting, the bias and ReLU epilogue, and the filter gradient's block
// accumulation. Float32 sums in another order than float64's: within 2e-6 of the largest |value|.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RandomState } from '../../../../src/random/index.js';
import { conv2dBackpropFilter, conv2dBackpropInput, conv2dForward, matMul, type ConvGeometry } from '../../../../src/tf/backend/simd/simd-ops.js';
import { SimdRuntime } from '../../../../src/tf/backend/simd/simd-runtime.js';
import { simdModuleBytes } from '../../../../src/tf/backend/simd/simd-module.js';

const rt = SimdRuntime.sync();
const rs = new RandomState(15);
const random = (n: number): Float32Array => Float32Array.from(rs.uniform(-1, 1, n));

function assertClose(got: Float32Array, want: Float64Array, what: string, tol = 2e-6): void {
  assert.equal(got.length, want.length, `${what}: length`);
  let scale = 1e-30;
  for (const v of want) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol * scale)) assert.fail(`${what}: [${i}] ${got[i]} vs ${want[i]} (scale ${scale})`);
  }
}

function refMatMul(a: Float32Array, b: Float32Array, m: number, k: number, n: number, ta: boolean, tb: boolean): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += (ta ? a[t * m + i] : a[i * k + t]) * (tb ? b[j * k + t] : b[t * n + j]);
      c[i * n + j] = s;
    }
  }
  return c;
}

/** (b, oy, ox, ky, kx) → the input pixel the filter tap reads, or null in the padding. */
function eachTap(g: ConvGeometry, visit: (xi: number, yi: number, fi: number) => void): void {
  for (let b = 0; b < g.batch; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let ky = 0; ky < g.kh; ky++) {
          for (let kx = 0; kx < g.kw; kx++) {
            const iy = oy * g.sh + ky - g.padTop;
            const ix = ox * g.sw + kx - g.padLeft;
            if (iy < 0 || ix < 0 || iy >= g.inH || ix >= g.inW) continue;
            for (let ci = 0; ci < g.inC; ci++) {
              for (let co = 0; co < g.outC; co++) {
                visit(((b * g.inH + iy) * g.inW + ix) * g.inC + ci, ((b * g.outH + oy) * g.outW + ox) * g.outC + co, ((ky * g.kw + kx) * g.inC + ci) * g.outC + co);
              }
            }
          }
        }
      }
    }
  }
}

/** Keras's output size and TF's 'same' padding (the extra row or column at the bottom/right). */
function geometry(batch: number, h: number, w: number, inC: number, outC: number, kh: number, kw: number, s: number, same: boolean): ConvGeometry {
  const outH = same ? Math.ceil(h / s) : Math.ceil((h - kh + 1) / s);
  const outW = same ? Math.ceil(w / s) : Math.ceil((w - kw + 1) / s);
  const padTop = same ? Math.floor(Math.max((outH - 1) * s + kh - h, 0) / 2) : 0;
  const padLeft = same ? Math.floor(Math.max((outW - 1) * s + kw - w, 0) / 2) : 0;
  return { batch, inH: h, inW: w, inC, outH, outW, outC, kh, kw, sh: s, sw: s, padTop, padLeft };
}

const CONVS: Array<[string, ConvGeometry]> = [
  ['3×3 same, 3 → 8 channels', geometry(2, 6, 7, 3, 8, 3, 3, 1, true)],
  ['3×2 valid, 5 → 13 channels', geometry(3, 9, 8, 5, 13, 3, 2, 1, false)],
  ['3×3 same, stride 2', geometry(2, 9, 9, 4, 16, 3, 3, 2, true)],
  ['2×2 valid, stride 2', geometry(2, 8, 7, 2, 3, 2, 2, 2, false)],
  ['1×1, one channel', geometry(1, 5, 5, 1, 1, 1, 1, 1, false)],
  ['the homework’s second layer, batch 2', geometry(2, 32, 32, 32, 32, 3, 3, 1, false)],
];

test('the module validates and stays small (it is generated, not shipped)', () => {
  const bytes = simdModuleBytes();
  assert.ok(WebAssembly.validate(bytes));
  assert.ok(bytes.length < 8192, `${bytes.length} bytes`);
});

test('matMul: every transpose, edge sizes, a broadcast batch, bias and ReLU', () => {
  for (const [m, k, n] of [[1, 1, 1], [3, 7, 5], [5, 8, 8], [13, 300, 17], [7, 3, 10], [64, 600, 40]]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const a = random(m * k);
        const b = random(k * n);
        const got = matMul(rt, a, b, { batchA: 1, batchB: 1, m, k, n, transA, transB });
        assertClose(got, refMatMul(a, b, m, k, n, transA, transB), `${m}×${k}×${n} ${transA}/${transB}`);
      }
    }
  }
  const [m, k, n] = [6, 9, 11];
  const a = random(3 * m * k);
  const b = random(k * n);
  const bias = random(n);
  const got = matMul(rt, a, b, { batchA: 3, batchB: 1, m, k, n, transA: false, transB: false }, { bias, relu: true });
  for (let i = 0; i < 3; i++) {
    const want = refMatMul(a.subarray(i * m * k), b, m, k, n, false, false).map((v, j) => Math.max(0, v + bias[j % n]));
    assertClose(got.subarray(i * m * n, (i + 1) * m * n), want, `batch item ${i}`);
  }
});

test('convolution forward, filter gradient and input gradient match float64 loops', () => {
  for (const [what, g] of CONVS) {
    const x = random(g.batch * g.inH * g.inW * g.inC);
    const filter = random(g.kh * g.kw * g.inC * g.outC);
    const dy = random(g.batch * g.outH * g.outW * g.outC);
    const bias = random(g.outC);
    const y = new Float64Array(dy.length);
    const dw = new Float64Array(filter.length);
    const dx = new Float64Array(x.length);
    eachTap(g, (xi, yi, fi) => {
      y[yi] += x[xi] * filter[fi];
      dw[fi] += x[xi] * dy[yi];
      dx[xi] += filter[fi] * dy[yi];
    });
    assertClose(conv2dForward(rt, x, filter, g), y, `${what}: forward`);
    const fused = y.map((v, i) => Math.max(0, v + bias[i % g.outC]));
    assertClose(conv2dForward(rt, x, filter, g, { bias, relu: true }), fused, `${what}: forward + bias + relu`);
    assertClose(conv2dBackpropFilter(rt, x, dy, g), dw, `${what}: filter gradient`);
    const gotDx = conv2dBackpropInput(rt, dy, filter, g);
    // Strided convolutions' input gradients are left to TF.js's kernel.
    if (g.sh === 1) assertClose(gotDx!, dx, `${what}: input gradient`);
    else assert.equal(gotDx, null, `${what}: strided input gradient declined`);
  }
});

test('the filter gradient sums blocks of pixels: a batch larger than one block', () => {
  const g = geometry(6, 30, 30, 7, 9, 3, 3, 1, true);
  const x = random(g.batch * g.inH * g.inW * g.inC);
  const dy = random(g.batch * g.outH * g.outW * g.outC);
  const dw = new Float64Array(g.kh * g.kw * g.inC * g.outC);
  eachTap(g, (xi, yi, fi) => (dw[fi] += x[xi] * dy[yi]));
  assertClose(conv2dBackpropFilter(rt, x, dy, g), dw, 'many blocks', 1e-5);
});

test('results land in the arrays the allocator gives', () => {
  const given: Float32Array[] = [];
  const alloc = (n: number): Float32Array => {
    const a = new Float32Array(n).fill(NaN);
    given.push(a);
    return a;
  };
  const [, g] = CONVS[0];
  const out = conv2dForward(rt, random(g.batch * g.inH * g.inW * g.inC), random(g.kh * g.kw * g.inC * g.outC), g, {}, alloc);
  assert.equal(out, given[0]);
  assert.ok(out.every((v) => Number.isFinite(v)));
});
