// The transfer lab's read-outs as templates: class counts with the majority baseline, the layer table
// (check_trainable), the progress bars, and problem 6's comparison.
import { html, nothing } from 'lit';
import { CIFAR10_CLASSES, TRANSFER_CLASSES, imageToRGBA } from '../../src/data/index.js';
import { majorityBaseline, relabelCounts, type ModelComparison } from '../../src/transfer/index.js';
import { formatDuration, type DataInfo, type ModelInfo, type PredictResult } from '../../src/worker/index.js';
import { styleProps } from '../internal/style-props.js';
import type { LabProgress } from './transfer-lab.js';

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const int = (n: number) => n.toLocaleString('en-US');

/** Counts per new class for the training and test sets, and what always answering "other" scores. */
export function countsView(train: DataInfo, test: DataInfo) {
  const sets = (test === train ? [['images', train]] : [['training', train], ['test', test]]) as Array<[string, DataInfo]>;
  const rows = sets.map(([label, info]) => ({ label, counts: relabelCounts(info.classCounts), total: info.count }));
  const base = majorityBaseline(rows.at(-1)!.counts);
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Images per class after relabelling">
      <table class="counts">
        <caption>Images per class after relabelling</caption>
        <thead><tr><td></td>${TRANSFER_CLASSES.map((c) => html`<th scope="col">${c}</th>`)}<th scope="col">all</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.counts.map((c) => html`<td>${int(c)} <small>(${pct(c / r.total)})</small></td>`)}<td>${int(r.total)}</td></tr>`)}</tbody>
      </table>
    </div>
    <p class="note">Majority-class baseline: always answering “${TRANSFER_CLASSES[base.classIndex]}” is right on
      <strong>${pct(base.accuracy)}</strong> of the test images (balanced accuracy ${pct(base.balancedAccuracy)}). Read every accuracy below against it.
      Airplanes (CIFAR label 0) count as “other”: the homework’s <code>label_map</code> sends every label it does not list to 3, although its text lists “other” as 2, 4–8.</p>`;
}

/** The homework's check_trainable as a table: each layer's kind, output shape, parameters and a trainable switch. */
export function layerTable(model: ModelInfo, reused: readonly string[], disabled: boolean, toggle: (name: string, on: boolean) => void) {
  return html`<div class="scroll" tabindex="0" role="region" aria-label="Layers of the transferred model">
    <table class="layers">
      <caption>Layers of the new model (${int(model.trainableParams)} of ${int(model.params)} parameters train)</caption>
      <thead><tr><th scope="col">layer</th><th scope="col">kind</th><th scope="col">output</th><th scope="col">parameters</th><th scope="col">trainable</th></tr></thead>
      <tbody>${model.layers.map(
        (l) => html`<tr class=${reused.includes(l.name) ? 'reused' : 'head'}>
          <th scope="row">${l.name}${reused.includes(l.name) ? '' : html` <small>(new)</small>`}</th><td>${l.className}</td>
          <td>${l.outputShape.join('×')}</td><td>${int(l.params)}</td>
          <td>${l.params > 0
            ? html`<input type="checkbox" aria-label="${l.name} trainable" .checked=${l.trainable} ?disabled=${disabled}
                @change=${(e: Event) => toggle(l.name, (e.target as HTMLInputElement).checked)} />`
            : html`<span class="muted">no weights</span>`}</td></tr>`,
      )}</tbody>
    </table></div>`;
}

/** The bar of whatever runs: loading, computing activations, training. */
export function progressView(p: LabProgress | null) {
  if (!p) return nothing;
  if (p.kind === 'busy') return html`<p class="bar" part="progress" role="status">${p.label}…</p>`;
  if (p.kind === 'loading') {
    const mb = (b: number) => (b / 1e6).toFixed(1);
    return html`<label class="bar" part="progress">Loading data: ${mb(p.loaded)}${p.total ? ` of ${mb(p.total)}` : ''} MB
      <progress max=${p.total ?? nothing} value=${p.total ? p.loaded : nothing}></progress></label>`;
  }
  if (p.kind === 'activations') {
    return html`<label class="bar" part="progress">Activations of the frozen layers (${p.name}): ${int(p.done)} of ${int(p.total)} images
      <progress max=${p.total} value=${p.done}></progress></label>`;
  }
  const b = p.progress;
  if (!b) return html`<p class="bar" part="progress" role="status">Stage ${p.stage}: starting…</p>`;
  return html`<label class="bar" part="progress">Stage ${p.stage}, epoch ${b.epoch + 1} of ${b.epochs}: loss ${b.meanLoss.toFixed(3)}${
    b.accuracy !== undefined ? `, accuracy ${b.accuracy.toFixed(3)}` : ''} · ${Math.round(b.imagesPerSecond)} images/s · about ${formatDuration(b.etaMs)} left
    <progress max=${b.totalSteps} value=${b.step + 1}></progress></label>`;
}

/** One confusion matrix (rows: true class). */
function matrix(m: number[][], caption: string) {
  return html`<table class="confusion">
    <caption>${caption}</caption>
    <thead><tr><td></td>${TRANSFER_CLASSES.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead>
    <tbody>${m.map((row, t) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      return html`<tr><th scope="row">${TRANSFER_CLASSES[t]}</th>${row.map((v, p) => html`<td class=${p === t ? 'diag' : ''} style=${styleProps({ '--share': String(v / total) })}>${v}</td>`)}</tr>`;
    })}</tbody></table>`;
}

/** Problem 6: the scores side by side with the baseline, both confusion matrices, and the sentence. */
export function comparisonView(c: ModelComparison) {
  const [a, b] = c.scores;
  const row = (label: string, x: number, y: number, base: number) =>
    html`<tr><th scope="row">${label}</th><td>${pct(x)}</td><td>${pct(y)}</td><td>${pct(base)}</td></tr>`;
  return html`<p class="sentence" part="sentence">${c.sentence}</p>
    <div class="scroll" tabindex="0" role="region" aria-label="Scores of both models">
    <table class="scores">
      <caption>On the same ${int(a.count)} test images, 4 classes</caption>
      <thead><tr><td></td><th scope="col">${c.names[0]}</th><th scope="col">${c.names[1]}</th><th scope="col">always “${c.classNames[c.baseline.classIndex]}”</th></tr></thead>
      <tbody>
        ${row('accuracy', a.accuracy, b.accuracy, c.baseline.accuracy)}
        ${row('balanced accuracy', a.balancedAccuracy, b.balancedAccuracy, c.baseline.balancedAccuracy)}
        ${c.classNames.map((n, i) => row(`${n} (${int(a.support[i])})`, a.perClass[i], b.perClass[i], a.support[i] === 0 ? NaN : i === c.baseline.classIndex ? 1 : 0))}
      </tbody></table></div>
    <div class="matrices">${matrix(a.confusion, c.names[0])} ${matrix(b.confusion, c.names[1])}</div>`;
}

/** Test images where the two models disagree, each with its true class and both answers. */
export function disagreementsView(images: PredictResult | null, c: ModelComparison, answers: [Uint8Array, Uint8Array]) {
  if (!images || images.count === 0) return nothing;
  return html`<ul class="grid" part="disagreements" aria-label="Test images the two models label differently">
    ${images.indices.map((index, k) => {
      const original = CIFAR10_CLASSES[images.labels[k]] ?? String(images.labels[k]);
      return html`<li><canvas width="32" height="32" data-k=${k} role="img" aria-label="A ${original}"></canvas>
        <span class="truth">${original}</span>
        <span>${c.names[0]}: ${TRANSFER_CLASSES[answers[0][index]]}</span>
        <span>${c.names[1]}: ${TRANSFER_CLASSES[answers[1][index]]}</span></li>`;
    })}</ul>`;
}

/** Paints the disagreement thumbnails from their bytes. */
export function paintDisagreements(root: ParentNode, images: PredictResult | null): void {
  if (!images?.images) return;
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-k]')) {
    const k = Number(canvas.dataset.k);
    canvas.getContext('2d')?.putImageData(new ImageData(imageToRGBA(images.images, k), 32, 32), 0, 0);
  }
}
