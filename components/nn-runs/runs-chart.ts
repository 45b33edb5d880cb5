// One scalar chart on two canvases: the frame (grid, ticks, markers, the raw lines faint behind) below, the
// smoothed lines on top, so a smoothing change redraws only the top one. Canvas, not SVG: 50 runs of 1,000 epochs
// are 100,000 points a chart, which SVG paths make the page slow to restyle.
import { makeScale, tickLabel, type Scale } from '../nn-curves/curves-scale.js';
import { fmtX, RUN_PALETTE, type Line, type ShownRun, type XAxis } from './runs-model.js';

/** Colours read once from the element's computed style (canvas cannot use custom properties itself). */
export interface Theme {
  fg: string;
  bg: string;
  muted: string;
  grid: string;
  runs: string[];
}

/**
 * Canvases take colours, not custom properties: the element's, resolved on a hidden probe inside it, so that a
 * theme's `light-dark()` pairs (which a canvas cannot parse) arrive as the colour the page's scheme picks.
 */
export function themeOf(el: Element): Theme {
  const probe = document.createElement('span');
  probe.hidden = true;
  (el.shadowRoot ?? el).append(probe);
  const color = (value: string) => {
    probe.style.setProperty('color', value);
    return getComputedStyle(probe).color;
  };
  try {
    return {
      fg: getComputedStyle(el).color,
      bg: color('var(--_bg, #fff)'),
      muted: color('var(--_muted, #5f6368)'),
      grid: color('var(--_grid, rgba(128,128,128,0.25))'),
      runs: RUN_PALETTE.map((c, i) => color(`var(--nn-run-${i}, ${c})`)),
    };
  } finally {
    probe.remove();
  }
}

/** The plot box and its scales. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: Scale;
  y: Scale;
}

/** The frame that fits every line (raw values bound the smoothed ones: the average never leaves their range). */
export function frameFor(lines: readonly Line[], width: number, height: number, log: boolean): Frame {
  let xlo = Infinity;
  let xhi = -Infinity;
  let ylo = Infinity;
  let yhi = -Infinity;
  for (const l of lines) {
    if (l.xs.length) {
      xlo = Math.min(xlo, l.xs[0]);
      xhi = Math.max(xhi, l.xs[l.xs.length - 1]);
    }
    for (const v of l.raw) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < ylo) ylo = v;
      if (v > yhi) yhi = v;
    }
  }
  if (!(xhi > xlo)) [xlo, xhi] = Number.isFinite(xlo) ? [xlo - 1, xlo + 1] : [0, 1];
  const [left, right, top, bottom] = [48, width - 18, 10, height - 24];
  return { width, height, left, right, top, bottom, x: makeScale(xlo, xhi, left, right, false, Math.max(2, Math.floor(width / 90))), y: makeScale(ylo, yhi, bottom, top, log, 4) };
}

/** Sizes a canvas for the device's pixels and returns its context, drawing in CSS pixels. */
export function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.min(3, globalThis.devicePixelRatio || 1);
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Strokes one series, gaps where a value cannot be drawn. Where several points share a pixel column only the
 * lowest and highest are drawn, in order (one point when they are within a pixel): the same picture, spikes kept,
 * for a fraction of the work.
 */
function trace(ctx: CanvasRenderingContext2D, f: Frame, xs: Float64Array, ys: readonly number[], dashed: boolean): void {
  let pen = false;
  let col = NaN;
  let lo = 0;
  let hi = 0;
  let loFirst = true;
  let any = false;
  const put = (py: number) => {
    // Dashes by hand, 6 px drawn and 4 left out along x: setLineDash costs more than the line itself.
    if (dashed && col % 10 >= 6) {
      if (pen) ctx.lineTo(col, py);
      pen = false;
      return;
    }
    if (pen) ctx.lineTo(col, py);
    else ctx.moveTo(col, py);
    pen = true;
  };
  const emit = () => {
    if (!any) return;
    const a = f.y(lo);
    const b = f.y(hi);
    if (Math.abs(a - b) < 1) put((a + b) / 2);
    else if (loFirst) (put(a), put(b));
    else (put(b), put(a));
    any = false;
  };
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(v) || (f.y.log && v <= 0)) {
      emit();
      pen = false;
      continue;
    }
    const px = Math.round(f.x(xs[i]));
    if (px !== col) {
      emit();
      col = px;
    }
    if (!any) {
      lo = hi = v;
      loFirst = true;
      any = true;
    } else if (v < lo) {
      lo = v;
      loFirst = false;
    } else if (v > hi) {
      hi = v;
      loFirst = true;
    }
  }
  emit();
}

/** The lower canvas: grid, ticks, axis names, markers, and each raw line (faint when smoothing is on). */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lines: readonly Line[],
  shown: readonly ShownRun[],
  theme: Theme,
  opts: { axis: XAxis; metric: string },
): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.beginPath();
  for (const t of f.y.ticks) {
    const y = Math.round(f.y(t)) + 0.5;
    ctx.moveTo(f.left, y);
    ctx.lineTo(f.right, y);
    ctx.fillText(tickLabel(t), f.left - 4, y);
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of f.x.ticks) if (t >= f.x.domain[0]) ctx.fillText(opts.axis === 'relative' ? fmtX(t, 'relative') : tickLabel(t), f.x(t), f.bottom + 5);
  ctx.strokeStyle = theme.muted;
  ctx.beginPath();
  ctx.moveTo(f.left, f.bottom + 0.5);
  ctx.lineTo(f.right, f.bottom + 0.5);
  ctx.stroke();
  drawMarkers(ctx, f, lines, shown, theme);
}

/** The raw lines, faint, behind the smoothed ones (on the lower canvas, over the frame). */
export function drawFaint(ctx: CanvasRenderingContext2D, f: Frame, lines: readonly Line[], theme: Theme): void {
  ctx.globalAlpha = 0.25;
  drawLines(ctx, f, lines, theme, false, false);
  ctx.globalAlpha = 1;
}

/** How much drawing a wide line's point costs, in hairline points (a GPU-less canvas's measure, see WIDE_LINES_UP_TO). */
const WIDE_COST = 18;

/**
 * The chart's lines in groups of whole runs, each with its cost in hairline points (a line draws at most one or two
 * points per pixel column), for drawing a group at a time.
 */
export function linesByRun(f: Frame, lines: readonly Line[], smooth: boolean, wide: boolean, most: number): { lines: readonly Line[]; cost: number }[] {
  const columns = Math.max(1, f.right - f.left);
  const groups: { lines: readonly Line[]; cost: number }[] = [];
  let start = 0;
  let cost = 0;
  for (let i = 0; i < lines.length; i++) {
    const points = Math.min(lines[i].raw.length, (smooth ? 1 : 2) * columns) * (wide ? WIDE_COST : 1);
    // Whole runs only: a run's train and validation lines are one path.
    if (cost > 0 && cost + points > most && lines[i].shown !== lines[i - 1].shown) {
      groups.push({ lines: lines.slice(start, i), cost });
      start = i;
      cost = 0;
    }
    cost += points;
  }
  if (start < lines.length) groups.push({ lines: lines.slice(start), cost });
  return groups;
}

/**
 * Traces a smoothed series with one point per pixel column, the mean of the values that fall in it: the average
 * has already taken out the spikes that {@link trace} keeps, and half the points halve a smoothing redraw.
 */
function traceMean(ctx: CanvasRenderingContext2D, f: Frame, cols: Int16Array, ys: readonly number[], dashed: boolean): void {
  let pen = false;
  let sum = 0;
  let n = 0;
  let col = -32768;
  const put = () => {
    const py = f.y(sum / n);
    // Dashes by hand, as in trace().
    if (dashed && col % 10 >= 6) {
      if (pen) ctx.lineTo(col, py);
      pen = false;
    } else {
      if (pen) ctx.lineTo(col, py);
      else ctx.moveTo(col, py);
      pen = true;
    }
    n = 0;
    sum = 0;
  };
  for (let i = 0; i < ys.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(v) || (f.y.log && v <= 0)) {
      if (n) put();
      pen = false;
      continue;
    }
    if (cols[i] !== col) {
      if (n) put();
      col = cols[i];
    }
    sum += v;
    n++;
  }
  if (n) put();
}

/** Each line's pixel column per point, kept with the line (x does not move when the smoothing does). */
function columns(f: Frame, l: Line): Int16Array {
  if (l.cols?.length === l.xs.length && l.colsFor === f) return l.cols;
  const cols = new Int16Array(l.xs.length);
  for (let i = 0; i < cols.length; i++) cols[i] = Math.round(f.x(l.xs[i]));
  l.cols = cols;
  l.colsFor = f;
  return cols;
}

/**
 * Runs up to this many are drawn 1.5 px wide; more, and faint raw lines always, one device pixel wide. Where the
 * browser draws canvases without a GPU, a line wider than a device pixel costs about 18 times as much as a hairline
 * (100 runs of 1,000 epochs: 1.4 s to draw at 1.5 px), and a crowded chart reads better with thin lines anyway.
 */
export const WIDE_LINES_UP_TO = 4;

/** Each line in its run's colour, validation dashed; one path per run (its train and validation lines). */
export function drawLines(ctx: CanvasRenderingContext2D, f: Frame, lines: readonly Line[], theme: Theme, smooth = false, wide = true): void {
  // One device pixel: the transform holds the device pixel ratio.
  ctx.lineWidth = wide ? 1.5 : 1 / ctx.getTransform().a;
  ctx.lineJoin = 'round';
  for (let i = 0; i < lines.length; ) {
    const run = lines[i].shown;
    ctx.strokeStyle = theme.runs[run.color];
    ctx.beginPath();
    for (; i < lines.length && lines[i].shown === run; i++) {
      const l = lines[i];
      if (smooth) traceMean(ctx, f, columns(f, l), l.smooth, l.validation);
      else trace(ctx, f, l.xs, l.raw, l.validation);
    }
    ctx.stroke();
  }
}

/** Early stopping's stop and restored epochs and a NaN epoch as lines; learning-rate changes as ticks. */
function drawMarkers(ctx: CanvasRenderingContext2D, f: Frame, lines: readonly Line[], shown: readonly ShownRun[], theme: Theme): void {
  for (const s of shown) {
    const line = lines.find((l) => l.shown === s);
    if (!line) continue;
    const epochs = s.run.epochs;
    const at = (epoch: number) => {
      const i = epochs ? epochs.findIndex((e) => e >= epoch) : epoch - 1;
      return i >= 0 && i < line.xs.length ? f.x(line.xs[i]) : NaN;
    };
    const m = s.run.markers;
    ctx.strokeStyle = theme.runs[s.color];
    ctx.lineWidth = 1;
    for (const [epoch, dash] of [[m.stoppedEpoch, [2, 2]], [m.restoredEpoch, [6, 3]], [m.nanEpoch, [1, 3]]] as const) {
      const x = epoch ? at(epoch) : NaN;
      if (!Number.isFinite(x)) continue;
      ctx.setLineDash(dash as unknown as number[]);
      ctx.beginPath();
      ctx.moveTo(x, f.top);
      ctx.lineTo(x, f.bottom);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.fillStyle = theme.runs[s.color];
    for (const e of m.lrChanges ?? []) {
      const x = at(e);
      if (!Number.isFinite(x)) continue;
      ctx.beginPath();
      ctx.moveTo(x, f.bottom);
      ctx.lineTo(x - 4, f.bottom + 7);
      ctx.lineTo(x + 4, f.bottom + 7);
      ctx.fill();
    }
  }
}
