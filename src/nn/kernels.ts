/**
 * The three loops a Dense layer costs, on row-major batches (row r of a batch is one sample; the kernel is
 * Keras's [in][out]), in plain JavaScript: the path where WebAssembly SIMD is missing (wasm/kernels-wasm.ts is
 * the fast path), and for single points (trace, inputGradient). Each sum runs in the same order as the
 * WebAssembly kernel's, so both give the same bits. Blocks of outputs accumulate in local variables (registers),
 * and zero inputs are skipped — after a ReLU about half of them are exactly 0.
 */

/**
 * z[r][j] = b[j] + Σ_i x[r][i]·W[i][j] for `rows` rows. `bias` may be empty (no bias). `nzIndex`/`nzValue`
 * are scratch of at least `inDim` entries (the row's non-zero inputs are gathered there first).
 */
export function denseForward(
  x: Float64Array,
  inDim: number,
  kernel: Float64Array,
  bias: Float64Array,
  z: Float64Array,
  outDim: number,
  rows: number,
  nzIndex: Int32Array,
  nzValue: Float64Array,
): void {
  const hasBias = bias.length > 0;
  const out4 = outDim - (outDim & 3);
  for (let r = 0; r < rows; r++) {
    const zo = r * outDim;
    const xo = r * inDim;
    let m = 0;
    for (let i = 0; i < inDim; i++) {
      const v = x[xo + i];
      if (v !== 0) {
        nzIndex[m] = i * outDim;
        nzValue[m] = v;
        m++;
      }
    }
    let j = 0;
    for (; j < out4; j += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      if (hasBias) {
        a0 = bias[j];
        a1 = bias[j + 1];
        a2 = bias[j + 2];
        a3 = bias[j + 3];
      }
      for (let t = 0; t < m; t++) {
        const v = nzValue[t];
        const w = nzIndex[t] + j;
        a0 += v * kernel[w];
        a1 += v * kernel[w + 1];
        a2 += v * kernel[w + 2];
        a3 += v * kernel[w + 3];
      }
      z[zo + j] = a0;
      z[zo + j + 1] = a1;
      z[zo + j + 2] = a2;
      z[zo + j + 3] = a3;
    }
    for (; j < outDim; j++) {
      let a = hasBias ? bias[j] : 0;
      for (let t = 0; t < m; t++) a += nzValue[t] * kernel[nzIndex[t] + j];
      z[zo + j] = a;
    }
  }
}

/**
 * dW[i][j] = Σ_r x[r][i]·dz[r][j] and db[j] = Σ_r dz[r][j] (overwritten, not accumulated). Blocks of 2 inputs × 4
 * outputs keep 8 sums in registers while walking down the batch. `dBias` may be empty (no bias).
 */
export function denseKernelGrad(
  x: Float64Array,
  inDim: number,
  dz: Float64Array,
  outDim: number,
  rows: number,
  dKernel: Float64Array,
  dBias: Float64Array,
): void {
  const out4 = outDim - (outDim & 3);
  const in2 = inDim - (inDim & 1);
  let i = 0;
  for (; i < in2; i += 2) {
    let j = 0;
    for (; j < out4; j += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let r = 0, xo = i, zo = j; r < rows; r++, xo += inDim, zo += outDim) {
        const u = x[xo];
        const v = x[xo + 1];
        const d0 = dz[zo];
        const d1 = dz[zo + 1];
        const d2 = dz[zo + 2];
        const d3 = dz[zo + 3];
        a0 += u * d0;
        a1 += u * d1;
        a2 += u * d2;
        a3 += u * d3;
        c0 += v * d0;
        c1 += v * d1;
        c2 += v * d2;
        c3 += v * d3;
      }
      const w = i * outDim + j;
      dKernel[w] = a0;
      dKernel[w + 1] = a1;
      dKernel[w + 2] = a2;
      dKernel[w + 3] = a3;
      dKernel[w + outDim] = c0;
      dKernel[w + outDim + 1] = c1;
      dKernel[w + outDim + 2] = c2;
      dKernel[w + outDim + 3] = c3;
    }
    for (; j < outDim; j++) {
      let a = 0;
      let c = 0;
      for (let r = 0, xo = i, zo = j; r < rows; r++, xo += inDim, zo += outDim) {
        const d = dz[zo];
        a += x[xo] * d;
        c += x[xo + 1] * d;
      }
      dKernel[i * outDim + j] = a;
      dKernel[(i + 1) * outDim + j] = c;
    }
  }
  for (; i < inDim; i++) {
    for (let j = 0; j < outDim; j++) {
      let a = 0;
      for (let r = 0, xo = i, zo = j; r < rows; r++, xo += inDim, zo += outDim) a += x[xo] * dz[zo];
      dKernel[i * outDim + j] = a;
    }
  }
  if (dBias.length > 0) {
    for (let j = 0; j < outDim; j++) {
      let a = 0;
      for (let r = 0, zo = j; r < rows; r++, zo += outDim) a += dz[zo];
      dBias[j] = a;
    }
  }
}

/**
 * dx[r][i] = Σ_j W[i][j]·dz[r][j]. When `reluZ` is given (the previous layer is a ReLU with these
 * pre-activations), entries whose z ≤ 0 are set to 0 without the dot product: ReLU′ will zero them anyway.
 * The live inputs of a row are gathered into `live` (scratch of at least `inDim`). Each sum runs as two halves —
 * even j and odd j — added at the end, then the last j when outDim is odd: the order the WebAssembly kernel's
 * two vector lanes take, so both give the same bits (and two running sums hide the latency of each add).
 */
export function denseInputGrad(
  kernel: Float64Array,
  dz: Float64Array,
  outDim: number,
  rows: number,
  dx: Float64Array,
  inDim: number,
  reluZ: Float64Array | null,
  live: Int32Array,
): void {
  const even = outDim - (outDim & 1);
  for (let r = 0; r < rows; r++) {
    const zo = r * outDim;
    const xo = r * inDim;
    let m = 0;
    for (let i = 0; i < inDim; i++) {
      if (reluZ !== null && !(reluZ[xo + i] > 0)) dx[xo + i] = 0;
      else live[m++] = i;
    }
    for (let t = 0; t < m; t++) {
      const i = live[t];
      const wo = i * outDim;
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < even; j += 2) {
        s0 += kernel[wo + j] * dz[zo + j];
        s1 += kernel[wo + j + 1] * dz[zo + j + 1];
      }
      let s = s0 + s1;
      if (even < outDim) s += kernel[wo + even] * dz[zo + even];
      dx[xo + i] = s;
    }
  }
}
