import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModelSpec } from '../../src/spec/types.js';
import { cifarCnn, fitStepPlan } from '../../src/worker/index.js';
import { NnProgressEvent } from '../events/nn-progress.js';
import { NnSweepEndEvent } from '../events/nn-sweep-end.js';
import type { Measured } from '../internal/lab-worker.js';
import { enumConverter, integerConverter, numberConverter } from '../internal/attributes.js';
import { NnElement } from '../internal/nn-element.js';
import '../nn-curves/nn-curves.js';
import { ratesConverter } from './rates.js';
import { cifarModelProblem } from '../internal/spec-checks.js';
import { recommendLearningRate, type Recommendation } from '../../src/tf/sweep/recommend.js';
import { geometricRates } from '../../src/tf/sweep/rates.js';
import { SweepRunner, stepsPerRate, type SweepPlan, type LrSweepRun } from './sweep-runner.js';
import { backendSentence, planChoice } from '../internal/plan-view.js';
import { curveRuns, planWhat, progressLine, rateText, recommendationView, runTable, type QuickPlan } from './sweep-view.js';
import { styles } from './nn-lr-sweep.styles.js';
import { exportParts } from '../internal/parts.js';

const OPTIMIZERS = ['rmsprop', 'adam', 'sgd', 'adagrad', 'nadam'] as const;
/** The most losses a sweep draws, over every rate (what `<nn-curves>` takes). */
const MAX_SWEEP_LOSSES = 20_000;
/** Losses a plan records: one per step of every rate (the subset is an upper bound of the images there are). */
const sweepLosses = (p: SweepPlan) => p.rates.length * (p.steps || p.epochs * Math.ceil(p.subset / p.batchSize));
const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu'] as const;

/**
 * Problem 3's learning-rate sweep: the same network trained briefly at each rate, in turn, on one worker.
 *
 * Before the first rate trains, a few steps of the network are timed on the backend the browser offers, and on
 * every other one when that is not a hardware GPU (or is slow); the fastest trains, and one sentence says which,
 * how fast, and how long each plan takes there. The quick plan is cut to `budget` seconds at that speed (fewer
 * steps per rate, on fewer images); the plan the attributes describe (the homework's) is the other choice. Stop
 * answers at once: the rate in training stops after its step, or is abandoned when a step takes longer.
 *
 * @tagname nn-lr-sweep
 * @summary Train a CNN briefly at several learning rates, overlay the losses, mark divergence, recommend a rate.
 * @fires nn-sweep-end - Every rate has run (or the sweep was stopped): `runs` and `recommendation`.
 * @fires nn-progress - Loading, timing the backends, each step (with the time left), stopping and stopped.
 * @fires nn-error - An attribute it cannot use, or data or a model the worker could not use.
 * @csspart controls - The start and stop buttons.
 * @csspart plan - The choice between the quick plan and the homework's, with how long each takes.
 * @csspart progress - What it is doing now: loading, timing, the rate and step with the time left.
 * @csspart backend - The backend training runs on, how fast, and what that means for the plans.
 * @csspart table - Each rate's first and last loss and state.
 * @csspart recommendation - The recommended rate and why.
 * @csspart curves-* - The loss plot's parts, prefixed: `curves-plot` is its `<nn-curves>`'s `plot`.
 * @csspart error - The message shown for something it cannot use.
 * @cssprop --nn-curve-0 - Colour of the first rate's curve (also --nn-curve-1 …, as in nn-curves).
 */
export class NnLrSweep extends NnElement {
  static override styles = [styles];

  /** URL of CIFAR-10 binary data (a `.bin` batch, or the official `.tar.gz`), relative to the page. */
  @property({ type: String, attribute: 'src' }) src = '';
  /** The rates, comma-separated; when unset, `rate-count` rates spaced geometrically from `min-rate` to `max-rate`. */
  @property({ attribute: 'rates', converter: ratesConverter }) rates?: number[] = undefined;
  /** How many rates when `rates` is unset. */
  @property({ attribute: 'rate-count', converter: integerConverter('rate-count', 2, 12) }) rateCount = 4;
  /** The smallest rate when `rates` is unset. */
  @property({ attribute: 'min-rate', converter: numberConverter('min-rate', 1e-12, 100) }) minRate = 1e-5;
  /** The largest rate when `rates` is unset. */
  @property({ attribute: 'max-rate', converter: numberConverter('max-rate', 1e-12, 100) }) maxRate = 1e-1;
  /** The optimizer, by its Keras name in lower case. */
  @property({ attribute: 'optimizer', converter: enumConverter('optimizer', OPTIMIZERS) }) optimizer: (typeof OPTIMIZERS)[number] = 'rmsprop';
  /** Force a backend ('wasm-simd': WebAssembly SIMD on the CPU); 'auto' tries WebGPU, WebGL, the CPU paths in turn. Read when the worker starts (first load or train). */
  @property({ attribute: 'backend', converter: enumConverter('backend', BACKENDS) }) backend: (typeof BACKENDS)[number] = 'auto';
  /** Epochs per rate. */
  @property({ attribute: 'epochs', converter: integerConverter('epochs', 1, 100) }) epochs = 1;
  /** Steps per rate (0: the epochs decide). */
  @property({ attribute: 'steps', converter: integerConverter('steps', 0, 1500) }) steps = 0;
  /** Train on the first n images only. */
  @property({ attribute: 'subset', converter: integerConverter('subset', 1, 60000) }) subset = 2000;
  /** Images per training step. */
  @property({ attribute: 'batch-size', converter: integerConverter('batch-size', 1, 4096) }) batchSize = 32;
  /** Seed of shuffling and dropout, the same for every rate (the weights start from `model.seed`). */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 2 ** 31) }) seed = 42;
  /**
   * Start with the quick plan chosen: the same rates for fewer steps on fewer images, cut to `budget` seconds at the
   * measured speed (the student can still pick the full plan).
   */
  @property({ type: Boolean, attribute: 'quick' }) quick = false;
  /** Seconds the quick plan may take, measuring included (default 180). */
  @property({ attribute: 'budget', converter: integerConverter('budget', 1, 86400) }) budget = 180;
  /** The network (a ModelSpec); the homework's CIFAR-10 CNN by default. */
  @property({ attribute: false, check: cifarModelProblem }) model: ModelSpec = cifarCnn({ seed: 42 });

  @state() private recommendation: Recommendation | null = null;
  /** The plan the student picked: quick (cut to the budget) or the full one. */
  @state() private useQuick = false;
  private readonly sweep = new SweepRunner(this, () => this.changed());
  private rateList: number[] = [];
  private lastPhase = 'idle';
  private outcome = '';

  /** Each rate's run so far. */
  get runs(): readonly LrSweepRun[] {
    return this.sweep.runs;
  }
  /** The rate recommended at the end of the last sweep, with the reason (null before one ends). */
  get recommended(): Recommendation | null {
    return this.recommendation;
  }
  /** True while a sweep runs (also while it is stopping). */
  get running(): boolean {
    return this.sweep.running;
  }

  /** The last measured choice of backend (null before the first sweep has timed it). */
  get measured(): Measured | null {
    return this.sweep.worker.measured;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('quick')) this.useQuick = this.quick;
    this.rateList = this.rates ?? geometricRates(Math.min(this.minRate, this.maxRate), Math.max(this.minRate, this.maxRate), this.rateCount);
  }

  /** The full plan: the one the attributes describe (the homework's). @internal */
  get fullPlan(): SweepPlan {
    return {
      rates: this.rateList, model: this.model, src: this.src, optimizer: this.optimizer, backend: this.backend, seed: this.seed,
      epochs: this.epochs, steps: this.steps, subset: this.subset, batchSize: this.batchSize,
    };
  }

  /**
   * The plan the next sweep follows (the one running while a sweep runs): the full plan, or with the quick plan
   * chosen and a speed measured, the full plan cut to `budget` seconds at that speed. @internal
   */
  get plan(): SweepPlan {
    if (this.sweep.plan && this.sweep.running) return this.sweep.plan;
    const m = this.measured;
    return this.useQuick && m ? this.fitted(m, 0).plan : this.fullPlan;
  }

  /** The quick plan at a measured speed, `spentMs` of the budget already spent (on loading and measuring). */
  private fitted(m: Measured, spentMs: number): QuickPlan {
    const full = this.fullPlan;
    const steps = stepsPerRate(full);
    const budgetMs = Math.max(this.budget * 500, this.budget * 1000 - spentMs);
    const fit = fitStepPlan({ runs: full.rates.length, stepsPerRun: steps, batchSize: full.batchSize, subset: full.subset }, m.chosen, budgetMs);
    const plan = fit.reduced ? { ...full, steps: fit.plan.stepsPerRun, subset: fit.plan.subset, epochs: 1 } : full;
    return { plan, ms: fit.ms, fullMs: fit.fullMs, reduced: fit.reduced };
  }

  /** Runs every rate in turn; resolves when done (also when stopped). Errors are shown and fired as nn-error. */
  async start(): Promise<void> {
    if (this.sweep.running) return;
    if (!this.src) return this.fail('No data: set src to the URL of a CIFAR-10 file.', { attribute: 'src' });
    const losses = sweepLosses(this.plan);
    if (losses > MAX_SWEEP_LOSSES) return this.fail(`This sweep would draw ${losses.toLocaleString('en')} losses (rates × steps); the limit is ${MAX_SWEEP_LOSSES.toLocaleString('en')}: set steps, or fewer epochs, rates or images`, { attribute: 'steps' });
    this.recommendation = null;
    this.outcome = '';
    this.clearError();
    const quick = this.useQuick;
    try {
      const runs = await this.sweep.run(this.fullPlan, (m, spent) => (quick ? this.fitted(m, spent).plan : this.fullPlan));
      const outcomes = runs.map((r) => ({ learningRate: r.rate, losses: [...r.losses], diverged: r.diverged }));
      this.recommendation = recommendLearningRate(outcomes);
      this.emit(new NnSweepEndEvent(outcomes, this.recommendation));
    } catch (err) {
      if (this.isConnected) this.fail(`The sweep could not run: ${(err as Error).message}`, { attribute: 'src', value: this.src, cause: err });
    }
  }

  /**
   * Stops the sweep: "Stopping…" shows at once; the rate in training stops after its step (or is abandoned when
   * that step takes more than two seconds) and the rest are skipped. Resolves once stopped: no `nn-progress`
   * follows.
   */
  stop(): Promise<void> {
    return this.sweep.stop();
  }

  /** Redraws, and tells the page what the sweep is doing. */
  private changed(): void {
    this.requestUpdate();
    const s = this.sweep;
    const wasStopping = this.lastPhase === 'stopping';
    this.lastPhase = s.phase;
    if (s.phase === 'idle') {
      if (!wasStopping) return;
      const done = s.runs.filter((r) => r.status === 'done' || r.status === 'diverged').length;
      this.outcome = `Stopped after ${done} of ${s.runs.length} rates.`;
      this.emit(new NnProgressEvent('stopped', this.outcome, { runs: s.runs.length }));
      return;
    }
    const line = progressLine(s, this.plan);
    this.emit(new NnProgressEvent(s.phase === 'starting' ? 'starting' : s.phase, line.text, line.detail));
  }

  protected override render() {
    const s = this.sweep;
    const m = this.measured;
    const full = this.fullPlan;
    const quick = m ? this.fitted(m, 0) : null;
    const best = s.runs.findIndex((r) => r.rate === this.recommendation?.bestEarly);
    const stopping = s.phase === 'stopping';
    return html`
      <div part="controls" class="controls">
        <button type="button" class="run" @click=${() => this.start()} ?disabled=${s.running}>Run the sweep</button>
        <button type="button" class="stop" @click=${() => void this.stop()} ?disabled=${!s.running || stopping}>${stopping ? 'Stopping…' : 'Stop'}</button>
      </div>
      ${planChoice({
        quick: quick ? planWhat(quick.plan) : null, full: planWhat(full), estimate: quick, budgetMs: this.budget * 1000, useQuick: this.useQuick,
        busy: s.running, pick: (q) => (this.useQuick = q),
      })}
      <p class="rates">${full.rates.map(rateText).join(', ')} · ${full.optimizer} · batch ${full.batchSize}, shuffled</p>
      ${this.renderError()}
      <p part="backend" class="backend" role="status">${backendSentence(s.worker.backend, m, quick, s.running)}</p>
      ${s.running ? progressLine(s, this.plan).view : this.outcome ? html`<p part="progress" class="progress">${this.outcome}</p>` : ''}
      <nn-curves exportparts=${exportParts('nn-curves', 'curves')} label="Training loss by step, one curve per learning rate" metric="loss" x-label="step" log-scale
        max-epochs=${s.plan ? stepsPerRate(s.plan) : 0} .runs=${curveRuns(s.runs)}></nn-curves>
      ${runTable(s.runs, best)}
      ${recommendationView(this.recommendation)}`;
  }
}
