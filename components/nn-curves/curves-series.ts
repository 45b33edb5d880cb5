import { smoothScalars, type RunMarkers } from '../../src/runs/index.js';

/** What `<nn-curves>` draws of a run: a name, per-epoch scalars by tag, markers. A run store record is one. */
export interface CurveRun {
  name: string;
  scalars: Readonly<Record<string, ArrayLike<number>>>;
  markers?: RunMarkers;
}

/** One drawn line: a run's train or validation series, raw and smoothed. */
export interface Series {
  run: number;
  kind: 'train' | 'validation';
  name: string;
  color: string;
  /** The line's dash pattern ('' solid): runs past the palette's length are told apart by it. */
  dash: string;
  raw: number[];
  smooth: number[];
}

/**
 * Okabe–Ito colours and Tol's wine: told apart by colour-blind readers; train and validation share one, dashed for
 * validation. Black and wine turn light on a dark theme.
 */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', 'light-dark(#000000, #e8e8ec)', 'light-dark(#882255, #d98ab4)'];

/** The run's colour: a custom property `--nn-curve-<i>` when set, else the palette's. */
export const runColor = (i: number) => `var(--nn-curve-${i}, ${PALETTE[i % PALETTE.length]})`;

const DASHES = ['8 3', '2 3', '8 3 2 3'];
/** The run's dash pattern: solid for the palette's first round, then a pattern per round, so no two runs look alike. */
export const runDash = (i: number) => (i < PALETTE.length ? '' : DASHES[(Math.floor(i / PALETTE.length) - 1) % DASHES.length]);

/** Train (`metric`) and validation (`val_<metric>`) series of every run, smoothed with TensorBoard's weight. */
export function buildSeries(runs: readonly CurveRun[], metric: string, smoothing: number): Series[] {
  const out: Series[] = [];
  runs.forEach((run, i) => {
    for (const kind of ['train', 'validation'] as const) {
      const values = run.scalars?.[kind === 'train' ? metric : `val_${metric}`];
      if (!values || values.length === 0) continue;
      const raw = Array.from(values);
      out.push({ run: i, kind, name: run.name, color: runColor(i), dash: kind === 'validation' ? '6 4' : runDash(i), raw, smooth: smoothing > 0 ? smoothScalars(raw, smoothing) : raw });
    }
  });
  return out;
}

/** The smallest and largest drawable value over every series (raw and smoothed); log scales skip values ≤ 0. */
export function valueRange(series: readonly Series[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const arr of [s.raw, s.smooth])
      for (const v of arr) {
        if (!Number.isFinite(v) || (log && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
  return [lo, hi];
}

/** A value for the readout: 3 significant digits, "—" when missing. */
export function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return v !== undefined && Number.isNaN(v) ? 'NaN' : '—';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}
