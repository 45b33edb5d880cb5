// The rate-over-steps plot as a Lit svg template: one invertible map from (step, rate) to pixels, y flipped.
import { svg, type SVGTemplateResult } from 'lit';

export const PLOT = { width: 480, height: 220, left: 56, right: 12, top: 10, bottom: 34 } as const;

/** Maps (x, rate) to pixels and back; `log` puts the rate on a log10 axis. */
export interface PlotScale {
  x: (v: number) => number;
  y: (v: number) => number;
  /** The rate drawn at pixel row `py` (the inverse of `y`). */
  yInverse: (py: number) => number;
}

/** A scale for x in [0, xMax] and rates in [lo, hi] (lo > 0 needed for log). */
export function plotScale(xMax: number, lo: number, hi: number, log: boolean): PlotScale {
  const w = PLOT.width - PLOT.left - PLOT.right;
  const h = PLOT.height - PLOT.top - PLOT.bottom;
  const f = log ? Math.log10 : (v: number) => v;
  const fi = log ? (v: number) => 10 ** v : (v: number) => v;
  const a = f(lo);
  const b = f(hi) === a ? a + 1 : f(hi);
  return {
    x: (v) => PLOT.left + (xMax > 0 ? (v / xMax) * w : 0),
    y: (v) => PLOT.top + h - ((f(v) - a) / (b - a)) * h,
    yInverse: (py) => fi(a + ((PLOT.top + h - py) / h) * (b - a)),
  };
}

/** The rate range an axis shows: from 0 (linear) or a decade below the smallest positive rate (log). */
export function rateRange(values: ArrayLike<number>, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0 && v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > 0)) return [log ? 1e-6 : 0, 1];
  return log ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi) + 1e-12)] : [0, hi * 1.05];
}

/** A short label for a rate or step on an axis. */
export const tick = (v: number) =>
  v === 0 ? '0' : Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5 ? v.toExponential(0) : String(Number(v.toPrecision(3)));

/** The plot: axes with a few ticks, the rate as one path, and a marker at `cursor` (an index into the samples). */
export function schedulePlot(
  xs: ArrayLike<number>,
  values: ArrayLike<number>,
  xMax: number,
  log: boolean,
  xLabel: string,
  cursor: number,
): SVGTemplateResult {
  const [lo, hi] = rateRange(values, log);
  const s = plotScale(xMax, lo, hi, log);
  let d = '';
  for (let i = 0; i < values.length; i++) {
    const v = log ? Math.max(values[i], lo) : values[i];
    d += `${i ? 'L' : 'M'}${s.x(xs[i]).toFixed(2)},${s.y(v).toFixed(2)}`;
  }
  const yTicks = log
    ? Array.from({ length: Math.round(Math.log10(hi / lo)) + 1 }, (_, i) => lo * 10 ** i)
    : [0, hi / 2, hi / 1.05];
  const xTicks = [0, xMax / 2, xMax];
  const bottom = PLOT.height - PLOT.bottom;
  const c = Math.min(Math.max(cursor, 0), values.length - 1);
  return svg`
    <g class="axes">
      <line x1=${PLOT.left} y1=${bottom} x2=${PLOT.width - PLOT.right} y2=${bottom}></line>
      <line x1=${PLOT.left} y1=${PLOT.top} x2=${PLOT.left} y2=${bottom}></line>
      ${yTicks.map((t) => svg`<text class="ytick" x=${PLOT.left - 4} y=${s.y(t) + 4}>${tick(t)}</text>`)}
      ${xTicks.map((t) => svg`<text class="xtick" x=${s.x(t)} y=${bottom + 14}>${tick(Math.round(t * 100) / 100)}</text>`)}
      <text class="xlabel" x=${(PLOT.left + PLOT.width - PLOT.right) / 2} y=${PLOT.height - 4}>${xLabel}</text>
    </g>
    <path class="rate" d=${d}></path>
    ${values.length ? svg`<circle class="cursor" r="4" cx=${s.x(xs[c])} cy=${s.y(log ? Math.max(values[c], lo) : values[c])}></circle>` : ''}`;
}
