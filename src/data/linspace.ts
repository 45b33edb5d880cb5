/** numpy's `linspace`, with its exact arithmetic: `i * step + start`, and `stop` itself as the last value. */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  if (!Number.isInteger(num) || num < 0) throw new RangeError(`num must be a non-negative integer, got ${num}`);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const out = new Array<number>(num);
  if (div > 0) {
    const step = delta / div;
    // numpy divides first when the step underflows to 0, so tiny ranges keep their spread.
    for (let i = 0; i < num; i++) out[i] = (step === 0 ? (i / div) * delta : i * step) + start;
  } else {
    for (let i = 0; i < num; i++) out[i] = i * delta + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
