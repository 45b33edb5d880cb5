import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModelSpec, ScheduleSpec } from '../../src/spec/types.js';
import { cifarCnn, type DataInfo, type LoadSource, type PredictResult } from '../../src/worker/index.js';
import { enumConverter, integerConverter, numberConverter } from '../internal/attributes.js';
import { NnElement } from '../internal/nn-element.js';
import { cifarModelProblem, scheduleProblem } from '../internal/spec-checks.js';
import '../nn-curves/nn-curves.js';
import type { CurveRun } from '../nn-curves/curves-series.js';
import { CifarLab, trainSpec, type CifarPlan } from './cifar-lab.js';
import { confusionView, loadingView, paintThumbnails, predictionGrid, progressView } from './cifar-views.js';
import { cifarControls } from './cifar-controls.js';
import { downloadModel, pickedModel } from './model-files.js';
import { recordRun } from './run-record.js';
import { styles } from './nn-cifar.styles.js';
import { exportParts } from '../internal/parts.js';

const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

/**
 * Problem 4's CIFAR-10 lab: load the data, train with exponential decay and early stopping in a worker, read the
 * predictions and the confusion matrix, save and load the model.
 *
 * @tagname nn-cifar
 * @summary Train a CIFAR-10 CNN in the browser with a decaying rate and early stopping; predictions, confusion, save/load.
 * @fires nn-error - Data, a model or an attribute it could not use (a URL that fails, a file that is not CIFAR-10).
 * @csspart controls - Load, train, stop, save and load buttons.
 * @csspart progress - The loading bar, and the epoch and run bars while training.
 * @csspart predictions - The grid of test images with their top-3 predictions.
 * @csspart confusion - The confusion matrix.
 * @csspart curves-* - The accuracy plot's parts, prefixed: `curves-plot` is its `<nn-curves>`'s `plot`.
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
  /** Force a backend; 'auto' tries WebGPU, WebGL, WASM, CPU in turn. Read when the worker starts (first load or train). */
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

  @state() private curves: CurveRun[] = [];
  @state() private status = '';
  /** The last predictions shown in the grid (read-only for pages and tests). */
  @state() predictions: PredictResult | null = null;
  @state() private confusion: number[][] = [];
  /** Where the trained model was last saved in browser storage. */
  @state() savedUrl = '';
  private dataNote = '';
  /** The predictions whose thumbnails are on screen. */
  private painted: PredictResult | null = null;
  protected readonly lab = new CifarLab(this);

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

  /** The schedule and budget the next run uses. @internal */
  get plan(): CifarPlan {
    const n = this.subset || this.lab.data?.train.count || 50000;
    const stepsPerEpoch = Math.ceil(Math.min(n, this.lab.data?.train.count ?? n) / this.batchSize);
    const schedule: ScheduleSpec = this.schedule ?? {
      name: 'ExponentialDecay', initialLearningRate: this.learningRate, decaySteps: stepsPerEpoch * this.epochs, decayRate: this.decayRate,
    };
    return { model: this.model, schedule, epochs: this.epochs, patience: this.patience, batchSize: this.batchSize, seed: this.seed, subset: this.subset };
  }

  /** Trains (loading the data first if needed), then shows predictions and the confusion matrix and saves the model. */
  async train(): Promise<void> {
    if (this.lab.training || (!this.lab.data && !(await this.loadData()))) return;
    const plan = this.plan;
    const record = recordRun(this.modelName, trainSpec(plan));
    const result = await this.guard('Training failed', 'model', () =>
      this.lab.train(plan, (end) => (this.curves = [{ name: this.modelName, scalars: record.epoch(end) }])),
    );
    if (result) {
      this.status = `${this.dataNote} ${result.message}`;
      await this.showResults();
      this.savedUrl = (await this.guard('Saving failed', 'model-name', () => this.lab.saveToBrowser(this.modelName))) ?? '';
    }
    record.end(result, this.savedUrl);
  }

  /** Predictions for the grid and the confusion matrix, from the model in the worker. */
  async showResults(): Promise<void> {
    const out = await this.guard('Predicting failed', 'model', () => this.lab.results(this.gridSize, this.subset));
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

  /** Stops the run in progress; the model keeps its (restored) weights and the results are shown. */
  stop(): void {
    this.lab.stop();
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
    const b = this.lab.backend;
    return html`
      ${cifarControls(this.lab, {
        load: (files) => void this.loadData(files ?? undefined), train: () => void this.train(), stop: () => this.stop(),
        save: () => void this.guard('Saving failed', 'model-name', async () => (this.savedUrl = await this.lab.saveToBrowser(this.modelName))),
        download: () => void this.download(), loadModel: (url) => void this.loadModel(url), modelFiles: (f) => this.onModelFiles(f),
      }, this.modelName)}
      ${this.renderError()}
      <p class="status" role="status">${b ? `${b.summary} ` : ''}${this.status}${this.savedUrl ? ` Saved as ${this.savedUrl}.` : ''}</p>
      ${loadingView(this.lab.loading)} ${this.lab.training ? progressView(this.lab.progress) : ''}
      <nn-curves exportparts=${exportParts('nn-curves', 'curves')} label="Accuracy by epoch" metric="accuracy" .runs=${this.curves}></nn-curves>
      ${predictionGrid(this.predictions)} ${confusionView(this.confusion)}`;
  }
}

/** What the student is told about the data: how many images train and test, and where the test images came from. */
function dataNote(train: DataInfo, test: DataInfo, split: number): string {
  if (test === train) return `${train.count} training images (no separate test set: testing on them too).`;
  if (test.heldOut) return `${train.count} training images, ${test.count} test images held out from the end of the same file (validation-split ${split}: it has no test set).`;
  return `${train.count} training images, ${test.count} test images.`;
}
