// The lab's read-outs as templates: progress bars, the prediction grid, the confusion matrix.
import { html, nothing } from 'lit';
import { styleProps } from '../internal/style-props.js';
import { CIFAR10_CLASSES, imageToRGBA } from '../../src/data/index.js';
import { topK, type BatchProgress, type PredictResult } from '../../src/worker/index.js';

const seconds = (ms: number) => (ms >= 60000 ? `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s` : `${Math.round(ms / 1000)} s`);

/** The loading bar (indeterminate while the size is unknown). */
export function loadingView(loading: { loaded: number; total: number | undefined } | null) {
  if (!loading) return nothing;
  const mb = (b: number) => (b / 1e6).toFixed(1);
  return html`<label class="bar">Loading data: ${mb(loading.loaded)}${loading.total ? ` of ${mb(loading.total)}` : ''} MB
    <progress part="progress" max=${loading.total ?? nothing} value=${loading.total ? loading.loaded : nothing}></progress></label>`;
}

/** The epoch's bar and the run's bar, with throughput and time left. */
export function progressView(p: BatchProgress | null) {
  if (!p) return nothing;
  return html`<div class="bars" part="progress">
    <label class="bar">Epoch ${p.epoch + 1} of ${p.epochs}: batch ${p.batch + 1} of ${p.batchesPerEpoch}, loss ${p.meanLoss.toFixed(3)}${
      p.accuracy !== undefined ? `, accuracy ${p.accuracy.toFixed(3)}` : ''}
      <progress max=${p.batchesPerEpoch} value=${p.batch + 1}></progress></label>
    <label class="bar">Run: step ${p.step + 1} of ${p.totalSteps} · ${Math.round(p.imagesPerSecond)} images/s · about ${seconds(p.etaMs)} left
      <progress max=${p.totalSteps} value=${p.step + 1}></progress></label>
  </div>`;
}

/** What a thumbnail shows, for its accessible name and caption. */
export function describePrediction(pred: PredictResult, i: number): { truth: string; top: Array<{ label: string; p: number }> } {
  const top = topK(pred.probabilities, pred.classes, i, 3).map((r) => ({ label: CIFAR10_CLASSES[r.classIndex] ?? String(r.classIndex), p: r.probability }));
  return { truth: CIFAR10_CLASSES[pred.labels[i]] ?? String(pred.labels[i]), top };
}

/** The grid: each test image with its true class and top-3 predictions. Canvases are painted by `paintThumbnails`. */
export function predictionGrid(pred: PredictResult | null) {
  if (!pred) return nothing;
  return html`<ul part="predictions" class="grid" aria-label="Test images with the model's top 3 predictions">
    ${Array.from({ length: pred.count }, (_, i) => {
      const d = describePrediction(pred, i);
      const ok = d.top[0]?.label === d.truth;
      return html`<li class=${ok ? 'right' : 'wrong'}>
        <canvas width="32" height="32" data-i=${i} role="img" aria-label="A ${d.truth}"></canvas>
        <span class="truth">${d.truth}</span>
        <ol>${d.top.map((t) => html`<li>${t.label} ${(t.p * 100).toFixed(0)}%</li>`)}</ol></li>`;
    })}</ul>`;
}

/** Paints each thumbnail canvas from the prediction's image bytes. */
export function paintThumbnails(root: ParentNode, pred: PredictResult | null): void {
  if (!pred?.images) return;
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-i]')) {
    const i = Number(canvas.dataset.i);
    canvas.getContext('2d')?.putImageData(new ImageData(imageToRGBA(pred.images, i), 32, 32), 0, 0);
  }
}

/** Counts[true][predicted] as a table, shaded by the share of each true class. */
export function confusionView(m: number[][]) {
  if (m.length === 0) return nothing;
  const names = m.map((_, i) => CIFAR10_CLASSES[i] ?? String(i));
  return html`<div class="confusion-wrap" tabindex="0" role="region" aria-label="Confusion matrix">
    <table part="confusion" class="confusion">
    <caption>Confusion matrix: rows are true classes, columns predicted</caption>
    <thead><tr><td></td>${names.map((n) => html`<th scope="col"><span>${n}</span></th>`)}</tr></thead>
    <tbody>${m.map((row, t) => {
      const total = row.reduce((a, b) => a + b, 0) || 1;
      return html`<tr><th scope="row">${names[t]}</th>${row.map(
        (v, p) => html`<td class=${p === t ? 'diag' : ''} style=${styleProps({ '--share': String(v / total) })}>${v}</td>`,
      )}</tr>`;
    })}</tbody></table></div>`;
}
