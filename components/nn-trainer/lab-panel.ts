import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  fieldsFromSetup,
  labPreset,
  LabSession,
  setupFromFields,
  weightsByTag,
  type FieldProblem,
  type LabData,
  type LabFields,
  type LabPresetName,
  type LabRun,
  type LabSetup,
} from '../../src/labs/index.js';
import { yieldToEventLoop, type EpochLogs } from '../../src/nn/index.js';
import { lrChangeEpochs, type RunRecord, type RunStore } from '../../src/runs/index.js';

/** What a panel needs from the element that holds it. */
export interface PanelHost extends ReactiveControllerHost {
  readonly runStore: RunStore;
  /** The run's name in the store, e.g. "Fixed model · nn-trainer#lab". */
  runName(panel: LabPanel): string;
  epochEnded(panel: LabPanel, epoch: number, logs: Readonly<EpochLogs>): void;
  trainEnded(panel: LabPanel, run: LabRun): void;
  /** Whether to hold training after each epoch until the page has drawn it (else about 30 times a second). */
  readonly paintEveryEpoch: boolean;
  /**
   * Redraws in the next animation frame and resolves once that redraw is done. Panels asking in the same frame share
   * one redraw: two redraws of both panels in one frame made a task of 90 ms in a comparison.
   */
  paintSoon(): Promise<void>;
}

export type PanelStatus = 'idle' | 'training' | 'paused' | 'done' | 'stopped' | 'diverged';

/** While training, the view is redrawn at most this often (about 30 frames a second), with every epoch since. */
const FRAME_GAP_MS = 32;
/** Milliseconds of training per task: short, so a slice plus a redraw stays far below 50 ms. */
const SLICE_MS = 5;

/**
 * One side of a trainer: the editor's fields and the setup they make, the session that trains it (built as soon as
 * the setup is valid, so the untrained model's boundary shows before training), and its run in the run store.
 * Training is the lab code's (src/labs); this only drives it and keeps what the view draws.
 */
export class LabPanel implements ReactiveController {
  fields!: LabFields;
  /** The setup the fields were made from (a preset or a page's own); edits are applied on top of it. */
  base!: LabSetup;
  /** The preset's name, when the setup came from one. */
  preset?: string;
  problems: FieldProblem[] = [];
  setup?: LabSetup;
  /** The current session: untrained (status idle), training, or finished. */
  session?: LabSession;
  record?: RunRecord;
  run?: LabRun;
  status: PanelStatus = 'idle';
  message = '';
  /** The setup was edited after the run shown was trained. */
  edited = false;
  private userPaused = false;
  private paintedAt = 0;
  private pending?: Promise<LabRun>;
  private abort?: AbortController;
  // nn-boundary redraws when its model changes identity: two stand-ins for the one model take turns, one per redraw
  // that has new epochs to show.
  private views: [object, object] | null = null;
  private viewIndex = 0;
  private viewEpochs = -1;

  constructor(private readonly host: PanelHost, readonly index: number) {
    host.addController(this);
  }

  /** Loads a setup (a preset's or a page's), resetting any run. */
  load(setup: LabSetup, preset?: string, epochs?: number): void {
    this.stop('Reset before the run ended.');
    this.base = structuredClone(setup);
    this.preset = preset;
    this.setFields({ ...fieldsFromSetup(this.base), ...(epochs ? { epochs: String(epochs) } : {}) });
  }

  /** Replaces the fields and re-derives the setup (or the problems that prevent one), and a fresh session. */
  setFields(fields: LabFields): void {
    this.fields = fields;
    const { setup, problems } = setupFromFields(fields, this.base);
    this.setup = setup;
    this.problems = problems;
    // Before any run, the untrained model follows the edits; after one, its results stay until the next Train.
    if (this.status === 'idle') this.prepare();
    else this.edited = true;
    this.host.requestUpdate();
  }

  /** A new, untrained session for the current setup (none when the setup cannot be built). */
  private prepare(): void {
    this.session = undefined;
    this.views = null;
    this.run = undefined;
    this.record = undefined;
    this.status = 'idle';
    this.message = '';
    this.edited = false;
    if (!this.setup) return;
    try {
      this.session = new LabSession(this.setup);
      this.views = [new Proxy(this.session.model, {}), new Proxy(this.session.model, {})];
    } catch (e) {
      this.setup = undefined;
      this.problems = [...this.problems, { field: 'setup', label: 'Setup', message: e instanceof Error ? e.message : String(e) }];
    }
  }

  /** The setup's title as a student reads it: the preset's ("Fixed model"), or "Your setup"; "(edited)" once changed. */
  get title(): string {
    const preset = this.preset ? labPreset(this.preset as LabPresetName) : undefined;
    const edited = preset && JSON.stringify(this.setup) !== JSON.stringify(preset);
    return `${preset?.title ?? 'Your setup'}${edited ? ' (edited)' : ''}`;
  }

  /** The data being trained on (or that the untrained setup would train on). */
  get data(): LabData | undefined {
    return this.session?.data;
  }

  get busy(): boolean {
    return this.status === 'training' || this.status === 'paused';
  }

  /** The model as nn-boundary should see it: a new identity whenever epochs were trained since the last look. */
  get boundaryModel(): object | undefined {
    const epochs = this.record ? this.host.runStore.epochCount(this.record) : 0;
    if (epochs !== this.viewEpochs) {
      this.viewEpochs = epochs;
      this.viewIndex ^= 1;
    }
    return this.views?.[this.viewIndex];
  }

  /** Trains from scratch and resolves with the run; while training, returns the same promise. */
  train(): Promise<LabRun> {
    if (this.pending) return this.pending;
    if (this.session?.state !== 'ready') this.prepare();
    const session = this.session;
    if (!session) return Promise.reject(new Error(this.problems.map((p) => p.message).join('; ')));
    this.userPaused = false;
    this.status = 'training';
    const batches = Math.ceil(session.data.train.X.length / (session.setup.train.batchSize ?? 32));
    this.record = this.host.runStore.add({ name: this.host.runName(this), source: 'nn-trainer', spec: this.setup, stepsPerEpoch: batches });
    this.abort = new AbortController();
    this.paintedAt = performance.now();
    this.pending = session
      .train({ signal: this.abort.signal, sliceMs: SLICE_MS, onEpochEnd: (e, logs) => this.epochEnd(session, e, logs) })
      .then((run) => this.finish(session, run))
      .finally(() => (this.pending = undefined));
    // The first slice waits for a task of its own, so starting the run and drawing it are not one long task.
    session.pause();
    void yieldToEventLoop().then(() => {
      if (session === this.session && !this.userPaused && session.state === 'paused') session.resume();
    });
    this.host.requestUpdate();
    return this.pending;
  }

  private epochEnd(session: LabSession, epoch: number, logs: Readonly<EpochLogs>): void {
    if (session !== this.session) return;
    if (this.record) {
      this.host.runStore.appendEpoch(this.record.id, logs);
      // Keras's TensorBoard(histogram_freq=1): every layer's kernel and bias after every epoch.
      this.host.runStore.appendHistograms(this.record.id, weightsByTag(session.model));
    }
    this.host.epochEnded(this, epoch, logs);
    if (this.userPaused) return this.host.requestUpdate();
    const every = this.host.paintEveryEpoch;
    // Between redraws the epochs pile up in the history; the next redraw draws them all.
    if (!every && performance.now() - this.paintedAt < FRAME_GAP_MS) return;
    if (!every && document.visibilityState === 'hidden') return;
    // Hold training until the page has drawn what is there, then go on. The continuous loop would otherwise keep
    // the page from painting (its yields run ahead of rendering).
    session.pause();
    const go = () => {
      this.paintedAt = performance.now();
      if (session === this.session && !this.userPaused && session.state === 'paused') session.resume();
    };
    if (every) {
      this.host.requestUpdate();
      void this.host.updateComplete.then(yieldToEventLoop).then(go);
    } else void this.host.paintSoon().then(go);
  }

  private finish(session: LabSession, run: LabRun): LabRun {
    if (session !== this.session) return run;
    this.run = run;
    this.status = run.status === 'diverged' ? 'diverged' : run.status === 'aborted' ? 'stopped' : 'done';
    this.message = run.status === 'diverged' ? `${run.message} The curves up to epoch ${run.nanEpoch} are kept; try a smaller learning rate.` : '';
    if (this.record) {
      const lr = lrChangeEpochs(run.history.lr ?? []);
      const status = { diverged: 'diverged', aborted: 'aborted', 'early-stopped': 'stopped', done: 'done' } as const;
      this.host.runStore.end(this.record.id, status[run.status], {
        markers: {
          ...(run.stoppedEpoch ? { stoppedEpoch: run.stoppedEpoch } : {}),
          ...(run.restoredEpoch ? { restoredEpoch: run.restoredEpoch } : {}),
          ...(run.nanEpoch ? { nanEpoch: run.nanEpoch } : {}),
          // A schedule changes the rate every epoch; only a few steps (a staircase, a plateau) are worth marking.
          ...(lr.length && lr.length <= 12 ? { lrChanges: lr } : {}),
        },
        summary: { trainAccuracy: run.trainAccuracy, validationAccuracy: run.validationAccuracy, testAccuracy: run.testAccuracy },
        ...(run.message ? { message: run.message } : {}),
      });
      run.runId = this.record.id;
    }
    this.host.trainEnded(this, run);
    this.host.requestUpdate();
    return run;
  }

  pause(): void {
    if (this.status !== 'training') return;
    this.userPaused = true;
    this.session?.pause();
    this.status = 'paused';
    this.host.requestUpdate();
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.userPaused = false;
    this.status = 'training';
    this.session?.resume();
    this.host.requestUpdate();
  }

  /** One epoch more, then pause (starts a run, paused after its first epoch, when none is going). */
  stepEpoch(): Promise<LabRun> | undefined {
    if (!this.pending) {
      const p = this.train();
      if (!this.pending) return p;
    }
    this.userPaused = true;
    this.status = 'paused';
    this.session?.stepEpoch();
    this.host.requestUpdate();
    return this.pending;
  }

  /** Stops any run and clears its results (the fields stay); the untrained model is ready again. */
  reset(): void {
    this.stop('Reset before the run ended.');
    this.prepare();
    this.host.requestUpdate();
  }

  /** Ends a run in progress (recorded as aborted in the run store). */
  private stop(message: string): void {
    if (!this.busy) return;
    if (this.record) this.host.runStore.end(this.record.id, 'aborted', { message });
    this.abort?.abort();
    this.session = undefined;
    this.status = 'stopped';
  }

  hostDisconnected(): void {
    // A trainer taken off the page stops training; its finished runs stay in the run store.
    if (this.busy) this.abort?.abort();
  }
}
