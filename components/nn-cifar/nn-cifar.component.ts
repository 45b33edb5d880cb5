import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModelSpec, ScheduleSpec } from '../../src/spec/types.js';
import { cifarCnn, fitEpochPlan, type DataInfo, type EpochPlan, type LoadSource, type PredictResult } from '../../src/worker/index.js';
import { NnProgressEvent } from '../events/nn-progress.js';
import { enumConverter, integerConverter, numberConverter } from '../internal/attributes.js';
import type { Measured } from '../internal/lab-worker.js';
import { NnElement } from '../internal/nn-element.js';
import { cifarModelProblem, scheduleProblem } from '../internal/spec-checks.js';
import '../nn-curves/nn-curves.js';
import type { CurveRun } from '../nn-curves/curves-series.js';
import { CifarLab, trainSpec, type CifarPlan } from './cifar-lab.js';
import { backendSentence, planChoice } from '../internal/plan-view.js';
import { confusionView, epochPlanWhat, labProgress, paintThumbnails, predictionGrid, type QuickEpochPlan } from './cifar-views.js';
import { cifarControls } from './cifar-controls.js';
import { downloadModel, pickedModel } from '../internal/model-files.js';
import { recordRun } from './run-record.js';
import { styles } from './nn-cifar.styles.js';
import { exportParts } from '../internal/parts.js';

const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu'] as const;

/**
 * Problem 4's CIFAR-10 lab: load the data, train with exponential decay and early stopping in a worker, read the
 * predictions and the confusion matrix, save and load the model.
 *
 * Before the first run, a few steps of the network are timed on the backend the browser offers, and on every other
 * one when that is not a hardware GPU (or is slow); the fastest trains, and one sentence says which and how long
 * each plan takes there. The quick plan is cut to `budget` seconds at that speed (fewer images, then fewer
 * epochs); the plan the attributes describe (the homework's) is the other choice. Pause holds the run after its
 * step; Stop ends it after its step (or its test pass), and the model keeps its weights.
 *
 * @tagname nn-cifar
 * @summary Train a CIFAR-10 CNN in the browser with a decaying rate and early stopping; predictions, confusion, save/load.
 * @fires nn-progress - Loading, timing the backends, each step (with the time left), the test pass, paused, stopping.
 * @fires nn-error - Data, a model or an attribute it could not use (a URL that fails, a file that is not CIFAR-10).
 * @csspart controls - Load, train, pause, stop, save and load buttons.
 * @csspart plan - The choice between the quick plan and the homework's, with how long each takes.
 * @csspart progress - The loading bar, the timing of the backends, and the epoch and run bars while training.
 * @csspart predictions - The grid of test images with their top-3 predictions.
 * @csspart confusion - The confusion matrix.
 * @csspart curves-* - The accuracy plot's parts, prefixed: `curves-plot` is its `<nn-curves>`'s `plot`.
 * @csspart loss-curves-* - The loss-by-step plot's parts, prefixed: `loss-curves-plot` is its `<nn-curves>`'s `plot`.
 * @csspart error - The message shown for something it cannot use.
 * @cssprop --nn-cifar-right - Border of a correctly classified thumbnail (default #1a7f37).
 * @cssprop --nn-cifar-wrong - Border of a misclassified thumbnail (default #c2410c).
 */
export class NnCifar extends NnElement {
  static override styles = [styles];

  /** URL(s) of CIFAR-10 binary data, space-separated: `.bin` batches (a name with "test" is the test set) or the official `.tar.gz`. */
  @property({ type: String, attribute: 'src' }) src = '';
  /**
   * When the data has no test set (one `.bin` file of training or test images), the fraction of it held out, from
   * its end, for testing and early stopping: Keras's `validation_split` (default 0.2; 0 tests on the training
   * images themselves, and says so).
   */
  @property({ attribute: 'validation-split', converter: numberConverter('validation-split', 0, 0.9) }) validationSplit = 0.2;
  /** Train (and test) on the first n images only; 0 uses all. */
  @property({ attribute: 'subset', converter: integerConverter('subset', 0, 60000) }) subset = 0;
  /** Epochs at most (early stopping may end sooner). */
  @property({ attribute: 'epochs', converter: integerConverter('epochs', 1, 1000) }) epochs = 20;
  /** EarlyStopping's patience, in epochs without a better validation loss. */
  @property({ attribute: 'patience', converter: integerConverter('patience', 0, 1000) }) patience = 5;
  /** Images per training step. */
  @property({ attribute: 'batch-size', converter: integerConverter('batch-size', 1, 4096) }) batchSize = 64;
  /** The starting rate of the exponential decay (problem 3's choice). */
  @property({ attribute: 'learning-rate', converter: numberConverter('learning-rate', 1e-9, 10) }) learningRate = 1e-3;
  /** The factor the rate falls by over `epochs` epochs. */
  @property({ attribute: 'decay-rate', converter: numberConverter('decay-rate', 1e-6, 1) }) decayRate = 0.1;
  /** Force a backend ('wasm-simd': WebAssembly SIMD on the CPU); 'auto' tries WebGPU, WebGL, the CPU paths in turn. Read when the worker starts (first load or train). */
  @property({ attribute: 'backend', converter: enumConverter('backend', BACKENDS) }) backend: (typeof BACKENDS)[number] = 'auto';
  /** Seed of shuffling and dropout (the weights start from `model.seed`). */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 2 ** 31) }) seed = 42;
  /** Name the model is saved under in browser storage (`indexeddb://<model-name>`) and in the run store. */
  @property({ type: String, attribute: 'model-name' }) modelName = 'nn-cifar';
  /** How many test images the prediction grid shows. */
  @property({ attribute: 'grid-size', converter: integerConverter('grid-size', 0, 100) }) gridSize = 12;
  /** The network; the homework's CNN by default. */
  @property({ attribute: false, check: cifarModelProblem }) model: ModelSpec = cifarCnn({ seed: 42 });
  /** A schedule to train with instead of the exponential decay (e.g. from `<nn-schedule>`). */
  @property({ attribute: false, check: scheduleProblem }) schedule?: ScheduleSpec = undefined;
  /**
   * Start with the quick plan chosen: the same schedule and early stopping on fewer images (then fewer epochs), cut
   * to `budget` seconds at the measured speed (the student can still pick the full plan).
   */
  @property({ type: Boolean, attribute: 'quick' }) quick = false;
  /** Seconds the quick plan may take, measuring included (default 180). */
  @property({ attribute: 'budget', converter: integerConverter('budget', 1, 86400) }) budget = 180;

  @state() private curves: CurveRun[] = [];
  /** Every step's loss in the run, for the loss curve that fills before the first epoch ends. */
  @state() private stepLosses: number[] = [];
  /** The plan the student picked: quick (cut to the budget) or the full one. */
  @state() private useQuick = false;
  /** The plan of the run in progress. */
  private running: CifarPlan | null = null;
  private lastPhase = 'idle';
  @state() private status = '';
  /** The last predictions shown in the grid (read-only for pages and tests). */
  @state() predictions: PredictResult | null = null;
  @state() private confusion: number[][] = [];
  /** Where the trained model was last saved in browser storage. */
  @state() savedUrl = '';
  private dataNote = '';
  /** The predictions whose thumbnails are on screen. */
  private painted: PredictResult | null = null;
  protected readonly lab = new CifarLab(this, () => this.changed());

  /** The last measured choice of backend (null before the first run has timed it). */
  get measured(): Measured | null {
    return this.lab.worker.measured;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('quick')) this.useQuick = this.quick;
  }

  protected override updated(): void {
    // Once per new set of predictions: repainting the thumbnails on every progress update of a later run cost
    // a getContext and a putImageData per image, each frame.
    if (this.predictions !== this.painted) {
      paintThumbnails(this.renderRoot, this.predictions);
      this.painted = this.predictions;
    }
  }

  /** Runs `work`, showing its failure (message + nn-error) instead of throwing. */
  private async guard<T>(what: string, attribute: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      if (this.isConnected) this.fail(`${what}: ${(err as Error).message}`, { attribute, cause: err });
      return undefined;
    }
  }

  /** Loads the data from `src` (or the given files); resolves when loaded or failed. */
  async loadData(from: string | string[] | Blob | Blob[] = this.src.split(/\s+/).filter(Boolean)): Promise<boolean> {
    const list = (Array.isArray(from) ? from : [from]) as Array<string | Blob>;
    if (list.length === 0) return (this.fail('No data: set src to a CIFAR-10 file, or pick one.', { attribute: 'src' }), false);
    this.clearError();
    const source = (list.length === 1 ? list[0] : list) as string | string[] | Blob | Blob[];
    const data = await this.guard('The data could not be loaded', 'src', () => this.lab.load(source, this.backend, this.validationSplit));
    if (data) this.dataNote = this.status = dataNote(data.train, data.test, this.validationSplit);
    return !!data;
  }

  /** The full plan in numbers: the attributes' epochs, on `subset` images (all when 0) of the loaded data. */
  private fullEpochPlan(): EpochPlan | null {
    const d = this.lab.data;
    if (!d) return null;
    const train = this.subset ? Math.min(this.subset, d.train.count) : d.train.count;
    const test = this.subset ? Math.min(this.subset, d.test.count) : d.test.count;
    return { epochs: this.epochs, trainImages: train, testImages: test, batchSize: this.batchSize };
  }

  /** The quick plan at the measured speed, `spentMs` of the budget spent already (loading, timing). */
  private quickPlan(m: Measured, spentMs = 0): QuickEpochPlan | null {
    const full = this.fullEpochPlan();
    if (!full) return null;
    const budgetMs = Math.max(this.budget * 500, this.budget * 1000 - spentMs);
    return { ...fitEpochPlan(full, m.chosen, budgetMs), full };
  }

  /**
   * The schedule and budget the next run uses (the one training while a run trains): the full plan, or with the
   * quick plan chosen and a speed measured, the quick one. @internal
   */
  get plan(): CifarPlan {
    if (this.running && this.lab.training) return this.running;
    const m = this.measured;
    const q = this.useQuick && m ? this.quickPlan(m) : null;
    return this.planFor(q?.reduced ? q.plan : null);
  }

  /** The run's plan: the attributes', or cut to `quick`'s epochs and images. */
  private planFor(quick: EpochPlan | null): CifarPlan {
    const n = quick?.trainImages ?? (this.subset || this.lab.data?.train.count || 50000);
    const stepsPerEpoch = Math.ceil(Math.min(n, this.lab.data?.train.count ?? n) / this.batchSize);
    const epochs = quick?.epochs ?? this.epochs;
    const schedule: ScheduleSpec = this.schedule ?? {
      name: 'ExponentialDecay', initialLearningRate: this.learningRate, decaySteps: stepsPerEpoch * epochs, decayRate: this.decayRate,
    };
    return {
      model: this.model, schedule, epochs, patience: this.patience, batchSize: this.batchSize, seed: this.seed,
      subset: quick?.trainImages ?? this.subset, testSubset: quick?.testImages ?? this.subset,
    };
  }

  /**
   * Trains (loading the data and timing the backends first if needed), then shows predictions and the confusion
   * matrix and saves the model.
   */
  async train(): Promise<void> {
    const started = performance.now();
    if (this.lab.training || (!this.lab.data && !(await this.loadData()))) return;
    const quick = this.useQuick;
    let m: Measured | undefined;
    try {
      m = await this.lab.measure(this.model, this.batchSize, this.backend);
    } catch (err) {
      // Stopped while timing is no error; anything else is shown and fired.
      if (this.lab.phase !== 'stopping' && this.isConnected) this.fail(`Timing the backends failed: ${(err as Error).message}`, { attribute: 'backend', cause: err });
    }
    if (!m) {
      this.lab.phase = 'idle';
      this.changed();
      return;
    }
    const q = quick ? this.quickPlan(m, performance.now() - started) : null;
    const plan = (this.running = this.planFor(q?.reduced ? q.plan : null));
    this.stepLosses = [];
    this.curves = [{ name: this.modelName, scalars: {} }];
    const record = recordRun(this.modelName, trainSpec(plan));
    const result = await this.guard('Training failed', 'model', () =>
      this.lab.train(plan, (end) => (this.curves = [{ name: this.modelName, scalars: record.epoch(end) }])),
    );
    if (result) {
      this.status = `${this.dataNote} ${result.message}`;
      if (result.steps > 0) {
        await this.showResults(plan.testSubset);
        this.savedUrl = (await this.guard('Saving failed', 'model-name', () => this.lab.saveToBrowser(this.modelName))) ?? '';
      }
    }
    record.end(result, this.savedUrl);
  }

  /** Predictions for the grid and the confusion matrix (on the first `testSubset` test images; 0: all), from the model in the worker. */
  async showResults(testSubset = this.subset): Promise<void> {
    const out = await this.guard('Predicting failed', 'model', () => this.lab.results(this.gridSize, testSubset));
    if (!out) return;
    this.predictions = out.predictions;
    // The grid in one frame and the confusion matrix in the next: drawn together, they held the page for one
    // frame of 25 ms (tests/bench/cifar-page.bench.ts).
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.confusion = out.confusion;
    this.status = `${this.status} Test accuracy ${out.accuracy.toFixed(3)}.`.trim();
  }

  /** Loads a model (URL, `indexeddb://name` or files) and shows its predictions on the loaded data. */
  async loadModel(source: LoadSource): Promise<void> {
    const ok = await this.guard('The model could not be loaded', 'model', async () => (await this.lab.loadModel(source, this.backend), true));
    if (ok && this.lab.data) await this.showResults();
  }

  /**
   * Stops the run after its step (or its test pass, or the timing of the backends): "Stopping…" shows at once; the
   * model keeps its (restored) weights and the results are shown.
   */
  stop(): void {
    this.lab.stop();
  }

  /** Holds the run after its step; resolves once paused. */
  pause(): Promise<void> {
    return this.lab.pause();
  }

  /** Goes on after a pause. */
  resume(): void {
    this.lab.resume();
  }

  /** Redraws, and tells the page what the lab is doing. */
  private changed(): void {
    const p = this.lab.progress;
    if (this.lab.phase === 'training' && p && p.losses.length) {
      const next = this.stepLosses.slice();
      for (const l of p.losses) next[l.step] = l.loss;
      this.stepLosses = next;
    }
    this.requestUpdate();
    const phase = this.lab.phase;
    const was = this.lastPhase;
    this.lastPhase = phase;
    if (phase === 'idle') {
      if (was === 'stopping') this.emit(new NnProgressEvent('stopped', 'Stopped.'));
      return;
    }
    const line = labProgress(this.lab, this.running, this.measured);
    this.emit(new NnProgressEvent(phase, line.text, line.detail));
  }

  private async download(): Promise<void> {
    const files = await this.guard('Saving failed', 'model', () => this.lab.saveFiles());
    if (files) downloadModel(files);
  }

  private onModelFiles(files: FileList | null): void {
    const source = files && pickedModel(files);
    if (typeof source === 'string') this.fail(source, { attribute: 'model' });
    else if (source) void this.loadModel(source);
  }

  protected override render() {
    const lab = this.lab;
    const m = this.measured;
    const full = this.fullEpochPlan();
    const quick = m ? this.quickPlan(m) : null;
    const plan = this.plan;
    return html`
      ${cifarControls(lab, {
        load: (files) => void this.loadData(files ?? undefined), train: () => void this.train(), stop: () => this.stop(),
        pause: () => void (lab.phase === 'paused' ? this.resume() : this.pause()),
        save: () => void this.guard('Saving failed', 'model-name', async () => (this.savedUrl = await lab.saveToBrowser(this.modelName))),
        download: () => void this.download(), loadModel: (url) => void this.loadModel(url), modelFiles: (f) => this.onModelFiles(f),
      }, this.modelName)}
      ${planChoice({
        quick: quick ? epochPlanWhat(quick.plan) : null,
        full: full ? epochPlanWhat(full) : `${this.epochs} epochs of ${this.subset ? `the first ${this.subset.toLocaleString('en-US')}` : 'all the'} images, tested after each`,
        estimate: quick, budgetMs: this.budget * 1000, useQuick: this.useQuick, busy: lab.training || lab.phase === 'loading', pick: (q) => (this.useQuick = q),
      })}
      ${this.renderError()}
      <p class="status" role="status">${backendSentence(lab.backend, m, quick)} ${this.status}${this.savedUrl ? ` Saved as ${this.savedUrl}.` : ''}</p>
      ${labProgress(lab, this.running, m).view}
      <div class="curves">
        <nn-curves exportparts=${exportParts('nn-curves', 'loss-curves')} label="Training loss by step" metric="loss" x-label="step" log-scale hide-controls
          .runs=${this.stepLosses.length ? [{ name: 'training loss', scalars: { loss: this.stepLosses } }] : []}></nn-curves>
        <nn-curves exportparts=${exportParts('nn-curves', 'curves')} label="Accuracy by epoch" metric="accuracy" max-epochs=${plan.epochs} .runs=${this.curves}></nn-curves>
      </div>
      ${predictionGrid(this.predictions)} ${confusionView(this.confusion)}`;
  }
}

/** What the student is told about the data: how many images train and test, and where the test images came from. */
function dataNote(train: DataInfo, test: DataInfo, split: number): string {
  if (test === train) return `${train.count} training images (no separate test set: testing on them too).`;
  if (test.heldOut) return `${train.count} training images, ${test.count} test images held out from the end of the same file (validation-split ${split}: it has no test set).`;
  return `${train.count} training images, ${test.count} test images.`;
}
