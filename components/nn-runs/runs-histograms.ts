// TensorBoard's histogram view of one weight tensor over epochs, on a canvas: "offset" stacks each epoch's
// histogram a little lower than the one before (the newest in front), "overlay" draws them on one axis, newer darker.
import { tickLabel } from '../nn-curves/curves-scale.js';
import type { HistogramEntry } from '../../src/runs/index.js';
import type { Theme } from './runs-chart.js';

/** Entries drawn at most: an even sample of the epochs (TensorBoard's view thins too). */
const MAX_DRAWN = 40;

/** An even sample of at most `max` entries, first and last kept. */
export function sampleEntries(entries: readonly HistogramEntry[], max = MAX_DRAWN): HistogramEntry[] {
  if (entries.length <= max) return [...entries];
  return Array.from({ length: max }, (_, k) => entries[Math.round((k * (entries.length - 1)) / (max - 1))]);
}

/** Draws one tag's histograms; `color` is the run's. */
export function drawHistograms(
  ctx: CanvasRenderingContext2D,
  entries: readonly HistogramEntry[],
  width: number,
  height: number,
  mode: 'offset' | 'overlay',
  color: string,
  theme: Theme,
): void {
  const drawn = sampleEntries(entries);
  if (!drawn.length) return;
  let lo = Infinity;
  let hi = -Infinity;
  let top = 0;
  for (const h of drawn) {
    lo = Math.min(lo, h.min);
    hi = Math.max(hi, h.max);
    for (const c of h.counts) top = Math.max(top, c);
  }
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, hi + 0.5];
  const [left, right, bottom] = [40, width - 18, height - 20];
  const offset = mode === 'offset' ? Math.min(6, (height - 60) / Math.max(1, drawn.length)) : 0;
  const plotTop = 8;
  const rowHeight = bottom - plotTop - offset * (drawn.length - 1);
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let k = 0; k <= 4; k++) ctx.fillText(tickLabel(Number((lo + ((hi - lo) * k) / 4).toPrecision(3))), x(lo + ((hi - lo) * k) / 4), bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  drawn.forEach((h, k) => {
    const base = mode === 'offset' ? plotTop + rowHeight + offset * k : bottom;
    const n = h.counts.length;
    const w = (h.max - h.min) / n;
    ctx.beginPath();
    ctx.moveTo(x(h.min), base);
    for (let i = 0; i < n; i++) {
      const cx = n === 1 || w === 0 ? x(h.max) : x(h.min + (i + 0.5) * w);
      ctx.lineTo(cx, base - (h.counts[i] / Math.max(1, top)) * rowHeight);
    }
    ctx.lineTo(x(h.max), base);
    const age = drawn.length > 1 ? k / (drawn.length - 1) : 1;
    ctx.strokeStyle = color;
    ctx.globalAlpha = mode === 'overlay' ? 0.15 + 0.85 * age : 1;
    if (mode === 'offset') {
      ctx.fillStyle = theme.bg;
      ctx.fill();
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (mode === 'offset' && (k === 0 || k === drawn.length - 1)) {
      ctx.fillStyle = theme.muted;
      ctx.fillText(String(h.epoch), left - 4, base - 2);
    }
  });
}
