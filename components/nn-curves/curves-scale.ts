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
 * An SVG path through the finite points; a gap where a value is missing or cannot be drawn. With more points than
 * `columns` (the plot's width in pixels), each pixel column keeps only its lowest and highest point, in order: the
 * same picture (spikes included) for a fraction of the path.
 */
export function linePath(values: ArrayLike<number>, x: (i: number) => number, y: Scale, columns = Infinity): string {
  const n = values.length;
  const perColumn = n > 2 * columns ? n / columns : 1;
  let d = '';
  let pen = false;
  const point = (i: number) => {
    // Rounded by arithmetic, not toFixed: this runs for every point of every line on every redraw while training.
    d += (pen ? 'L' : 'M') + Math.round(x(i) * 10) / 10 + ',' + Math.round(y(values[i]) * 10) / 10;
    pen = true;
  };
  const drawable = (v: number) => Number.isFinite(v) && !(y.log && v <= 0);
  for (let start = 0; start < n; ) {
    const end = Math.min(n, perColumn === 1 ? start + 1 : Math.floor(start + perColumn) || start + 1);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!drawable(v)) {
        if (lo >= 0) emit(lo, hi, point);
        lo = hi = -1;
        pen = false;
        continue;
      }
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo >= 0) emit(lo, hi, point);
    start = end;
  }
  return d;
}

/** The bucket's lowest and highest points, in the order they came (one point when they are the same). */
function emit(lo: number, hi: number, point: (i: number) => void): void {
  if (lo === hi) point(lo);
  else if (lo < hi) (point(lo), point(hi));
  else (point(hi), point(lo));
}
