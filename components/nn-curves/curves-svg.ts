import { svg, nothing, type SVGTemplateResult } from 'lit';
import { styleProps } from '../internal/style-props.js';
import type { Scale } from './curves-scale.js';
import { linePath, tickLabel } from './curves-scale.js';
import type { CurveRun, Series } from './curves-series.js';
import { runColor } from './curves-series.js';

/** The plot's geometry: the inner box, and the x scale from epoch index (0 = epoch 1) to pixels. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (i: number) => number;
  y: Scale;
  epochs: number;
}

/** Grid lines and tick labels of both axes, and the axis names. */
export function axes(f: Frame, metric: string, xLabel: string): SVGTemplateResult {
  const step = Math.max(1, niceEpochStep(f.epochs));
  const xt: number[] = [];
  for (let e = step; e <= f.epochs; e += step) xt.push(e);
  return svg`
    <g class="grid" aria-hidden="true">
      ${f.y.ticks.map((t) => svg`<line x1=${f.left} x2=${f.right} y1=${f.y(t)} y2=${f.y(t)}></line>
        <text class="tick" x=${f.left - 6} y=${f.y(t)} text-anchor="end" dominant-baseline="middle">${tickLabel(t)}</text>`)}
      ${xt.map((e) => svg`<text class="tick" x=${f.x(e - 1)} y=${f.bottom + 14} text-anchor="middle">${e}</text>`)}
      <line class="axis" x1=${f.left} x2=${f.right} y1=${f.bottom} y2=${f.bottom}></line>
      <text class="name" x=${f.right} y=${f.bottom + 28} text-anchor="end">${xLabel}</text>
      <text class="name" x=${f.left} y=${f.top - 6}>${metric}</text>
    </g>`;
}

function niceEpochStep(n: number): number {
  const raw = n / 6;
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
  const m = raw / p;
  return (m > 5 ? 10 : m > 2 ? 5 : m > 1 ? 2 : 1) * p;
}

/** A series' paths: its raw line (when smoothing is on; else empty) and its line. */
export function linePaths(s: Series, f: Frame, smoothing: boolean): readonly [string, string] {
  return [smoothing ? linePath(s.raw, f.x, f.y) : '', linePath(s.smooth, f.x, f.y)];
}

/** Each series: the raw line faint behind the smoothed one when smoothing is on (as TensorBoard draws them). */
export function lines(series: readonly Series[], paths: readonly (readonly [string, string])[]): SVGTemplateResult[] {
  return series.map(
    (s, i) => svg`<g class="series ${s.kind}" style=${styleProps({ '--c': s.color, '--d': s.dash || 'none' })}>
      ${paths[i][0] ? svg`<path class="raw" d=${paths[i][0]}></path>` : nothing}
      <path class="line" d=${paths[i][1]}></path>
    </g>`,
  );
}

/** Early stopping's stop and restored epochs, learning-rate changes and the NaN epoch, per run. */
export function markers(runs: readonly CurveRun[], f: Frame): SVGTemplateResult[] {
  return runs.map((run, i) => {
    const m = run.markers ?? {};
    const c = runColor(i);
    const vline = (epoch: number, cls: string, label: string) => svg`<g class="marker ${cls}" style=${styleProps({ '--c': c })}>
        <line x1=${f.x(epoch - 1)} x2=${f.x(epoch - 1)} y1=${f.top} y2=${f.bottom}></line>
        <text x=${f.x(epoch - 1) + 3} y=${f.top + 10 + 12 * i}>${label}</text><title>${run.name}: ${label} at epoch ${epoch}</title></g>`;
    return svg`
      ${m.stoppedEpoch ? vline(m.stoppedEpoch, 'stopped', 'stopped') : nothing}
      ${m.restoredEpoch ? vline(m.restoredEpoch, 'restored', 'restored') : nothing}
      ${m.nanEpoch ? vline(m.nanEpoch, 'nan', 'loss NaN') : nothing}
      ${(m.phases ?? []).map((p) => vline(p.epoch, 'phase', p.label))}
      ${(m.lrChanges ?? []).map(
        (e) => svg`<path class="marker lr" style=${styleProps({ '--c': c })} d="M${f.x(e - 1)},${f.bottom}l-4,7h8z"><title>${run.name}: learning rate changed at epoch ${e}</title></path>`,
      )}`;
  });
}
