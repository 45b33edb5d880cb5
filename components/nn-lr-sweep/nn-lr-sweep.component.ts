import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModelSpec } from '../../src/spec/types.js';
import { adapterLabel, cifarCnn } from '../../src/worker/index.js';
import { NnSweepEndEvent } from '../events/nn-sweep-end.js';
import { enumConverter, integerConverter, numberConverter } from '../internal/attributes.js';
import { NnElement } from '../internal/nn-element.js';
import '../nn-curves/nn-curves.js';
import { ratesConverter } from './rates.js';
import { cifarModelProblem } from '../internal/spec-checks.js';
import { recommendLearningRate, type Recommendation } from '../../src/tf/sweep/recommend.js';
import { geometricRates } from '../../src/tf/sweep/rates.js';
import { SweepRunner, type SweepPlan, type LrSweepRun } from './sweep-runner.js';
import { curveRuns, rateText, recommendationView, runTable } from './sweep-view.js';
import { styles } from './nn-lr-sweep.styles.js';
import { exportParts } from '../internal/parts.js';

const OPTIMIZERS = ['rmsprop', 'adam', 'sgd', 'adagrad', 'nadam'] as const;
/** The most losses a sweep draws, over every rate (what `<nn-curves>` takes). */
const MAX_SWEEP_LOSSES = 20_000;
/** Losses a plan records: one per step of every rate (the subset is an upper bound of the images there are). */
const sweepLosses = (p: SweepPlan) => p.rates.length * (p.steps || p.epochs * Math.ceil(p.subset / p.batchSize));
const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

/**
 * Problem 3's learning-rate sweep: the same network trained briefly at each rate, in turn, on one worker.
 *
 * @tagname nn-lr-sweep
 * @summary Train a CNN briefly at several learning rates, overlay the losses, mark divergence, recommend a rate.
 * @fires nn-sweep-end - Every rate has run (or the sweep was stopped): `runs` and `recommendation`.
 * @fires nn-error - An attribute it cannot use, or data or a model the worker could not use.
 * @csspart controls - The start and stop buttons and the plan.
 * @csspart backend - The backend and GPU adapter training runs on.
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
  /** Force a backend; 'auto' tries WebGPU, WebGL, WASM, CPU in turn. Read when the worker starts (first load or train). */
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
  /** A quick sweep: 25 steps per rate on at most 800 images (about a minute on a laptop GPU). */
  @property({ type: Boolean, attribute: 'quick' }) quick = false;
  /** The network (a ModelSpec); the homework's CIFAR-10 CNN by default. */
  @property({ attribute: false, check: cifarModelProblem }) model: ModelSpec = cifarCnn({ seed: 42 });

  @state() private recommendation: Recommendation | null = null;
  private readonly sweep = new SweepRunner(this);
  private rateList: number[] = [];

  /** Each rate's run so far. */
  get runs(): readonly LrSweepRun[] {
    return this.sweep.runs;
  }
  /** The rate recommended at the end of the last sweep, with the reason (null before one ends). */
  get recommended(): Recommendation | null {
    return this.recommendation;
  }
  /** True while a sweep runs. */
  get running(): boolean {
    return this.sweep.running;
  }

  protected override willUpdate(): void {
    this.rateList = this.rates ?? geometricRates(Math.min(this.minRate, this.maxRate), Math.max(this.minRate, this.maxRate), this.rateCount);
  }

  /** The plan the next sweep follows. @internal */
  get plan(): SweepPlan {
    const q = this.quick;
    return {
      rates: this.rateList, model: this.model, src: this.src, optimizer: this.optimizer, backend: this.backend, seed: this.seed,
      epochs: this.epochs, steps: q ? this.steps || 25 : this.steps, subset: q ? Math.min(this.subset, 800) : this.subset, batchSize: this.batchSize,
    };
  }

  /** Runs every rate in turn; resolves when done (also when stopped). Errors are shown and fired as nn-error. */
  async start(): Promise<void> {
    if (this.sweep.running) return;
    if (!this.src) return this.fail('No data: set src to the URL of a CIFAR-10 file.', { attribute: 'src' });
    const losses = sweepLosses(this.plan);
    if (losses > MAX_SWEEP_LOSSES) return this.fail(`This sweep would draw ${losses.toLocaleString('en')} losses (rates × steps); the limit is ${MAX_SWEEP_LOSSES.toLocaleString('en')}: set steps, or fewer epochs, rates or images`, { attribute: 'steps' });
    this.recommendation = null;
    this.clearError();
    try {
      const runs = await this.sweep.run(this.plan, () => this.requestUpdate());
      const outcomes = runs.map((r) => ({ learningRate: r.rate, losses: [...r.losses], diverged: r.diverged }));
      this.recommendation = recommendLearningRate(outcomes);
      this.emit(new NnSweepEndEvent(outcomes, this.recommendation));
    } catch (err) {
      if (this.isConnected) this.fail(`The sweep could not run: ${(err as Error).message}`, { attribute: 'src', value: this.src, cause: err });
    }
  }

  /** Stops the rate in training and skips the rest. */
  stop(): void {
    this.sweep.stop();
  }

  protected override render() {
    const p = this.plan;
    const budget = p.steps ? `${p.steps} steps` : `${p.epochs} epoch${p.epochs > 1 ? 's' : ''}`;
    const b = this.sweep.backend;
    const best = this.sweep.runs.findIndex((r) => r.rate === this.recommendation?.bestEarly);
    return html`
      <div part="controls" class="controls">
        <button type="button" @click=${() => this.start()} ?disabled=${this.sweep.running}>Run the sweep</button>
        <button type="button" @click=${() => this.stop()} ?disabled=${!this.sweep.running}>Stop</button>
        <span class="plan">${p.rates.map(rateText).join(', ')} · ${p.optimizer} · ${budget} per rate on ${p.subset} images, batch ${p.batchSize}, shuffled</span>
      </div>
      ${this.renderError()}
      <p part="backend" class="backend" role="status">${b ? `${b.summary}${b.adapter ? ` GPU: ${adapterLabel(b.adapter)}.` : ''}` : this.sweep.running ? 'Starting the training worker…' : ''}</p>
      <nn-curves exportparts=${exportParts('nn-curves', 'curves')} label="Training loss by step, one curve per learning rate" metric="loss" x-label="step" log-scale .runs=${curveRuns(this.sweep.runs)}></nn-curves>
      ${runTable(this.sweep.runs, best)}
      ${recommendationView(this.recommendation)}`;
  }
}
