/**
 * TensorBoard's scalar smoothing: an exponential moving average, debiased so the first points are not pulled
 * towards zero (tensorboard/components/vz_line_chart2, `resmoothDataset`).
 */

/**
 * Smooths `values` with weight `weight` in [0, 1): `last = last·w + (1 − w)·v`, divided by `1 − w^n` after `n`
 * finite points. Non-finite values pass through unchanged and do not enter the average; a constant series is
 * returned as it is (TensorBoard does the same, so rounding never bends a flat line). Returns a new array.
 * @throws RangeError when `weight` is not a number in [0, 1].
 */
export function smoothScalars(values: ArrayLike<number>, weight: number): number[] {
  if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) {
    throw new RangeError(`smoothing weight must be a number from 0 to 1, got ${weight}`);
  }
  const out = new Array<number>(values.length);
  let constant = true;
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) constant = false;
  let last = 0;
  // weight^count, kept as a running product: a Math.pow per point was most of the cost on long series.
  let power = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (constant || !Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    power *= weight;
    out[i] = weight === 1 ? last : last / (1 - power);
  }
  return out;
}
