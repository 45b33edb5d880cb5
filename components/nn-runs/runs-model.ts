// What the dashboard draws, worked out from run records: colours that stay with a run, the filter, each chart's
// series on the chosen x axis, the values under a cursor, and the hparams table's rows.
import { runHparams, smoothScalars, type HparamValue, type RunRecord } from '../../src/runs/index.js';

/** Okabe–Ito's colours, then six more told apart from them: the defaults of `--nn-run-<i>`. */
export const RUN_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', 'light-dark(#000000, #e8e8ec)', '#8c564b', '#7f3c8d', '#11a579', '#e73f74', '#3969ac'];

/** The x axes a chart can use (TensorBoard's step / relative, and Keras's epoch). */
export const X_AXES = ['epoch', 'step', 'relative'] as const;
export type XAxis = (typeof X_AXES)[number];

/** A run as the dashboard shows it: the record, its colour and whether it came from a link. */
export interface ShownRun {
  run: RunRecord;
  color: number;
  shared: boolean;
}

/** A small stable hash of a run's id (FNV-1a), so a run keeps its colour whatever else is shown. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A palette index per run id: each run (oldest first) takes its hashed colour, or the next one free. Filtering and
 * selecting never change a run's colour; only a run deleted before it can.
 */
export function assignColors(runs: readonly RunRecord[], previous: ReadonlyMap<string, number> = new Map()): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Map<number, number>();
  const take = (id: string, c: number) => {
    out.set(id, c);
    used.set(c, (used.get(c) ?? 0) + 1);
  };
  for (const r of runs) if (previous.has(r.id)) take(r.id, previous.get(r.id)!);
  for (const r of [...runs].sort((a, b) => a.startedAt - b.startedAt)) {
    if (out.has(r.id)) continue;
    const first = hash(r.id) % RUN_PALETTE.length;
    let best = first;
    for (let k = 0; k < RUN_PALETTE.length; k++) {
      const c = (first + k) % RUN_PALETTE.length;
      if ((used.get(c) ?? 0) < (used.get(best) ?? 0)) best = c;
      if (!used.get(c)) break;
    }
    take(r.id, best);
  }
  return out;
}

/** The longest filter pattern, in characters: far more than a run name needs. */
export const MAX_FILTER_LENGTH = 500;

/**
 * The filter as TensorBoard reads it: a regular expression, case-insensitive, matched anywhere in the run's name
 * or page. Returns the RegExp, or a message when the text is not one.
 */
export function parseFilter(text: string): RegExp | string {
  // V8 compiles a pattern when first used: a very long one throws then ("too large"), not here.
  if (text.length > MAX_FILTER_LENGTH) return `filter: ${text.length.toLocaleString('en')} characters is over the limit of ${MAX_FILTER_LENGTH}`;
  try {
    return new RegExp(text, 'i');
  } catch (e) {
    return `filter "${text}" is not a regular expression (${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)})`;
  }
}

export const matches = (re: RegExp, run: RunRecord): boolean => re.test(run.name) || re.test(run.page ?? '');

/** A chart: one metric, with `metric` solid (train) and `val_<metric>` dashed (validation). */
export interface ChartSpec {
  metric: string;
  tags: string[];
}

const ORDER = ['loss', 'accuracy', 'learning_rate', 'lr'];

/** One chart per metric the shown runs have, `loss` and `accuracy` first. */
export function chartsFor(runs: readonly RunRecord[]): ChartSpec[] {
  const metrics = new Map<string, Set<string>>();
  for (const r of runs)
    for (const tag of Object.keys(r.scalars)) {
      const metric = tag.startsWith('val_') ? tag.slice(4) : tag;
      (metrics.get(metric) ?? metrics.set(metric, new Set()).get(metric)!).add(tag);
    }
  const rank = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length);
  return [...metrics.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([metric, tags]) => ({ metric, tags: [...tags].sort((a, b) => a.length - b.length) }));
}

/** The x value of each of a run's points on `axis`: epoch (from 1), optimizer steps, or seconds from its start. */
export function xValues(run: RunRecord, n: number, axis: XAxis): Float64Array {
  const xs = new Float64Array(n);
  // The record's fields read once: this runs for every point of every run shown on each full redraw.
  const epochs = run.epochs;
  const times = run.times;
  const perEpoch = axis === 'step' ? (run.stepsPerEpoch ?? 1) : 1;
  for (let i = 0; i < n; i++) {
    if (axis !== 'relative') xs[i] = (epochs?.[i] ?? i + 1) * perEpoch;
    else {
      const t = times?.[i];
      xs[i] = t !== undefined && Number.isFinite(t) ? t / 1000 : i > 0 ? xs[i - 1] : 0;
    }
  }
  return xs;
}

/** One line of a chart: a run's train or validation values, raw and smoothed, against x. */
export interface Line {
  shown: ShownRun;
  tag: string;
  validation: boolean;
  xs: Float64Array;
  raw: number[];
  smooth: number[];
  /** The pixel column of each point, and the chart frame they were worked out for (runs-chart keeps them). */
  cols?: Int16Array;
  colsFor?: object;
}

/** The lines of one chart; smoothing is applied here (TensorBoard's debiased EMA). */
export function linesFor(chart: ChartSpec, shown: readonly ShownRun[], axis: XAxis, smoothing: number): Line[] {
  const out: Line[] = [];
  for (const s of shown) {
    // A run's tags mostly have as many points: their x values are worked out once.
    let xs: Float64Array | undefined;
    for (const tag of chart.tags) {
      const raw = s.run.scalars[tag];
      if (!raw?.length) continue;
      if (xs?.length !== raw.length) xs = xValues(s.run, raw.length, axis);
      out.push({ shown: s, tag, validation: tag.startsWith('val_'), xs, raw, smooth: smoothing > 0 ? smoothScalars(raw, smoothing) : raw });
    }
  }
  return out;
}

/** Smooths each line again (after a smoothing change); the rest of the chart stays as it was. */
export function resmooth(lines: Line[], smoothing: number): void {
  for (const l of lines) l.smooth = smoothing > 0 ? smoothScalars(l.raw, smoothing) : l.raw;
}

/** The index of the point nearest to `x` in increasing `xs`. */
export function nearest(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/** A number for a table: 4 significant digits, "—" when missing. */
export function fmt(v: number | undefined): string {
  if (v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

/** An x value as its axis reads: whole epochs and steps, times as m:ss. */
export function fmtX(v: number, axis: XAxis): string {
  if (axis !== 'relative') return String(Math.round(v));
  const s = Math.max(0, v);
  const m = Math.floor(s / 60);
  return m ? `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}` : `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** The last finite value of a series. */
export function lastFinite(values: readonly number[] | undefined): number | undefined {
  if (!values) return undefined;
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return values.length ? values[values.length - 1] : undefined;
}

/** A row of the hparams table: settings, then final metrics. */
export interface TableRow {
  shown: ShownRun;
  hparams: Record<string, HparamValue>;
  metrics: Record<string, number | undefined>;
}

/** The table's rows, and its columns: every setting any run has, then final values of every tag and summary. */
export function tableOf(shown: readonly ShownRun[]): { rows: TableRow[]; hparams: string[]; metrics: string[] } {
  const hp = new Set<string>();
  const ms = new Set<string>();
  const rows = shown.map((s) => {
    const hparams = runHparams(s.run);
    const metrics: Record<string, number | undefined> = { epochs: s.run.epochs?.at(-1) ?? Math.max(0, ...Object.values(s.run.scalars).map((v) => v.length)) };
    for (const [tag, v] of Object.entries(s.run.scalars)) metrics[tag] = lastFinite(v);
    Object.assign(metrics, s.run.summary);
    Object.keys(hparams).forEach((k) => hp.add(k));
    Object.keys(metrics).forEach((k) => ms.add(k));
    return { shown: s, hparams, metrics };
  });
  const order = ['epochs', 'loss', 'accuracy', 'val_loss', 'val_accuracy', 'trainAccuracy', 'validationAccuracy', 'testAccuracy'];
  const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
  return { rows, hparams: [...hp], metrics: [...ms].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)) };
}

/** Sorts rows by a column (a setting, a metric, or `run`): numbers by value, text by words; missing last. */
export function sortRows(rows: TableRow[], column: string, descending: boolean): TableRow[] {
  const key = (r: TableRow): number | string | undefined =>
    column === 'run' ? r.shown.run.name : column in r.metrics ? r.metrics[column] : (r.hparams[column] as number | string | undefined);
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || (typeof x === 'number' && Number.isNaN(x))) return 1;
    if (y === undefined || (typeof y === 'number' && Number.isNaN(y))) return -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
  });
}
