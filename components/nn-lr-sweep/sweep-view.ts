// The sweep's results as templates: curves for <nn-curves>, the per-rate table, the recommendation.
import { html, nothing } from 'lit';
import type { CurveRun } from '../nn-curves/curves-series.js';
import type { Recommendation } from '../../src/tf/sweep/recommend.js';
import type { LrSweepRun } from './sweep-runner.js';

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
