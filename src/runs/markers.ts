/**
 * The epochs (counted from 1) whose learning rate differs from the epoch before, by more than a relative 1e-9 so
 * float noise in a schedule is not a change. NaN entries are skipped.
 */
export function lrChangeEpochs(lr: ArrayLike<number>): number[] {
  const out: number[] = [];
  let prev = NaN;
  for (let i = 0; i < lr.length; i++) {
    const v = lr[i];
    if (!Number.isFinite(v)) continue;
    if (Number.isFinite(prev) && Math.abs(v - prev) > 1e-9 * Math.max(Math.abs(v), Math.abs(prev))) out.push(i + 1);
    prev = v;
  }
  return out;
}
