/**
 * The Dense layer's three loops (see ../kernels.ts for the plain JavaScript originals) as WebAssembly SIMD:
 * two float64 lanes per instruction, several vector accumulators in flight, no bounds checks. Same arithmetic,
 * summed in pairs of lanes, so results can differ from the JavaScript kernels in the last bits.
 * Every pointer argument is a byte offset into the imported memory.
 */
import { assemble, F64, I32, op, V128, whileFits, whileLt, type Code, type WasmFunction } from './assembler.js';

const { get, set, i32, if_, ifElse } = op;
/** a + (b << 3): the byte address of float64 element b of array a. */
const at8 = (base: Code, index: Code): Code => [base, index, i32(3), op.i32Shl, op.i32Add];
const at4 = (base: Code, index: Code): Code => [base, index, i32(2), op.i32Shl, op.i32Add];
const mul = (a: Code, b: Code): Code => [a, b, op.i32Mul];
const inc = (l: number): Code => [get(l), i32(1), op.i32Add, set(l)];

/**
 * dense_forward(x, inDim, kernel, bias, hasBias, z, outDim, rows, nzValue, nzPtr, reluOut):
 * z[r][j] = b[j] + Σ_i x[r][i]·W[i][j], gathering each row's non-zero inputs first (skipped ReLU zeros cost
 * nothing), then 8, 4 and 2 outputs at a time in vector accumulators, and a scalar tail. When reluOut ≠ 0 it
 * also writes relu(z) there (fusing a ReLU layer's activation into the same pass).
 */
function denseForward(): WasmFunction {
  const [x, inDim, kernel, bias, hasBias, z, outDim, rows, nzV, nzP, reluOut] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [r, xrow, zrow, m, i, j, t, p, arow] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const v = 20;
  const vs = 21;
  const acc = [22, 23, 24, 25];
  const a = 26;
  const tile = (n: number): Code => {
    const inits = acc.slice(0, n).map((al, q) => [get(hasBias), ifElse([at8(get(bias), get(j)), op.v128Load(16 * q), set(al)], [op.v128Zero(), set(al)])]);
    return whileFits(j, 2 * n, get(outDim), [
      inits,
      i32(0),
      set(t),
      whileLt(t, get(m), 1, [
        at8(get(nzV), get(t)),
        op.f64Load(),
        op.f64x2Splat,
        set(vs),
        at4(get(nzP), get(t)),
        op.i32Load(),
        get(j),
        i32(3),
        op.i32Shl,
        op.i32Add,
        set(p),
        acc.slice(0, n).map((al, q) => [get(al), get(vs), get(p), op.v128Load(16 * q), op.f64x2Mul, op.f64x2Add, set(al)]),
      ]),
      acc.slice(0, n).map((al, q) => [at8(get(zrow), get(j)), get(al), op.v128Store(16 * q)]),
      get(reluOut),
      if_(acc.slice(0, n).map((al, q) => [at8(get(arow), get(j)), op.v128Zero(), get(al), op.f64x2Pmax, op.v128Store(16 * q)])),
    ]);
  };
  return {
    name: 'dense_forward',
    params: new Array(11).fill(I32),
    results: [],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, V128, V128, V128, V128, V128, F64],
    body: [
      i32(0),
      set(r),
      whileLt(r, get(rows), 1, [
        at8(get(x), mul(get(r), get(inDim))),
        set(xrow),
        at8(get(z), mul(get(r), get(outDim))),
        set(zrow),
        at8(get(reluOut), mul(get(r), get(outDim))),
        set(arow),
        i32(0),
        set(m),
        i32(0),
        set(i),
        whileLt(i, get(inDim), 1, [
          at8(get(xrow), get(i)),
          op.f64Load(),
          set(v),
          get(v),
          op.f64(0),
          op.f64Ne,
          if_(
            at8(get(nzV), get(m)),
            get(v),
            op.f64Store(),
            at4(get(nzP), get(m)),
            at8(get(kernel), mul(get(i), get(outDim))),
            op.i32Store(),
            inc(m),
          ),
        ]),
        i32(0),
        set(j),
        tile(4),
        tile(2),
        tile(1),
        whileLt(j, get(outDim), 1, [
          get(hasBias),
          ifElse([at8(get(bias), get(j)), op.f64Load(), set(a)], [op.f64(0), set(a)]),
          i32(0),
          set(t),
          whileLt(t, get(m), 1, [
            get(a),
            at8(get(nzV), get(t)),
            op.f64Load(),
            at4(get(nzP), get(t)),
            op.i32Load(),
            get(j),
            i32(3),
            op.i32Shl,
            op.i32Add,
            op.f64Load(),
            op.f64Mul,
            op.f64Add,
            set(a),
          ]),
          at8(get(zrow), get(j)),
          get(a),
          op.f64Store(),
          get(reluOut),
          if_(at8(get(arow), get(j)), get(a), op.f64(0), get(a), op.f64(0), op.f64Gt, op.select, op.f64Store()),
        ]),
      ]),
    ],
  };
}

/**
 * dense_kernel_grad(x, inDim, dz, outDim, rows, dKernel, dBias, hasBias):
 * dW[i][j] = Σ_r x[r][i]·dz[r][j] and db[j] = Σ_r dz[r][j], overwritten. Blocks of 2 inputs × 4 outputs (four
 * vector sums) walk down the batch; narrower blocks and scalars take the edges. Each sum runs over r in order,
 * as the JavaScript kernel's.
 */
function denseKernelGrad(): WasmFunction {
  const [x, inDim, dz, outDim, rows, dK, dB, hasBias] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [i, j, r, xp, dp, strideX, strideD] = [8, 9, 10, 11, 12, 13, 14];
  const s0 = 15;
  const acc = [16, 17, 18, 19];
  const xv = [20, 21];
  const sc = [22, 23];
  /** ni input rows (1 or 2) × nv vectors of outputs (1 or 2) at (i, j); nv 0 means one scalar output. */
  const tile = (ni: number, nv: number): Code => {
    const nacc = ni * Math.max(nv, 1);
    const zero = nv > 0 ? acc.slice(0, nacc).map((al) => [op.v128Zero(), set(al)]) : sc.slice(0, ni).map((sl) => [op.f64(0), set(sl)]);
    const step: Code[] = [];
    for (let q = 0; q < ni; q++) {
      if (nv > 0) {
        step.push([get(xp), op.f64Load(8 * q), op.f64x2Splat, set(xv[q])]);
        for (let w = 0; w < nv; w++) {
          const al = acc[q * nv + w];
          step.push([get(al), get(xv[q]), get(dp), op.v128Load(16 * w), op.f64x2Mul, op.f64x2Add, set(al)]);
        }
      } else {
        step.push([get(sc[q]), get(xp), op.f64Load(8 * q), get(dp), op.f64Load(), op.f64Mul, op.f64Add, set(sc[q])]);
      }
    }
    const store: Code[] = [];
    for (let q = 0; q < ni; q++) {
      // &dK[(i + q)·outDim + j]
      const addr = at8(get(dK), [get(i), i32(q), op.i32Add, get(outDim), op.i32Mul, get(j), op.i32Add]);
      if (nv > 0) for (let w = 0; w < nv; w++) store.push([addr, get(acc[q * nv + w]), op.v128Store(16 * w)]);
      else store.push([addr, get(sc[q]), op.f64Store()]);
    }
    return [
      zero,
      at8(get(x), get(i)),
      set(xp),
      at8(get(dz), get(j)),
      set(dp),
      i32(0),
      set(r),
      whileLt(r, get(rows), 1, [step, get(xp), get(strideX), op.i32Add, set(xp), get(dp), get(strideD), op.i32Add, set(dp)]),
      store,
    ];
  };
  const rowOfTiles = (ni: number): Code => [
    i32(0),
    set(j),
    whileFits(j, 4, get(outDim), [tile(ni, 2)]),
    whileFits(j, 2, get(outDim), [tile(ni, 1)]),
    whileLt(j, get(outDim), 1, [tile(ni, 0)]),
  ];
  return {
    name: 'dense_kernel_grad',
    params: new Array(8).fill(I32),
    results: [],
    locals: [I32, I32, I32, I32, I32, I32, I32, F64, V128, V128, V128, V128, V128, V128, F64, F64],
    body: [
      [get(inDim), i32(3), op.i32Shl, set(strideX)],
      [get(outDim), i32(3), op.i32Shl, set(strideD)],
      i32(0),
      set(i),
      whileFits(i, 2, get(inDim), [rowOfTiles(2)]),
      whileLt(i, get(inDim), 1, [rowOfTiles(1)]),
      get(hasBias),
      if_(
        i32(0),
        set(j),
        whileLt(j, get(outDim), 1, [
          op.f64(0),
          set(s0),
          at8(get(dz), get(j)),
          set(dp),
          i32(0),
          set(r),
          whileLt(r, get(rows), 1, [get(s0), get(dp), op.f64Load(), op.f64Add, set(s0), get(dp), get(strideD), op.i32Add, set(dp)]),
          at8(get(dB), get(j)),
          get(s0),
          op.f64Store(),
        ]),
      ),
    ],
  };
}

/**
 * dense_input_grad(kernel, dz, outDim, rows, dx, inDim, reluZ, hasRelu, live):
 * dx[r][i] = Σ_j W[i][j]·dz[r][j]; with hasRelu, entries whose reluZ ≤ 0 are set to 0 without the sum. The live
 * inputs of a row are gathered into `live` (i32 scratch) and done four at a time, each sum in a vector of lane
 * pairs added at the end.
 */
function denseInputGrad(): WasmFunction {
  const [kernel, dz, outDim, rows, dx, inDim, reluZ, hasRelu, live] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [r, i, m, t, j, drow, xrow, zrow] = [9, 10, 11, 12, 13, 14, 15, 16];
  const wp = [17, 18, 19, 20];
  const acc = [21, 22, 23, 24];
  const sum = 25;
  const dv = 26;
  const group = (n: number): Code => {
    const ptrs = wp.slice(0, n).map((w, q) => [at8(get(kernel), [at4(get(live), [get(t), i32(q), op.i32Add]), op.i32Load(), get(outDim), op.i32Mul]), set(w)]);
    const zero = acc.slice(0, n).map((al) => [op.v128Zero(), set(al)]);
    const pairs = whileFits(j, 2, get(outDim), [
      at8(get(drow), get(j)),
      op.v128Load(),
      set(dv),
      acc.slice(0, n).map((al, q) => [get(al), at8(get(wp[q]), get(j)), op.v128Load(), get(dv), op.f64x2Mul, op.f64x2Add, set(al)]),
    ]);
    const finish = acc.slice(0, n).map((al, q) => [
      get(al),
      op.f64x2ExtractLane(0),
      get(al),
      op.f64x2ExtractLane(1),
      op.f64Add,
      set(sum),
      // odd outDim: the last output, scalar
      get(j),
      get(outDim),
      op.i32LtS,
      if_(get(sum), at8(get(wp[q]), get(j)), op.f64Load(), at8(get(drow), get(j)), op.f64Load(), op.f64Mul, op.f64Add, set(sum)),
      at8(get(xrow), [at4(get(live), [get(t), i32(q), op.i32Add]), op.i32Load()]),
      get(sum),
      op.f64Store(),
    ]);
    return [ptrs, zero, i32(0), set(j), pairs, finish];
  };
  return {
    name: 'dense_input_grad',
    params: new Array(9).fill(I32),
    results: [],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, F64, V128],
    body: [
      i32(0),
      set(r),
      whileLt(r, get(rows), 1, [
        at8(get(dz), mul(get(r), get(outDim))),
        set(drow),
        at8(get(dx), mul(get(r), get(inDim))),
        set(xrow),
        at8(get(reluZ), mul(get(r), get(inDim))),
        set(zrow),
        i32(0),
        set(m),
        i32(0),
        set(i),
        whileLt(i, get(inDim), 1, [
          get(hasRelu),
          ifElse(
            [
              at8(get(zrow), get(i)),
              op.f64Load(),
              op.f64(0),
              op.f64Gt,
              ifElse([at4(get(live), get(m)), get(i), op.i32Store(), inc(m)], [at8(get(xrow), get(i)), op.f64(0), op.f64Store()]),
            ],
            [at4(get(live), get(m)), get(i), op.i32Store(), inc(m)],
          ),
        ]),
        i32(0),
        set(t),
        whileFits(t, 4, get(m), [group(4)]),
        whileLt(t, get(m), 1, [group(1)]),
      ]),
    ],
  };
}

/** The kernels' module bytes. */
export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  return assemble([denseForward(), denseKernelGrad(), denseInputGrad()]);
}
