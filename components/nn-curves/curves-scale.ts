/** Maps data values to pixels for the curves, linear or log10, with "nice" tick values (1, 2, 5 × 10ⁿ). */
export interface Scale {
  (v: number): number;
  ticks: number[];
  /** The domain after rounding out to ticks: [lo, hi]. */
  domain: [number, number];
  log: boolean;
}

/** A step of 1, 2 or 5 × 10ⁿ that splits `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m >= 5 ? 10 : m >= 2 ? 5 : m >= 1 ? 2 : 1) * p;
}

/** The smallest value a log scale shows: values between 0 and this are drawn on the axis, and a note says so. */
export const LOG_FLOOR = 1e-12;

/**
 * A scale from the data range [lo, hi] to the pixel range [p0, p1]. Linear: the domain is widened to a nice step;
 * log: to whole decades down to {@link LOG_FLOOR}, with smaller values on the axis and values ≤ 0 below it (they
 * cannot be drawn on a log scale; the plot clips them).
 */
export function makeScale(lo: number, hi: number, p0: number, p1: number, log = false, count = 5): Scale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = log ? [0.1, 1] : [0, 1];
  if (log) {
    let a = Math.floor(Math.log10(Math.max(lo, LOG_FLOOR)));
    let b = Math.ceil(Math.log10(Math.max(hi, LOG_FLOOR)));
    if (a === b) [a, b] = [a - 1, b];
    const f = ((v: number) =>
      v > 0 ? p0 + ((Math.max(Math.log10(v), a) - a) / (b - a)) * (p1 - p0) : p0 + (p0 > p1 ? 4 : -4)) as Scale;
    const every = Math.max(1, Math.ceil((b - a) / count));
    f.ticks = [];
    for (let e = a; e <= b; e += every) f.ticks.push(Math.pow(10, e));
    f.domain = [Math.pow(10, a), Math.pow(10, b)];
    f.log = true;
    return f;
  }
  if (hi - lo < 1e-12) [lo, hi] = [lo - 0.5, hi + 0.5];
  const step = niceStep(hi - lo, count);
  const a = Math.floor(lo / step + 1e-9) * step;
  const b = Math.ceil(hi / step - 1e-9) * step;
  const f = ((v: number) => p0 + ((v - a) / (b - a)) * (p1 - p0)) as Scale;
  f.ticks = [];
  for (let t = a; t <= b + step * 1e-6; t += step) f.ticks.push(Number(t.toPrecision(12)));
  f.domain = [a, b];
  f.log = false;
  return f;
}

/** A short label for a tick value: 0.5, 100, 1e-3. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

/**
 * An SVG path through the finite points; a gap where a value is missing or cannot be drawn. Points that fall in one
 * pixel column (more epochs than pixels, or a long x axis that squeezes a run into a few columns) are drawn by their
 * lowest and highest point, in order: the same picture, spikes included, with a path as long as the plot is wide
 * rather than as long as the run (32 runs squeezed by max-epochs 1,000,000 built 40,000 points, a 50 ms task).
 */
export function linePath(values: ArrayLike<number>, x: (i: number) => number, y: Scale): string {
  const n = values.length;
  let d = '';
  let pen = false;
  const point = (i: number) => {
    d += (pen ? 'L' : 'M') + tenths(x(i)) + ',' + tenths(y(values[i]));
    pen = true;
  };
  let column = NaN;
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (y.log && v <= 0)) {
      if (lo >= 0) emit(lo, hi, point);
      lo = hi = -1;
      pen = false;
      continue;
    }
    const c = Math.floor(x(i));
    if (c !== column) {
      if (lo >= 0) emit(lo, hi, point);
      lo = hi = -1;
      column = c;
    }
    if (lo < 0 || v < values[lo]) lo = i;
    if (hi < 0 || v > values[hi]) hi = i;
  }
  if (lo >= 0) emit(lo, hi, point);
  return d;
}

const DIGIT = ['', '.1', '.2', '.3', '.4', '.5', '.6', '.7', '.8', '.9'];

/**
 * `v` rounded to 0.1 as a string, as `String(Math.round(v * 10) / 10)` writes it. This runs for every point of every
 * line on every redraw: a whole number and a digit from a table are converted 4× faster than a fraction.
 */
function tenths(v: number): string {
  const r = Math.round(v * 10);
  if (!(r >= 0 && r < 2 ** 31)) return String(r / 10);
  const whole = (r / 10) | 0;
  return whole + DIGIT[r - whole * 10];
}

/** The bucket's lowest and highest points, in the order they came (one point when they are the same). */
function emit(lo: number, hi: number, point: (i: number) => void): void {
  if (lo === hi) point(lo);
  else if (lo < hi) (point(lo), point(hi));
  else (point(hi), point(lo));
}
