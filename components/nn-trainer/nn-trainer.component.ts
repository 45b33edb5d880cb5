import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NnElement } from '../internal/nn-element.js';
import { enumConverter, integerConverter } from '../internal/attributes.js';
import { NnErrorEvent } from '../events/nn-error.js';
import { NnEpochEndEvent } from '../events/nn-epoch-end.js';
import { NnTrainEndEvent } from '../events/nn-train-end.js';
import { NnBoundary } from '../nn-boundary/nn-boundary.js';
import { NnCurves } from '../nn-curves/nn-curves.js';
import { NnGradientFlow } from '../nn-gradient-flow/nn-gradient-flow.js';
import { LAB_LIMITS, LAB_PRESET_NAMES, labPreset, labSetupProblems, type LabFields, type LabPresetName, type LabRun, type LabSetup } from '../../src/labs/index.js';
import { pageRunStore, type RunStore } from '../../src/runs/index.js';
import { describeValue } from '../../src/spec/problems.js';
import { yieldToEventLoop, type EpochLogs } from '../../src/nn/index.js';
import { LabPanel, type PanelHost } from './lab-panel.js';
import { renderTrainer } from './trainer-view.js';
import type { PointSplit } from './trainer-results.js';
import { styles } from './nn-trainer.styles.js';

/** A run store: the page's, or one made with `new RunStore()` (anything with its methods). */
function runStoreProblem(store: unknown): string | undefined {
  const s = store as Partial<Record<'add' | 'appendEpoch' | 'update' | 'list', unknown>>;
  const ok = typeof store === 'object' && store !== null && (['add', 'appendEpoch', 'update', 'list'] as const).every((m) => typeof s[m] === 'function');
  return ok ? undefined : `runStore must be a RunStore (pageRunStore() or new RunStore() from nn-mathlets/core), got ${describeValue(store)}`;
}

/**
 * One experiment on a 2-D data set, or two side by side (`compare`): pick the data, edit the model and its training,
 * then Train, Pause, Step one epoch or Reset. While it trains: the decision boundary over the train, validation or
 * test points, accuracy and loss curves, the gradient size per layer, the epoch and learning rate; at the end the
 * line the notebook prints, a judgement on overfitting, the weights' sparsity, and "Show Keras code". Presets are
 * the homework's setups (problems 1 and 6–8). Training runs in slices that yield to the page. Every run goes to the
 * page's run store.
 *
 * @tagname nn-trainer
 * @summary A 2-D training lab: editor, boundary, curves and gradient sizes, with the homework's presets.
 * @fires nn-epoch-end - After every epoch, with its logs (`panel` 1 is the right-hand setup in a comparison).
 * @fires nn-train-end - When a run ends, with the run (also the `run` property).
 * @fires nn-error - An attribute or setup cannot be used, training was asked for with an impossible setup, or the loss became NaN.
 * @fires change - The student edited the setup.
 * @csspart controls - The Train / Pause / Step / Reset buttons.
 * @csspart panel - Each setup's column.
 * @csspart status - The line with epoch, learning rate, loss and accuracy.
 * @csspart verdict - The final accuracies and the judgement.
 * @csspart weights - The weights' sparsity and histogram.
 * @csspart boundary-* - The decision map's parts, prefixed: `boundary-plot` is its `<nn-boundary>`'s `plot`.
 * @csspart curves-* - The accuracy and loss plots' parts, prefixed: `curves-plot` is each `<nn-curves>`'s `plot`.
 * @csspart gradient-* - The gradient-size plot's parts, prefixed: `gradient-curves-plot` is its `<nn-gradient-flow>`'s `curves-plot`.
 * @csspart error - The message shown for an attribute it cannot use.
 */
export class NnTrainer extends NnElement implements PanelHost {
  static override styles = [styles];
  /** The elements it renders; referenced so a tree-shaking bundler keeps their registration. */
  static readonly dependencies = { 'nn-boundary': NnBoundary, 'nn-curves': NnCurves, 'nn-gradient-flow': NnGradientFlow };

  /** The setup to start from: `vanishing-bad`, `vanishing-fixed`, `overfit`, `early-stopping`, `l1` or `l2`. */
  @property({ attribute: 'preset', converter: enumConverter('preset', LAB_PRESET_NAMES) }) preset: LabPresetName = 'vanishing-fixed';
  /** A second preset to run beside the first on the same data (empty: one setup). */
  @property({ attribute: 'compare', converter: enumConverter('compare', ['', ...LAB_PRESET_NAMES]) }) compare: LabPresetName | '' = '';
  /** Train this many epochs instead of the preset's (0: the preset's). */
  @property({ attribute: 'epochs', converter: integerConverter('epochs', 0, LAB_LIMITS.maxEpochs) }) epochs = 0;
  /**
   * `frame` (default): the view is redrawn about 30 times a second while training, each time with every epoch
   * so far; `epoch`: it is redrawn after every epoch, before the next one trains (slower).
   */
  @property({ attribute: 'paint', converter: enumConverter('paint', ['frame', 'epoch']) }) paint: 'frame' | 'epoch' = 'frame';
  /** Where runs are recorded (default: the page's shared store). */
  @property({ attribute: false, check: runStoreProblem }) runStore: RunStore = pageRunStore();

  @state() private splits: PointSplit[] = ['train', 'train'];
  private panels: LabPanel[] = [new LabPanel(this, 0)];
  private loadedFor = '';
  /** Setups the page gave through `setup` / `compareSetup`, in place of the presets. */
  private given: (LabSetup | undefined)[] = [];
  private givenCount = 0;
  private paintWaiting?: Promise<void>;
  private paintFrame = 0;

  /** The left (or only) setup, as plain JSON; setting it loads it in place of the preset. */
  get setup(): LabSetup | undefined {
    return this.panels[0].setup;
  }
  set setup(value: LabSetup | undefined) {
    if (value) this.loadSetup(0, value);
  }

  /** The right-hand setup of a comparison; setting it opens the comparison. */
  get compareSetup(): LabSetup | undefined {
    return this.panels[1]?.setup;
  }
  set compareSetup(value: LabSetup | undefined) {
    if (value) this.loadSetup(1, value);
  }

  /** The last run (of the left setup in a comparison): `{ spec, history, trainAccuracy, …, stoppedEpoch }`. */
  get run(): LabRun | undefined {
    return this.panels[0].run;
  }

  /** The last run of each setup. */
  get runs(): (LabRun | undefined)[] {
    return this.panels.map((p) => p.run);
  }

  /** True while a run trains or is paused. */
  get training(): boolean {
    return this.panels.some((p) => p.busy);
  }

  /** For the lab panels. @internal */
  get paintEveryEpoch(): boolean {
    return this.paint === 'epoch';
  }


  protected override willUpdate(changed: PropertyValues): void {
    // A new preset replaces a setup the page gave before; a setup given together with the attributes wins.
    if (this.hasUpdated && changed.has('preset')) this.given[0] = undefined;
    if (this.hasUpdated && changed.has('compare')) this.given[1] = undefined;
    const key = `${this.preset}|${this.compare}|${this.epochs}|${this.givenCount}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    const epochs = this.epochs || undefined;
    this.panels[0].load(this.given[0] ?? labPreset(this.preset), this.given[0] ? undefined : this.preset, epochs);
    const right = this.given[1] ?? (this.compare ? labPreset(this.compare) : undefined);
    if (right) this.panel(1).load(right, this.given[1] ? undefined : this.compare || undefined, epochs);
    else this.dropCompare();
  }

  private panel(i: number): LabPanel {
    return (this.panels[i] ??= new LabPanel(this, i));
  }

  private dropCompare(): void {
    const right = this.panels[1];
    if (!right) return;
    right.reset();
    this.removeController(right);
    this.panels = this.panels.slice(0, 1);
  }

  private loadSetup(i: number, value: LabSetup): void {
    const problems = labSetupProblems(value);
    if (problems.length) {
      this.fail(`The ${i ? 'compare ' : ''}setup cannot be used: ${problems.map((p) => p.message).join('; ')}`, { attribute: i ? 'compareSetup' : 'setup', value });
      return;
    }
    this.given[i] = structuredClone(value);
    this.givenCount++;
    this.clearError();
    this.requestUpdate();
  }

  /**
   * Trains every setup from scratch and resolves with the (left) run; while training, resolves when it ends.
   * Rejects, with a message and `nn-error`, when a setup cannot be trained.
   */
  async train(): Promise<LabRun> {
    const problems = this.panels.flatMap((p) => p.problems);
    if (problems.length) return this.refuse(`Cannot train: ${problems.map((p) => p.message).join('; ')}`, problems);
    try {
      const runs = await Promise.all(this.panels.map((p) => p.train()));
      return runs[0];
    } catch (e) {
      return this.refuse(`Cannot train: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  private refuse(message: string, value: unknown): Promise<never> {
    this.emit(new NnErrorEvent(message, { attribute: 'setup', value }));
    return Promise.reject(new Error(message));
  }

  /** Holds training after the current step. */
  pause(): void {
    this.panels.forEach((p) => p.pause());
  }

  /** Goes on after a pause. */
  resume(): void {
    this.panels.forEach((p) => p.resume());
  }

  /** Trains one more epoch and pauses (starting a run if none is going). */
  stepEpoch(): void {
    if (this.panels.some((p) => p.problems.length)) return;
    this.panels.forEach((p) => void p.stepEpoch()?.catch(() => undefined));
  }

  /** Stops any run and clears the results; the setup stays as edited. */
  reset(): void {
    this.panels.forEach((p) => p.reset());
  }

  /** For the lab panels. @internal */
  runName(panel: LabPanel): string {
    // The title a student reads first; then which element made it, so two trainers' runs stay apart.
    return `${panel.title} · nn-trainer${this.id ? `#${this.id}` : ''}`;
  }

  paintSoon(): Promise<void> {
    return (this.paintWaiting ??= new Promise<void>((resolve) => {
      this.paintFrame = requestAnimationFrame(() => {
        this.paintWaiting = undefined;
        this.paintFrame = 0;
        this.requestUpdate();
        void this.updateComplete.then(yieldToEventLoop).then(resolve);
      });
    }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The panels' sessions are aborted as the host leaves; a redraw they waited for is not needed.
    cancelAnimationFrame(this.paintFrame);
    this.paintWaiting = undefined;
  }

  /** For the lab panels. @internal */
  epochEnded(panel: LabPanel, epoch: number, logs: Readonly<EpochLogs>): void {
    this.emit(new NnEpochEndEvent(epoch, { ...logs }, panel.index));
  }

  /** For the lab panels. @internal */
  trainEnded(panel: LabPanel, run: LabRun): void {
    this.emit(new NnTrainEndEvent(run, panel.index));
    if (run.status === 'diverged') this.emit(new NnErrorEvent(panel.message, { attribute: 'setup', value: run.spec, cause: run.message }));
  }

  private onEdit = (panel: LabPanel, fields: LabFields, commit: boolean) => {
    panel.setFields(fields);
    if (commit) this.emitNative('change');
  };

  protected override render() {
    return html`${this.renderError()}${renderTrainer(this, this.panels, this.splits, this.onEdit, (i, split) => (this.splits = this.splits.map((v, k) => (k === i ? split : v))))}`;
  }
}
