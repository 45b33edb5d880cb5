/** The learning rates of a sweep: numpy's geomspace, as the homework's "4 rates over a geometric range". */

/**
 * `count` rates from `from` to `to`, evenly spaced in log scale, ends included (np.geomspace). The ends are exact;
 * the ones between are rounded to 3 significant digits so labels read 2.15e-4, not 2.1544346900318823e-4.
 *
 * @throws {RangeError} unless 0 < from, 0 < to and count is an integer ≥ 1.
 */
export function geometricRates(from = 1e-5, to = 1e-1, count = 4): number[] {
  if (!(from > 0 && to > 0) || !Number.isInteger(count) || count < 1) {
    throw new RangeError(`geometricRates: need 0 < from, 0 < to and a whole count ≥ 1, got ${from}, ${to}, ${count}.`);
  }
  if (count === 1) return [from];
  const step = Math.log(to / from) / (count - 1);
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return from;
    if (i === count - 1) return to;
    return Number((from * Math.exp(step * i)).toPrecision(3));
  });
}
