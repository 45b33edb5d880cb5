/**
 * decisionGrid's path for the small networks the mathlet and the 2-D labs draw while a student drags a slider:
 * two Dense layers, an elementwise hidden activation, and a softmax or sigmoid output. Going through the model's
 * workspace in chunks (the general path) cost 3 ms for a 256×256 grid of the 2-3-2 chain-rule net in Chromium, where
 * a slider update has 4 ms in all; this path takes about 0.3 ms (ReLU or linear hidden units, one logit difference)
 * or a row at a time (other activations, more output units).
 *
 * For a softmax, only the reported unit's probability is needed: p_k = 1 / Σ_m exp(s·(z_m − z_k)), and
 * z_m − z_k = (b_m − b_k) + Σ_j a_j·(W_jm − W_jk), so the differences of the output weights are taken once per grid
 * and each cell costs one dot product per other unit (one in all for the usual two-unit output).
 */
import { sigmoid } from './activations.js';
import type { DenseLayer } from './dense.js';

/** The output's form this path handles: softmax of s·z, or sigmoid of z. */
export type SmallGridOutput = { kind: 'softmax'; scale: number } | { kind: 'sigmoid' };

/** The grid, in decisionGrid's layout (row 0 at the top; values at cell centres). */
export interface SmallGridSpan {
  x0: number;
  dx: number;
  /** y of the top edge; row r is at y1 − (r + ½)·dy. */
  y1: number;
  dy: number;
  width: number;
  /** The rows to fill, [from, to). */
  rows: readonly [number, number];
}

/** Fills `into` with output unit `output`'s probability of the network `first` → `last` over the grid. */
export function smallNetGrid(
  first: DenseLayer,
  last: DenseLayer,
  out: SmallGridOutput,
  output: number,
  g: SmallGridSpan,
  into: Float32Array,
): void {
  const h = first.units;
  const k = last.units;
  const W0 = first.kernel;
  const W1 = last.kernel;
  const b1 = last.bias;
  const bias1 = (m: number) => (b1.length ? b1[m] : 0);
  // Per other output unit m: its weight differences against the reported unit, and its bias difference.
  const others = out.kind === 'softmax' ? k - 1 : 1;
  const diff = new Float64Array(others * h);
  const diffBias = new Float64Array(others);
  if (out.kind === 'softmax') {
    for (let m = 0, row = 0; m < k; m++) {
      if (m === output) continue;
      for (let j = 0; j < h; j++) diff[row * h + j] = out.scale * (W1[j * k + m] - W1[j * k + output]);
      diffBias[row] = out.scale * (bias1(m) - bias1(output));
      row++;
    }
  } else {
    for (let j = 0; j < h; j++) diff[j] = W1[j * k + output];
    diffBias[0] = bias1(output);
  }
  const act = first.activation;
  const { width, rows } = g;
  if (others === 1 && (act.name === 'relu' || act.name === 'linear')) {
    // p = 1 / (1 + exp(d)): d = s·(z_other − z_k) for a two-unit softmax, d = −z for a sigmoid.
    if (out.kind === 'sigmoid') {
      for (let j = 0; j < h; j++) diff[j] = -diff[j];
      diffBias[0] = -diffBias[0];
    }
    piecewiseGrid(first, diff, diffBias[0], act.name === 'relu', g, into);
    return;
  }
  // A row at a time, one hidden unit at a time, each loop in its own small function: called hundreds of times per
  // grid, V8 optimizes them early and fully, where one function looping over cells and units (called once per
  // slider move) ran at a third of the speed.
  const xs = new Float64Array(width);
  for (let c = 0; c < width; c++) xs[c] = g.x0 + (c + 0.5) * g.dx;
  const hidden = new Float64Array(width);
  const acc = new Float64Array(others * width);
  for (let r = rows[0]; r < rows[1]; r++) {
    const y = g.y1 - (r + 0.5) * g.dy;
    for (let m = 0; m < others; m++) acc.fill(diffBias[m], m * width, (m + 1) * width);
    for (let j = 0; j < h; j++) {
      const base = (first.bias.length ? first.bias[j] : 0) + y * W0[h + j];
      if (act.name === 'relu') reluRow(hidden, xs, base, W0[j], width);
      else if (act.name === 'linear') linearRow(hidden, xs, base, W0[j], width);
      else for (let c = 0; c < width; c++) hidden[c] = act.output(base + xs[c] * W0[j]);
      for (let m = 0; m < others; m++) addScaled(acc, m * width, hidden, diff[m * h + j], width);
    }
    const offset = r * width;
    if (out.kind === 'sigmoid') for (let c = 0; c < width; c++) into[offset + c] = sigmoid(acc[c]);
    else if (others === 1) softmaxOfOne(into, offset, acc, width);
    else {
      for (let c = 0; c < width; c++) {
        let sum = 1;
        for (let m = 0; m < others; m++) sum += Math.exp(acc[m * width + c]);
        into[offset + c] = 1 / sum;
      }
    }
  }
}

function reluRow(hidden: Float64Array, xs: Float64Array, base: number, w: number, n: number): void {
  for (let c = 0; c < n; c++) {
    const z = base + xs[c] * w;
    hidden[c] = z > 0 ? z : 0;
  }
}

function linearRow(hidden: Float64Array, xs: Float64Array, base: number, w: number, n: number): void {
  for (let c = 0; c < n; c++) hidden[c] = base + xs[c] * w;
}

function addScaled(acc: Float64Array, offset: number, v: Float64Array, w: number, n: number): void {
  for (let c = 0; c < n; c++) acc[offset + c] += v[c] * w;
}

/** p = 1 / (1 + exp(d)) for a two-unit softmax, d = s·(z_other − z_reported). */
function softmaxOfOne(into: Float32Array, offset: number, d: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) into[offset + c] = 1 / (1 + Math.exp(d[c]));
}

/** Cells filled from one Math.exp before the next: bounds the rounding that repeated multiplication builds up. */
const RESEED = 32;

/**
 * p = 1 / (1 + exp(d)) over the grid, where d = c + Σ_j v_j·a_j and a_j = relu or identity of z_j = b_j + x·w_j + y·u_j.
 * Along a row, d is affine in x between the cells where a ReLU unit switches on or off, so exp(d) there is a
 * geometric sequence: one multiplication per cell instead of a Math.exp (which was half the grid's cost), restarted
 * from Math.exp at each switch and every {@link RESEED} cells. The relative error stays below 1e-11, far under a
 * Float32's 6e-8. Where exp(d) overflows or underflows at a block's end, the block is filled with p = 0 or 1 (when
 * saturated throughout, where that is the Float32 value) or cell by cell (tested with weights that overflow).
 */
function piecewiseGrid(first: DenseLayer, v: Float64Array, c0: number, relu: boolean, g: SmallGridSpan, into: Float32Array): void {
  const h = first.units;
  const W0 = first.kernel;
  const { width, rows } = g;
  const xs = new Float64Array(width);
  for (let c = 0; c < width; c++) xs[c] = g.x0 + (c + 0.5) * g.dx;
  const w = W0.subarray(0, h);
  const base = new Float64Array(h);
  const alive = new Uint8Array(h);
  const cuts = new Int32Array(h);
  for (let r = rows[0]; r < rows[1]; r++) {
    const y = g.y1 - (r + 0.5) * g.dy;
    for (let j = 0; j < h; j++) base[j] = (first.bias.length ? first.bias[j] : 0) + y * W0[h + j];
    // The cells where some unit switches, sorted (h is small: insertion sort).
    let n = 0;
    if (relu) {
      for (let j = 0; j < h; j++) {
        const cut = switchCell(base[j], w[j], xs, g.dx);
        if (cut < width) {
          let i = n++;
          for (; i > 0 && cuts[i - 1] > cut; i--) cuts[i] = cuts[i - 1];
          cuts[i] = cut;
        }
      }
    }
    const offset = r * width;
    for (let start = 0, next = 0; start < width; ) {
      while (next < n && cuts[next] <= start) next++;
      const end = next < n ? cuts[next] : width;
      // Which units are on in this stretch, and d's step from one cell to the next.
      let slope = 0;
      for (let j = 0; j < h; j++) {
        const on = !relu || base[j] + xs[start] * w[j] > 0;
        alive[j] = on ? 1 : 0;
        if (on) slope += v[j] * w[j];
      }
      const ratio = Math.exp(slope * g.dx);
      const dAt = (c: number) => {
        let d = c0;
        for (let j = 0; j < h; j++) if (alive[j]) d += v[j] * (base[j] + xs[c] * w[j]);
        return d;
      };
      for (let c = start; c < end; c += RESEED) {
        const n = Math.min(end - c, RESEED);
        // exp(d) is monotone over the block: with both ends finite and non-zero, so is every product between.
        const e0 = Math.exp(dAt(c));
        const e1 = n > 1 ? Math.exp(dAt(c + n - 1)) : e0;
        if (e0 > 0 && e0 < Infinity && e1 > 0 && e1 < Infinity) geometricFill(into, offset + c, n, e0, ratio);
        // Both ends saturated the same way (d ≥ 710 or ≤ −745 throughout): p is 0 or 1 to far below Float32's reach.
        else if (e0 === e1) into.fill(e0 === 0 ? 1 : 0, offset + c, offset + c + n);
        // One end saturated: a product from 0 or ∞ could not come back, so each cell gets its own exp.
        else for (let i = c; i < c + n; i++) into[offset + i] = 1 / (1 + Math.exp(dAt(i)));
      }
      start = end;
    }
  }
}

/**
 * The first cell (≥ 1) where z = base + x·w has the other sign than at cell 0, or past the row when none. z is
 * monotone along the row, so when the last cell has cell 0's sign none does, and otherwise the estimate from z's root
 * is corrected by a step or two against the cells' own z.
 */
function switchCell(base: number, w: number, xs: Float64Array, dx: number): number {
  const width = xs.length;
  if (w === 0 || !Number.isFinite(w) || !Number.isFinite(base)) return width;
  const on0 = base + xs[0] * w > 0;
  const differs = (c: number) => base + xs[c] * w > 0 !== on0;
  if (!differs(width - 1)) return width;
  let c = Math.ceil((-base / w - xs[0]) / dx);
  if (!(c >= 1)) c = 1;
  if (c > width) c = width;
  while (c > 1 && differs(c - 1)) c--;
  while (c < width && !differs(c)) c++;
  return c;
}

/** into[at + i] = 1 / (1 + e·ratioⁱ) for i < n. */
function geometricFill(into: Float32Array, at: number, n: number, e: number, ratio: number): void {
  for (let i = 0; i < n; i++, e *= ratio) into[at + i] = 1 / (1 + e);
}
