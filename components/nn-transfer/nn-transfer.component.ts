import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TRANSFER_CLASSES } from '../../src/data/index.js';
import { compareModels, mapPredictions, type ModelComparison, type StageOffer, type StagePlan } from '../../src/transfer/index.js';
import { argmaxRows, type LoadSource, type PredictResult } from '../../src/worker/index.js';
import { enumConverter, integerConverter, numberConverter } from '../internal/attributes.js';
import { NnElement } from '../internal/nn-element.js';
import '../nn-curves/nn-curves.js';
import type { CurveRun } from '../nn-curves/curves-series.js';
import { TransferLab } from './transfer-lab.js';
import { baseControls, stageControls, type BaseChoice } from './transfer-controls.js';
import { comparisonView, countsView, disagreementsView, layerTable, paintDisagreements, progressView } from './transfer-views.js';
import { recordTransfer, type TransferRecord } from './transfer-record.js';
import { styles } from './nn-transfer.styles.js';

const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu'] as const;
const VIEWS = ['lab', 'compare'] as const;
const NAMES: [string, string] = ['the original model', 'the transferred model'];

/**
 * Problems 5 and 6: transfer learning from a trained CIFAR-10 network to the homework's 4 classes (car, cat,
 * truck, other). Start from the course's base model, the model saved on problem 4's page, or model files; relabel;
 * see which layers train; train a new head on the frozen convolutional layers (their activations computed once);
 * unfreeze the top two convolutional layers and fine-tune at a lower rate on a subset that fits a time budget; and
 * compare the original model (its predictions mapped to 4 classes) with the new one on the same test set.
 *
 * @tagname nn-transfer
 * @summary Transfer learning on CIFAR-10: a new head on frozen conv layers, fine-tuning, and the comparison.
 * @fires nn-error - A model, data or attribute it could not use (no saved model of that name, a file that is not CIFAR-10).
 * @csspart base - Choosing and loading the base model.
 * @csspart data - Loading the data, the class counts and the majority baseline.
 * @csspart layers - The layer table with the trainable switches (Keras's check_trainable).
 * @csspart stages - Both training stages, their settings and the curves.
 * @csspart progress - The bar of what runs: loading, computing activations, training.
 * @csspart compare - Problem 6's comparison.
 * @csspart sentence - The comparison in words.
 * @csspart disagreements - Test images the two models label differently.
 * @csspart error - The message shown for something it cannot use.
 */
export class NnTransfer extends NnElement {
  static override styles = [styles];

  /** URL(s) of CIFAR-10 binary data, space-separated: `.bin` batches (a name with "test" is the test set) or the official `.tar.gz`. */
  @property({ type: String, attribute: 'src' }) src = '';
  /** URL of the course's base model (`model.json` in TensorFlow.js's layers format); empty: no course model offered. */
  @property({ type: String, attribute: 'base-src' }) baseSrc = '';
  /** The name problem 4's lab saved its model under in browser storage (`indexeddb://<saved-name>`). */
  @property({ type: String, attribute: 'saved-name' }) savedName = 'hw2-cifar';
  /** The name the transferred model is saved under in browser storage, for problem 6's page, and in the run store. */
  @property({ type: String, attribute: 'model-name' }) modelName = 'hw2-transfer';
  /** `lab`: every step; `compare`: only problem 6's comparison, of the base and the model saved as `model-name`. */
  @property({ attribute: 'view', converter: enumConverter('view', VIEWS) }) view: (typeof VIEWS)[number] = 'lab';
  /** When the data has no test set, the fraction held out from its end for testing (Keras's `validation_split`). */
  @property({ attribute: 'validation-split', converter: numberConverter('validation-split', 0, 0.9) }) validationSplit = 0.2;
  /** Use only the first n images of each file; 0 uses all. */
  @property({ attribute: 'subset', converter: integerConverter('subset', 0, 60000) }) subset = 0;
  /** Stage 1's epochs (the homework: 5–15). */
  @property({ attribute: 'epochs', converter: integerConverter('epochs', 1, 200) }) epochs = 10;
  /** Stage 1's rate (RMSprop, Keras's default). */
  @property({ attribute: 'learning-rate', converter: numberConverter('learning-rate', 1e-9, 10) }) learningRate = 1e-3;
  /** Stage 2's epochs before the time budget is measured (the homework: 5–15). */
  @property({ attribute: 'fine-tune-epochs', converter: integerConverter('fine-tune-epochs', 1, 200) }) fineTuneEpochs = 5;
  /** Stage 2's rate; 0 (default): a tenth of `learning-rate`, as the textbook advises a lower rate. */
  @property({ attribute: 'fine-tune-rate', converter: numberConverter('fine-tune-rate', 0, 10) }) fineTuneRate = 0;
  /** Seconds stage 2 should take on this machine: its subset is chosen to fit (default 180). */
  @property({ attribute: 'budget', converter: integerConverter('budget', 5, 7200) }) budget = 180;
  /**
   * Units of the new head's hidden Dense layer (with Dropout 0.5 after it); 0: only the 4-way softmax. Default 128:
   * a quarter of the base's own head (512), so stage 1 trains in about a quarter of the time on a CPU.
   */
  @property({ attribute: 'head-units', converter: integerConverter('head-units', 0, 4096) }) headUnits = 128;
  /** Images per training step. */
  @property({ attribute: 'batch-size', converter: integerConverter('batch-size', 1, 4096) }) batchSize = 64;
  /**
   * Force a backend ('wasm-simd': WebAssembly SIMD on the CPU). 'auto' starts on the usual choice (WebGPU, WebGL,
   * the CPU paths in turn); before stage 1 it times the backends on the homework's CNN and the fastest works on.
   */
  @property({ attribute: 'backend', converter: enumConverter('backend', BACKENDS) }) backend: (typeof BACKENDS)[number] = 'auto';
  /** Seed of the head's weights, shuffling and dropout. */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 2 ** 31) }) seed = 42;

  @state() private choice: BaseChoice = 'course';
  @state() private status = '';
  /** Which base is loaded, kept in the status line while the stages report. */
  @state() private baseNote = '';
  @state() private curves: CurveRun[] = [];
  @state() private offer: StageOffer | null = null;
  /** Stage 2's training images and epochs, as offered or as the student set them. */
  @state() private fineSubset = 0;
  /** The comparison on the test set, once both models have predicted it (read-only for pages and tests). */
  @state() comparison: ModelComparison | null = null;
  @state() private disagreements: PredictResult | null = null;
  private answers: [Uint8Array, Uint8Array] | null = null;
  private painted: PredictResult | null = null;
  private record: TransferRecord | null = null;
  private pickedBase: LoadSource | null = null;
  protected readonly lab = new TransferLab(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseSrc') && !this.baseSrc && this.choice === 'course') this.choice = 'saved';
  }

  protected override updated(): void {
    if (this.disagreements !== this.painted) {
      paintDisagreements(this.renderRoot, this.disagreements);
      this.painted = this.disagreements;
    }
  }

  /** Runs `work`, showing its failure (message + nn-error) instead of throwing. */
  private async guard<T>(what: string, attribute: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      this.clearError();
      return await work();
    } catch (err) {
      if (this.isConnected) this.fail(`${what}: ${(err as Error).message}`, { attribute, cause: err });
      return undefined;
    }
  }

  /** Loads the base model chosen in the element (the course's, the one saved on problem 4's page, or picked files). */
  async loadBase(choice: BaseChoice = this.choice): Promise<boolean> {
    this.choice = choice;
    const source = this.baseSource(choice);
    if (typeof source !== 'object' && !source.includes('/')) return (this.fail(source, { attribute: choice === 'course' ? 'base-src' : 'saved-name' }), false);
    const from = choice === 'course' ? 'the course’s base model' : choice === 'saved' ? `the model saved as “${this.savedName}”` : 'the chosen files';
    const info = await this.guard('The base model could not be loaded', choice === 'saved' ? 'saved-name' : 'base-src', async () => {
      try {
        return await this.lab.loadBase(source, from, this.backend);
      } catch (err) {
        const message = (err as Error).message;
        if (choice === 'saved' && /cannot find|not found|no model/i.test(message)) {
          throw new Error(`no model is saved in this browser as “${this.savedName}”. Train and save one on problem 4's page, or use the course's base model.`);
        }
        throw err;
      }
    });
    if (!info) return false;
    this.resetRuns();
    this.baseNote = `Base: ${from}, ${info.outputUnits} classes, ${info.params.toLocaleString('en-US')} parameters.`;
    this.status = '';
    if (this.view === 'lab' && this.lab.data) await this.guard('The new head could not be made', 'head-units', () => this.lab.newHead(this.headUnits, this.seed));
    return true;
  }

  /** Where the chosen base comes from, or a message saying why there is none. */
  private baseSource(choice: BaseChoice): LoadSource | string {
    if (choice === 'course') return this.baseSrc || 'This page offers no course base model (base-src is empty): pick another.';
    if (choice === 'saved') return `indexeddb://${this.savedName}`;
    return this.pickedBase ?? 'Pick the model.json file and its weights file(s) first.';
  }

  /** Loads the data from `src` (or the given files); resolves when loaded or failed. */
  async loadData(from: string | string[] | Blob | Blob[] = this.src.split(/\s+/).filter(Boolean)): Promise<boolean> {
    const list = (Array.isArray(from) ? from : [from]) as Array<string | Blob>;
    if (list.length === 0) return (this.fail('No data: set src to CIFAR-10 files, or pick them.', { attribute: 'src' }), false);
    const source = (list.length === 1 ? list[0] : list) as string | string[] | Blob | Blob[];
    const data = await this.guard('The data could not be loaded', 'src', () => this.lab.loadData(source, this.backend, this.validationSplit, this.subset));
    if (!data) return false;
    this.comparison = null;
    if (this.view === 'lab' && this.lab.base && !this.lab.model) await this.guard('The new head could not be made', 'head-units', () => this.lab.newHead(this.headUnits, this.seed));
    return true;
  }

  private resetRuns(): void {
    this.curves = [];
    this.record = null;
    this.offer = null;
    this.comparison = null;
    this.disagreements = null;
  }

  /** Loads what is missing (the base, the data, the new head); false when something could not be. */
  private async ready(): Promise<boolean> {
    if (!this.lab.base && !(await this.loadBase())) return false;
    if (!this.lab.data && !(await this.loadData())) return false;
    if (!this.lab.model) return !!(await this.guard('The new head could not be made', 'head-units', () => this.lab.newHead(this.headUnits, this.seed)));
    return true;
  }

  private plan(stage: 1 | 2): StagePlan {
    const fine = stage === 2;
    return {
      learningRate: fine ? this.fineTuneRate || this.learningRate / 10 : this.learningRate,
      epochs: fine ? this.fineTuneEpochs : this.epochs,
      batchSize: this.batchSize,
      seed: this.seed,
      subset: fine ? this.fineSubset : 0,
      // Stage 2 validates on part of the test set after each epoch; the comparison uses all of it.
      validation: fine ? Math.min(500, this.lab.data?.test.count ?? 500) : 0,
    };
  }

  /** Stage 1: trains the trainable layers (the new head) on the frozen layers' cached activations, then compares. */
  async trainHead(): Promise<void> {
    if (this.lab.busy || !(await this.ready())) return;
    await this.runStage(1);
  }

  /** Unfreezes the top two conv layers unless the student already unfroze some of the reused layers. */
  private async unfreeze(): Promise<boolean> {
    if (this.lab.model!.layers.some((l) => this.lab.reused.includes(l.name) && l.trainable)) return true;
    return !!(await this.guard('The top convolutional layers could not be unfrozen', 'model', async () => (await this.lab.unfreezeTop(), true)));
  }

  /** Stage 2's offer: measures training through the top two conv layers and fits a subset to the budget. */
  async measure(): Promise<StageOffer | null> {
    if (this.lab.busy || this.lab.stage < 1 || !(await this.unfreeze())) return null;
    const offer = await this.guard('Measuring failed', 'budget', () => this.lab.offer(this.plan(2), this.budget, this.backend));
    if (offer) {
      this.offer = offer;
      this.fineSubset = offer.subset;
      this.fineTuneEpochs = offer.epochs;
    }
    return offer ?? null;
  }

  /**
   * Stage 2: unfreezes the top two conv layers and fine-tunes at the lower rate, on the training images the student
   * set or, when none, on the subset measured to fit the budget; then compares.
   */
  async fineTune(): Promise<void> {
    if (this.lab.busy || this.lab.stage < 1 || !(await this.unfreeze())) return;
    if (!this.fineSubset && !(await this.measure())) return;
    await this.runStage(2);
  }

  private async runStage(stage: 1 | 2): Promise<void> {
    const plan = this.plan(stage);
    this.record ??= recordTransfer(this.modelName, { base: this.lab.base!.from, headUnits: this.headUnits, data: this.src, subset: this.subset }, this.plan(1));
    const record = this.record;
    record.stage(stage, plan, this.offer?.reason);
    const result = await this.guard(`Stage ${stage} failed`, 'model', () =>
      this.lab.train(stage, plan, this.backend, (end) => (this.curves = [{ name: this.modelName, scalars: record.epoch(end), markers: record.markers }])),
    );
    record.end(result);
    if (!result) return;
    // Stage 1 ran on the backend just measured: say which, once.
    this.status = `${stage === 1 && this.lab.measured ? `${this.lab.measured} ` : ''}Stage ${stage}: ${result.message}`;
    const saved = await this.guard('Saving failed', 'model-name', () => this.lab.save(this.modelName));
    if (saved) this.status += ` Saved as ${saved}.`;
    await this.compare();
  }

  /**
   * Problem 6: both models on the same 4-class test set. In the lab, from the activations cached while training; in
   * the `compare` view, the base and the model saved as `model-name`, each run on the test set.
   */
  async compare(): Promise<ModelComparison | null> {
    if (this.lab.busy) return null;
    if (this.view === 'compare' && !(await this.loadComparedData())) return null;
    const out = await this.guard('The comparison failed', 'model-name', () =>
      this.view === 'compare'
        ? this.lab.predictSaved(this.baseSource(this.choice) as LoadSource, `indexeddb://${this.modelName}`, this.backend).catch((err: Error) => {
            throw /cannot find|not found/i.test(err.message) ? new Error(`no transferred model is saved in this browser as “${this.modelName}”: train one on problem 5's page first.`) : err;
          })
        : this.lab.predictions(),
    );
    if (!out) return null;
    const original = mapPredictions(out.base);
    const transferred = argmaxRows(out.transferred, 4);
    this.answers = [original, Uint8Array.from(transferred)];
    this.comparison = compareModels(out.labels, { name: NAMES[0], predicted: original }, { name: NAMES[1], predicted: transferred }, { classNames: [...TRANSFER_CLASSES] });
    this.record?.compared(this.comparison);
    const shown = this.comparison.disagreements;
    this.disagreements = shown.length ? ((await this.guard('The images could not be shown', 'model', () => this.lab.images(shown))) ?? null) : null;
    return this.comparison;
  }

  private async loadComparedData(): Promise<boolean> {
    if (typeof this.baseSource(this.choice) === 'string' && !(this.baseSource(this.choice) as string).includes('/')) {
      return (this.fail(this.baseSource(this.choice) as string, { attribute: 'base-src' }), false);
    }
    return !!this.lab.data || this.loadData();
  }

  /** Stops what runs (training, or computing activations); the model keeps the weights it has. */
  stop(): void {
    this.lab.stop();
  }

  private async toggle(name: string, on: boolean): Promise<void> {
    await this.guard('The layer could not be changed', 'model', () => this.lab.setTrainable({ [name]: on }));
    // Other layers train at another speed: the next stage 2 measures again.
    this.offer = null;
    this.fineSubset = 0;
  }

  protected override render() {
    const lab = this.lab;
    const b = lab.backend;
    const lab5 = this.view === 'lab';
    const controls = stageControls(this, lab, {
      trainHead: () => void this.trainHead(), measure: () => void this.measure(), fineTune: () => void this.fineTune(),
      stop: () => this.stop(), compare: () => void this.compare(),
      setSubset: (n) => (this.fineSubset = n), setEpochs: (n) => (this.fineTuneEpochs = n),
    }, { offer: this.offer, subset: this.fineSubset, rate: this.plan(2).learningRate });
    return html`
      ${baseControls({
        choice: this.choice, hasCourse: !!this.baseSrc, savedName: this.savedName, busy: lab.busy,
        choose: (c) => (this.choice = c), load: () => void this.loadBase(),
        picked: (s) => ((this.pickedBase = s), (this.choice = 'files')), refuse: (m) => this.fail(m, { attribute: 'base-src' }),
      })}
      <section part="data" class="step" aria-labelledby="data-title">
        <p id="data-title" class="title">2 · The data, relabelled to 4 classes</p>
        <div class="row"><button type="button" class="load-data" @click=${() => void this.loadData()} ?disabled=${lab.busy}>Load data</button>
          <label class="file">Or CIFAR-10 files: <input type="file" accept=".bin,.gz,.tgz" multiple ?disabled=${lab.busy}
            @change=${(e: Event) => void this.loadData([...((e.target as HTMLInputElement).files ?? [])])} /></label></div>
        ${lab.data ? countsView(lab.data.train, lab.data.test) : ''}
      </section>
      ${this.renderError()}
      <p class="status" role="status">${b ? `${b.summary} ` : ''}${this.baseNote} ${this.status}</p>
      ${progressView(lab.progress)}
      ${lab5
        ? html`<section part="layers" class="step" aria-labelledby="layers-title">
            <p id="layers-title" class="title">3 · Which layers train (Keras's <code>check_trainable</code>)</p>
            ${lab.model
              ? layerTable(lab.model, lab.reused, lab.busy, (n, on) => void this.toggle(n, on))
              : html`<p class="muted">Shown once the base and the data are loaded: the base's layers up to the Flatten, frozen, under a new head.</p>`}</section>`
        : ''}
      ${lab5 ? html`<section part="stages" class="step" aria-labelledby="stages-title">
          <p id="stages-title" class="title">4 · Train: the new head, then the top two convolutional layers</p>
          ${controls}
          <nn-curves label="Accuracy by epoch, both stages" metric="accuracy" .runs=${this.curves}></nn-curves></section>` : ''}
      <section part="compare" class="step" aria-labelledby="compare-title">
        <p id="compare-title" class="title">${lab5 ? '5 · ' : ''}Compare the original model with the transferred one (problem 6)</p>
        ${lab5 ? '' : html`<button type="button" class="compare" @click=${() => void this.compare()} ?disabled=${lab.busy}>Compare</button>`}
        ${this.comparison ? comparisonView(this.comparison) : html`<p class="muted">${lab5 ? 'Shown after each stage.' : 'Loads the base and the model saved as “' + this.modelName + '”, and runs both on the test images.'}</p>`}
        ${this.comparison && this.answers ? disagreementsView(this.disagreements, this.comparison, this.answers) : ''}
      </section>`;
  }
}
