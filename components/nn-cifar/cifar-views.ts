// The lab's read-outs as templates: the plan, progress bars, the prediction grid, the confusion matrix.
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../internal/style-props.js';
import { CIFAR10_CLASSES, imageToRGBA } from '../../src/data/index.js';
import { epochPlanMs, formatDuration, formatSpeed, topK, type EpochPlan, type FittedPlan, type PredictResult } from '../../src/worker/index.js';
import type { ProgressDetail } from '../events/nn-progress.js';
import type { Measured } from '../internal/lab-worker.js';
import { plural } from '../internal/plan-view.js';
import { loadingText, measuringText, speedAndTimeLeft } from '../internal/progress-text.js';
import type { CifarLab, CifarPlan } from './cifar-lab.js';

/** The quick plan at the measured speed, with its estimate and the full plan it was cut from. */
export interface QuickEpochPlan extends FittedPlan<EpochPlan> {
  full: EpochPlan;
}

/** "20 epochs of 10,000 images, tested on 2,000 after each". */
export function epochPlanWhat(p: EpochPlan): string {
  return `${plural(p.epochs, 'epoch')} of ${plural(p.trainImages, 'image')}, tested on ${p.testImages.toLocaleString('en-US')} after each`;
}

/**
 * What the lab is doing as text (for the element and `nn-progress`) and as its view: the loading bar, the backends
 * being timed, the epoch's and the run's bars with the speed and the time left (the test passes included), the test
 * pass, paused, stopping.
 */
export function labProgress(lab: CifarLab, plan: CifarPlan | null, measured: Measured | null) {
  const detail: ProgressDetail = {};
  const p = lab.progress;
  let text = '';
  let view: TemplateResult | typeof nothing = nothing;
  const wrap = (body: TemplateResult) => html`<div class="bars" part="progress">${body}</div>`;
  if (lab.phase === 'loading') {
    const l = lab.loading;
    text = l ? loadingText(l) : 'Starting the training worker…';
    if (l) Object.assign(detail, { loaded: l.loaded, total: l.total });
    view = wrap(html`<label class="bar">${text}<progress max=${l?.total ?? nothing} value=${l?.total ? l.loaded : nothing}></progress></label>`);
  } else if (lab.phase === 'measuring') {
    text = measuringText(lab.worker.measuring ?? { label: '', index: 0, count: 1 });
    view = wrap(html`<p class="line" role="status">${text}</p>`);
  } else if (lab.phase === 'testing') {
    text = `Testing on ${plural(plan?.testSubset || lab.data?.test.count || 0, 'image')}…`;
    view = wrap(html`<p class="line" role="status">${text}</p>`);
  } else if (lab.training && p) {
    const tests = plan?.testSubset || lab.data?.test.count || 0;
    const ips = p.imagesPerSecond || measured?.chosen.imagesPerSecond || 0;
    // The trainer's estimate covers the steps; each epoch still to end adds a test pass (a third of a step per image).
    const etaMs = ips > 0 ? (Number.isFinite(p.etaMs) ? p.etaMs : ((p.totalSteps - p.step - 1) * plan!.batchSize * 1000) / ips) + ((p.epochs - p.epoch) * tests * 1000) / (3 * ips) : NaN;
    const state = lab.phase === 'paused' ? 'Paused · ' : lab.phase === 'stopping' ? 'Stopping after this step… · ' : '';
    const epoch = `Epoch ${p.epoch + 1} of ${p.epochs}: batch ${p.batch + 1} of ${p.batchesPerEpoch}, loss ${p.meanLoss.toFixed(3)}${
      p.accuracy !== undefined ? `, accuracy ${p.accuracy.toFixed(3)}` : ''}`;
    const run = `${state}Run: step ${p.step + 1} of ${p.totalSteps} · ${lab.phase === 'paused' ? `${formatSpeed(ips)} before the pause` : speedAndTimeLeft(ips, etaMs)}`;
    text = `${run}. ${epoch}.`;
    Object.assign(detail, { step: p.step, totalSteps: p.totalSteps, epoch: p.epoch, epochs: p.epochs, imagesPerSecond: ips, etaMs });
    view = wrap(html`<label class="bar">${epoch}<progress max=${p.batchesPerEpoch} value=${p.batch + 1}></progress></label>
      <label class="bar">${run}<progress max=${p.totalSteps} value=${p.step + 1}></progress></label>`);
  } else if (lab.training) {
    const data = lab.data;
    const estimate =
      measured && plan && data
        ? epochPlanMs(
            { epochs: plan.epochs, trainImages: plan.subset || data.train.count, testImages: plan.testSubset || data.test.count, batchSize: plan.batchSize },
            measured.chosen,
          )
        : NaN;
    text = lab.phase === 'stopping' ? 'Stopping…' : `Building the model and training its first step${Number.isFinite(estimate) ? `: about ${formatDuration(estimate)} for this plan` : ''}…`;
    if (Number.isFinite(estimate)) Object.assign(detail, { etaMs: estimate, epochs: plan!.epochs, imagesPerSecond: measured!.chosen.imagesPerSecond });
    view = wrap(html`<p class="line" role="status">${text}</p>`);
  }
  return { text, detail, view };
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
