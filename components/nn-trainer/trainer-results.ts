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

/** Boundary with points, accuracy and loss curves, gradient size per layer, and the end-of-run readouts. */
export function renderResults(panel: LabPanel, split: PointSplit, pickSplit: (s: PointSplit) => void): TemplateResult {
  const data = panel.data;
  const d = data?.extent ?? { x: [-1, 1], y: [-1, 1] };
  const runs = panel.record ? [panel.record] : [];
  // While training the axis spans every epoch to come; afterwards, the epochs run (a run can stop early).
  const total = panel.busy ? (panel.session?.setup.train.epochs ?? 0) : 0;
  const norms = (panel.session?.history?.layerGradientNorms ?? []).map((e) => e.map((l) => l.kernel));
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
        <nn-curves exportparts=${exportParts('nn-curves', 'curves')} metric="accuracy" label="Accuracy per epoch" max-epochs=${total} .runs=${runs}></nn-curves>
        <nn-curves exportparts=${exportParts('nn-curves', 'curves')} metric="loss" label="Loss per epoch" log-scale max-epochs=${total} .runs=${runs}></nn-curves>
      </div>
    </div>
    <p class="subhead">Gradient size per layer</p>
    <nn-gradient-flow exportparts=${exportParts('nn-gradient-flow', 'gradient')} view="training" .norms=${norms}></nn-gradient-flow>
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
