// The sweep's views as templates: the plan choice, the backend sentence, the progress line, curves for <nn-curves>,
// the per-rate table, the recommendation.
import { html, nothing } from 'lit';
import type { CurveRun } from '../nn-curves/curves-series.js';
import type { Recommendation } from '../../src/tf/sweep/recommend.js';
import type { ProgressDetail } from '../events/nn-progress.js';
import { plural, type PlanEstimate } from '../internal/plan-view.js';
import { loadingText, measuringText, speedAndTimeLeft } from '../internal/progress-text.js';
import { stepsPerRate, type SweepPlan, type LrSweepRun, type SweepRunner } from './sweep-runner.js';

/** The quick plan at the measured speed, with its estimate and the full plan's. */
export interface QuickPlan extends PlanEstimate {
  plan: SweepPlan;
}

/** "63 steps per rate (1 epoch of 2,000 images)" or "9 steps per rate on 288 images". */
export function planWhat(p: SweepPlan): string {
  return p.steps
    ? `${plural(p.steps, 'step')} per rate on ${plural(p.subset, 'image')}`
    : `${plural(p.epochs, 'epoch')} of ${plural(p.subset, 'image')} per rate (${plural(stepsPerRate(p), 'step')})`;
}

/** The sweep's progress line (text, the numbers for `nn-progress`, and the view with its bar). */
export function progressLine(s: SweepRunner, plan: SweepPlan) {
  let text = '';
  const detail: ProgressDetail = {};
  let bar: ReturnType<typeof html> | typeof nothing = nothing;
  if (s.phase === 'starting') text = 'Starting the training worker…';
  else if (s.phase === 'loading') {
    const l = s.worker.loading ?? { loaded: 0, total: undefined };
    text = loadingText(l);
    Object.assign(detail, { loaded: l.loaded, total: l.total });
    bar = html`<progress max=${l.total ?? nothing} value=${l.total ? l.loaded : nothing}></progress>`;
  } else if (s.phase === 'measuring') text = measuringText(s.worker.measuring ?? { label: '', index: 0, count: 1 });
  else if (s.phase === 'stopping') text = 'Stopping…';
  else if (s.phase === 'training' && s.progress) {
    const p = s.progress;
    const runs = s.runs.length;
    const left = p.steps - p.step + p.steps * (runs - p.run - 1);
    const etaMs = p.imagesPerSecond > 0 ? (1000 * left * plan.batchSize) / p.imagesPerSecond : NaN;
    text = `Rate ${p.run + 1} of ${runs} (${rateText(s.runs[p.run].rate)}): step ${p.step} of ${p.steps} · ${speedAndTimeLeft(p.imagesPerSecond, etaMs)}`;
    Object.assign(detail, { run: p.run, runs, step: p.step, totalSteps: p.steps, imagesPerSecond: p.imagesPerSecond, etaMs });
    bar = html`<progress max=${runs * p.steps} value=${p.run * p.steps + p.step}></progress>`;
  }
  const view = html`<div part="progress" class="progress"><span role="status">${text}</span>${bar}</div>`;
  return { text, detail, view };
}

/** A rate as people write it. */
export const rateText = (r: number) => (r < 1e-3 || r >= 1e3 ? Number(r.toPrecision(2)).toExponential().replace('e-', 'e−') : String(r));

/** One curve per rate: batch loss by step; a diverged run says so in its name. */
export function curveRuns(runs: readonly LrSweepRun[]): CurveRun[] {
  return runs
    .filter((r) => r.losses.length > 0)
    .map((r) => ({ name: `lr ${rateText(r.rate)}${r.diverged ? ' (diverged)' : ''}`, scalars: { loss: r.losses } }));
}

const last = (r: LrSweepRun) => {
  const l = r.losses.at(-1);
  return l === undefined ? '—' : Number.isFinite(l) ? l.toFixed(3) : String(l);
};

/** The table: each rate, its state, first and last loss. */
export function runTable(runs: readonly LrSweepRun[], best: number) {
  if (runs.length === 0) return nothing;
  return html`<table part="table">
    <caption class="visually-hidden">Loss by learning rate</caption>
    <thead><tr><th scope="col">rate</th><th scope="col">first loss</th><th scope="col">last loss</th><th scope="col">state</th></tr></thead>
    <tbody>${runs.map(
      (r, i) => html`<tr data-rate=${r.rate} class=${r.diverged ? 'diverged' : i === best ? 'best' : ''}>
        <th scope="row">${rateText(r.rate)}</th><td>${r.losses[0]?.toFixed(3) ?? '—'}</td><td>${last(r)}</td>
        <td title=${r.message}>${r.diverged ? '⚠ diverged' : r.status}${i === best ? ' · best early' : ''}</td></tr>`,
    )}</tbody></table>`;
}

/** The recommendation sentence, once every rate has run. */
export function recommendationView(rec: Recommendation | null) {
  if (!rec) return nothing;
  return html`<p part="recommendation" class="recommendation" role="status">
    ${rec.learningRate !== null ? html`<strong>Recommended: ${rateText(rec.learningRate)}.</strong> ` : nothing}${rec.reason}</p>`;
}
