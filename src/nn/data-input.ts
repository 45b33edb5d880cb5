/**
 * Turns what a caller passes as inputs and labels (number[][], Float64Array rows, a flat row-major Float64Array)
 * into flat Float64Arrays, refusing — before any work — shapes that do not match the model, values that are NaN
 * or infinite (naming row and column), and labels outside the loss's range.
 */
import type { LossName } from '../spec/types.js';
import { refuse, refuseWith } from './errors.js';

/** Inputs: rows (number[][] or Float64Array[]), or one flat row-major array of rows × inputs numbers. */
export type MatrixInput = ReadonlyArray<ArrayLike<number>> | Float64Array | Float32Array;
/** Labels: one number per row (binary with one unit, or sparse class indices), rows, or a flat array. */
export type LabelInput = ReadonlyArray<number> | ReadonlyArray<ArrayLike<number>> | Float64Array | Float32Array;

/** A matrix as the engine holds it: `rows` rows of `cols` numbers, row-major. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

function isFlat(x: unknown): x is Float64Array | Float32Array {
  return x instanceof Float64Array || x instanceof Float32Array;
}

/**
 * Reads `x` as rows of `cols` numbers. A plain number[] is accepted only when `cols` is 1 (a column).
 * @throws SpecError naming the field, row and column of the first bad value.
 */
export function toMatrix(x: MatrixInput, cols: number, field = 'x'): Matrix {
  if (isFlat(x)) {
    if (x.length % cols !== 0) {
      refuseWith(field, `${field} has ${x.length} numbers, not a whole number of rows of ${cols} inputs`, x.length);
    }
    const rows = x.length / cols;
    const data = x instanceof Float64Array ? x : Float64Array.from(x);
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) {
        const r = Math.floor(i / cols);
        refuse(`${field}[${r}][${i - r * cols}]`, 'must be a finite number', data[i]);
      }
    }
    return { data, rows, cols };
  }
  if (!Array.isArray(x)) refuse(field, 'must be an array of rows or a Float64Array', x);
  const rows = x.length;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = x[r] as unknown;
    if (typeof row === 'number' && cols === 1) {
      if (!Number.isFinite(row)) refuse(`${field}[${r}]`, 'must be a finite number', row);
      data[r] = row;
      continue;
    }
    if (row == null || typeof (row as ArrayLike<number>).length !== 'number' || typeof row === 'string') {
      refuse(`${field}[${r}]`, `must be a row of ${cols} numbers`, row);
    }
    const rr = row as ArrayLike<number>;
    if (rr.length !== cols) {
      refuseWith(
        `${field}[${r}]`,
        `${field}[${r}] has ${rr.length} values but the model takes ${cols} input${cols === 1 ? '' : 's'}`,
        rr.length,
      );
    }
    for (let c = 0; c < cols; c++) {
      const v = rr[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) refuse(`${field}[${r}][${c}]`, 'must be a finite number', v);
      data[r * cols + c] = v;
    }
  }
  return { data, rows, cols };
}

/** One input point as a Float64Array of `cols` numbers (for trace, inputGradient, ...). */
export function toVector(x: ArrayLike<number>, cols: number, field = 'x'): Float64Array {
  if (x == null || typeof x.length !== 'number') refuse(field, `must be ${cols} numbers`, x);
  if (x.length !== cols) {
    refuseWith(field, `${field} has ${x.length} values but the model takes ${cols} input${cols === 1 ? '' : 's'}`, x.length);
  }
  const out = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    const v = x[c];
    if (typeof v !== 'number' || !Number.isFinite(v)) refuse(`${field}[${c}]`, 'must be a finite number', v);
    out[c] = v;
  }
  return out;
}

/**
 * Reads labels for `rows` samples as the loss needs them: class indices for the sparse loss (width 1), rows of
 * `units` numbers otherwise (a plain number[] is read as one column when `units` is 1).
 * Ranges: binary cross-entropy in [0, 1]; categorical in [0, 1]; sparse an integer in [0, units).
 * @throws SpecError naming `y[row]` (or `y[row][col]`) and the value.
 */
export function toLabels(y: LabelInput, loss: LossName, units: number, rows: number, field = 'y'): Float64Array {
  const width = loss === 'sparse_categorical_crossentropy' ? 1 : units;
  let data: Float64Array;
  if (isFlat(y)) {
    if (y.length !== rows * width) {
      refuseWith(field, `${field} has ${y.length} numbers but ${rows} rows of ${width} label${width === 1 ? '' : 's'} are needed`, y.length);
    }
    data = y instanceof Float64Array ? y : Float64Array.from(y);
  } else {
    if (!Array.isArray(y)) refuse(field, 'must be an array of labels or a Float64Array', y);
    if (y.length !== rows) {
      refuseWith(field, `${field} has ${y.length} labels but x has ${rows} rows`, y.length);
    }
    data = new Float64Array(rows * width);
    for (let r = 0; r < rows; r++) {
      const row = y[r] as unknown;
      if (typeof row === 'number') {
        if (width !== 1) {
          refuseWith(`${field}[${r}]`, `${field}[${r}] must be a row of ${width} numbers (one per output unit), got ${row}`, row);
        }
        data[r] = row;
        continue;
      }
      const rr = row as ArrayLike<number> | null;
      if (rr == null || typeof rr.length !== 'number' || rr.length !== width) {
        refuseWith(`${field}[${r}]`, `${field}[${r}] must hold ${width} number${width === 1 ? '' : 's'}, got ${JSON.stringify(row)}`, row);
      }
      for (let c = 0; c < width; c++) data[r * width + c] = rr[c] as number;
    }
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    const r = Math.floor(i / width);
    const path = width === 1 ? `${field}[${r}]` : `${field}[${r}][${i - r * width}]`;
    if (typeof v !== 'number' || !Number.isFinite(v)) refuse(path, 'must be a finite number', v);
    if (loss === 'binary_crossentropy' && !(v >= 0 && v <= 1)) {
      refuse(path, 'must be 0 or 1 (or a probability in [0, 1]) for binary_crossentropy', v);
    }
    if (loss === 'categorical_crossentropy' && !(v >= 0 && v <= 1)) {
      refuse(path, 'must be in [0, 1] (one-hot rows) for categorical_crossentropy', v);
    }
    if (loss === 'sparse_categorical_crossentropy' && !(Number.isInteger(v) && v >= 0 && v < units)) {
      refuse(path, `must be a class index, an integer from 0 to ${units - 1}, for sparse_categorical_crossentropy`, v);
    }
  }
  return data;
}
