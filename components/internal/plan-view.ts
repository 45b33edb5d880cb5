// The CIFAR-10 labs' plan choice and backend sentence, written the same way in each: two plans (quick, cut to the
// budget at the measured speed; and the homework's), each with how long it takes here, and one sentence on what
// trains, how fast, and what that means.
import { css, html } from 'lit';
import { formatDuration, SLOW_IMAGES_PER_SECOND, type BackendReport } from '../../src/worker/index.js';
import type { Measured } from './lab-worker.js';

/** A quick plan's estimate beside the full plan's. */
export interface PlanEstimate {
  ms: number;
  fullMs: number;
  /** False when the full plan fits the budget: then both plans are the same. */
  reduced: boolean;
}

/** "1 image", "2,000 images". */
export const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The two plans as radio buttons: "Quick: <what>, about 3 min here" and "The homework's: <what>, about 9 h here".
 * Before the speed is measured, the quick plan says it will be cut to the budget.
 */
export function planChoice(o: {
  quick: string | null;
  full: string;
  estimate: PlanEstimate | null;
  budgetMs: number;
  useQuick: boolean;
  busy: boolean;
  pick: (quick: boolean) => void;
}) {
  const e = o.estimate;
  const quick = !e || o.quick === null
    ? `cut to about ${formatDuration(o.budgetMs)} once a few steps are timed`
    : !e.reduced
      ? `the same as the homework’s here, about ${formatDuration(e.ms)}`
      : `${o.quick}, about ${formatDuration(e.ms)} here`;
  return html`<fieldset part="plan" class="plan" ?disabled=${o.busy}>
    <legend>Plan</legend>
    <label><input type="radio" name="plan" value="quick" .checked=${o.useQuick} @change=${() => o.pick(true)} /> Quick: ${quick}</label>
    <label><input type="radio" name="plan" value="full" .checked=${!o.useQuick} @change=${() => o.pick(false)} /> The homework’s: ${o.full}${
      e ? `, about ${formatDuration(e.fullMs)} here` : ''}</label>
  </fieldset>`;
}

/**
 * What trains, how fast, and what that means for the plans; before anything was measured, the backend the worker
 * started on (while `busy`).
 */
export function backendSentence(report: BackendReport | null, measured: Measured | null, estimate: PlanEstimate | null, busy = true): string {
  if (!measured || !estimate) return report && busy ? report.summary : '';
  const plans = estimate.reduced
    ? `The homework’s plan takes about ${formatDuration(estimate.fullMs)} here; the quick plan about ${formatDuration(estimate.ms)}.`
    : `The homework’s plan takes about ${formatDuration(estimate.fullMs)} here.`;
  const slow =
    measured.chosen.imagesPerSecond < SLOW_IMAGES_PER_SECOND
      ? ' This network trains slowly without a graphics card the browser can use; with one (Chrome or Edge, hardware acceleration on), the homework’s plan takes minutes.'
      : '';
  return `${measured.summary} ${plans}${slow}`;
}

/** Layout of the plan choice and the progress lines (every colour from the base styles' variables). */
export const planStyles = css`
  fieldset.plan {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0;
    padding: 0.25rem 0.75rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: 0.375rem;
    font-size: 0.875rem;
  }
  fieldset.plan label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2rem;
  }
  fieldset.plan input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  [part='progress'] {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  [part='progress'] progress {
    display: block;
    width: 100%;
  }
  [part='progress'] .line {
    margin: 0;
  }
`;
