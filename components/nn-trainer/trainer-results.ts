import { html, nothing, svg, type TemplateResult } from 'lit';
import { judgeRun, kernelWeights, sparsity, weightHistogram, type LabData } from '../../src/labs/index.js';
import { toKerasCode } from '../../src/spec/index.js';
import type { LabPanel } from './lab-panel.js';
import { exportParts } from '../internal/parts.js';

export type PointSplit = 'train' | 'validation' | 'test';

const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2));
/** Two significant digits, exponent form when large or tiny: an exploded weight still fits under the histogram. */
const short = (v: number) => (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(2))));
const last = (a: number[] | undefined) => (a && a.length ? a[a.length - 1] : undefined);

/** "Epoch 37 / 300 · learning rate 0.001 · loss 0.31 · accuracy 0.87 · validation 0.86". */
export function statusLine(panel: LabPanel): string {
  const h = panel.record?.scalars ?? {};
  const epochs = h.loss?.length ?? 0;
  const total = panel.session?.setup.train.epochs ?? panel.setup?.train.epochs ?? 0;
  if (panel.status === 'idle') return panel.problems.length ? 'Fix the setup to train.' : `Ready: ${total} epochs.`;
  const state = { training: 'Training', paused: 'Paused', done: 'Done', stopped: 'Stopped', diverged: 'Diverged' }[panel.status];
  const lr = last(h.lr);
  const note = panel.edited && !panel.busy ? ' · setup changed: Train runs the new one' : '';
  return `${state}${note} · epoch ${epochs} / ${total}${lr !== undefined ? ` · learning rate ${Number(lr.toPrecision(3))}` : ''} · loss ${f2(last(h.loss))} · accuracy ${f2(last(h.accuracy))} · validation ${f2(last(h.val_accuracy))}`;
}

/** The split's points, as nn-boundary takes them: the split itself ({ X, y }), so the same object each frame. */
function pointsOf(data: LabData | undefined, split: PointSplit) {
  return data ? (split === 'train' ? data.train : split === 'test' ? data.test : data.validation) : undefined;
}

/** Axes two setups share in a comparison, so their charts can be compared by eye (also when stacked). */
export interface SharedAxes {
  epochs: number;
  accuracy?: [number, number];
  loss?: [number, number];
  gradient?: [number, number];
}

/** Each panel's gradient size per layer and epoch (the training view's norms). */
export const gradientNorms = (panel: LabPanel) => (panel.session?.history?.layerGradientNorms ?? []).map((e) => e.map((l) => l.kernel));

/** The smallest and largest finite value (positive only, for a log scale) over `values`, or undefined. */
function span(values: Iterable<ArrayLike<number>>, positive: boolean): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of values)
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (!Number.isFinite(v) || (positive && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The y ranges and epochs that every panel's charts span: the union over the panels. */
export function sharedAxes(panels: readonly LabPanel[]): SharedAxes {
  const scalars = panels.map((p) => p.record?.scalars ?? {});
  const pick = (key: string) => scalars.flatMap((s) => [s[key] ?? [], s[`val_${key}`] ?? []]);
  // While training an axis spans every epoch to come; afterwards, the epochs run (a run can stop early).
  const epochs = Math.max(0, ...panels.map((p) => (p.busy ? (p.session?.setup.train.epochs ?? 0) : (p.record?.scalars.loss?.length ?? 0))));
  return {
    epochs,
    accuracy: span(pick('accuracy'), false),
    loss: span(pick('loss'), true),
    gradient: span(panels.flatMap(gradientNorms), true),
  };
}

/** Boundary with points, accuracy and loss curves, gradient size per layer, and the end-of-run readouts. */
export function renderResults(panel: LabPanel, split: PointSplit, pickSplit: (s: PointSplit) => void, axes?: SharedAxes): TemplateResult {
  const data = panel.data;
  const d = data?.extent ?? { x: [-1, 1], y: [-1, 1] };
  // The legend reads the setup's title; the record itself keeps the name the run store shows.
  const rec = panel.record;
  const runs = rec ? [{ name: panel.title, scalars: rec.scalars, markers: rec.markers }] : [];
  const total = axes?.epochs ?? (panel.busy ? (panel.session?.setup.train.epochs ?? 0) : 0);
  const norms = gradientNorms(panel);
  const splits: PointSplit[] = data?.validationIsTest ? ['train', 'test'] : ['train', 'validation', 'test'];
  return html`<p class="status" part="status" role="status">${statusLine(panel)}</p>
    ${panel.message ? html`<p class="nn-error" role="alert">${panel.message}</p>` : nothing}
    <div class="plots">
      <figure class="boundary">
        <nn-boundary exportparts=${exportParts('nn-boundary', 'boundary')} .model=${panel.boundaryModel} .points=${pointsOf(data, split)} domain=${`${d.x[0]},${d.x[1]},${d.y[0]},${d.y[1]}`}
          resolution="40" readonly></nn-boundary>
        <figcaption><label>Points <select @change=${(e: Event) => pickSplit((e.target as HTMLSelectElement).value as PointSplit)}>
          ${splits.map((s) => html`<option value=${s} ?selected=${s === split}>${s}</option>`)}</select></label>
          ● class 1 · ■ class 0; colour: predicted probability of class 1</figcaption>
      </figure>
      <div class="curves">
        <nn-curves exportparts=${exportParts('nn-curves', 'curves')} metric="accuracy" label="Accuracy per epoch" max-epochs=${total} .yRange=${axes?.accuracy} .runs=${runs}></nn-curves>
        <nn-curves exportparts=${exportParts('nn-curves', 'curves')} metric="loss" label="Loss per epoch" log-scale max-epochs=${total} .yRange=${axes?.loss} .runs=${runs}></nn-curves>
      </div>
    </div>
    <p class="subhead">Gradient size per layer</p>
    <nn-gradient-flow exportparts=${exportParts('nn-gradient-flow', 'gradient')} view="training" .yRange=${axes?.gradient} .norms=${norms}></nn-gradient-flow>
    ${renderEnd(panel)}`;
}

function renderEnd(panel: LabPanel): TemplateResult | typeof nothing {
  const model = panel.session?.model;
  if (!model || panel.status === 'idle') return nothing;
  const weights = kernelWeights(model);
  const sp = sparsity(weights);
  const r = panel.run;
  const v = r ? judgeRun(r, panel.session!.data.validationIsTest) : undefined;
  return html`
    ${v ? html`<p class="verdict" part="verdict"><code>${v.line}</code> ${r!.status === 'diverged' ? nothing : html`<span>${v.sentence}</span>`}
      ${r!.stoppedEpoch ? html`<span>Early stopping ended the run at epoch ${r!.stoppedEpoch}${r!.restoredEpoch ? ` and restored epoch ${r!.restoredEpoch}’s weights` : ''}.</span>` : nothing}</p>` : nothing}
    <div class="weights" part="weights"><p class="sparsity">Weights near zero (|w| &lt; ${sp.threshold}): <strong>${Math.round(100 * sp.zeroFraction)}%</strong> (${sp.zero} of ${sp.total})</p>
      ${histogram(weights)}</div>
    ${r ? html`<details class="keras"><summary>Show Keras code</summary><pre tabindex="0" aria-label="Keras code"><code>${keras(panel)}</code></pre></details>` : nothing}`;
}

function keras(panel: LabPanel): string {
  const s = panel.run!.spec;
  try {
    return toKerasCode(s.model, s.train, s.data);
  } catch (e) {
    return `# Could not write Keras code: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The kernel weights' histogram: with L1, most of the mass piles up at 0. */
function histogram(weights: number[]): TemplateResult {
  const { edges, counts } = weightHistogram(weights, 31);
  const max = Math.max(1, ...counts);
  const w = 240;
  const h = 60;
  const bw = w / counts.length;
  return html`<svg class="histogram" viewBox="0 0 ${w} ${h + 14}" role="img"
    aria-label=${`Histogram of ${weights.length} kernel weights from ${short(edges[0])} to ${short(edges[edges.length - 1])}`}>
    ${counts.map((c, i) => svg`<rect x=${i * bw + 0.5} y=${h - (c / max) * h} width=${bw - 1} height=${(c / max) * h}></rect>`)}
    <text x="0" y=${h + 12}>${short(edges[0])}</text><text x=${w / 2} y=${h + 12} text-anchor="middle">0</text>
    <text x=${w} y=${h + 12} text-anchor="end">${short(edges[edges.length - 1])}</text></svg>`;
}
