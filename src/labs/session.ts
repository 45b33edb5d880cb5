/**
 * One lab run: the data made from the setup, the model built and compiled, trained through the engine's fit (the
 * same code in Node and in a page), and summed up as a LabRun. In a page it trains in time slices that yield to
 * the page; it pauses, resumes, steps one epoch, and stops on an AbortSignal. TerminateOnNaN is always on, so a
 * diverging run stops at the epoch whose loss became NaN, with its history kept.
 */
import {
  compile,
  EarlyStopping,
  fit,
  Sequential,
  startFit,
  type Callback,
  type EpochLogs,
  type History,
  type TrainingRun,
} from '../nn/index.js';
import type { CallbackSpec } from '../spec/index.js';
import { prepareLabData } from './data.js';
import { kernelWeights, sparsity, splitAccuracies } from './summary.js';
import type { LabData, LabRun, LabSetup } from './types.js';

type EarlyStoppingSpec = Extract<CallbackSpec, { name: 'EarlyStopping' }>;

/** Options of {@link LabSession.train} and {@link LabSession.trainSync}. */
export interface LabTrainOptions {
  /** Train this many epochs instead of the setup's (tests, quick demos). */
  epochs?: number;
  /** Stops training between steps. */
  signal?: AbortSignal;
  /** Milliseconds of work between yields to the page (default 8). */
  sliceMs?: number;
  /** After every epoch, with the epoch counted from 1 and its logs (loss, accuracy, val_loss, val_accuracy, lr). */
  onEpochEnd?: (epoch: number, logs: Readonly<EpochLogs>) => void;
}

/** The state of a session. */
export type LabState = 'ready' | 'training' | 'paused' | 'done';

/** A lab's one run, from a setup: build, train (async or sync), and read the result. */
export class LabSession {
  readonly setup: LabSetup;
  readonly data: LabData;
  readonly model: Sequential;
  private readonly early: EarlyStopping | null;
  private readonly restore: boolean;
  private run: TrainingRun | null = null;
  private stepping = false;
  private result: LabRun | null = null;

  /**
   * Makes the data and builds the model; nothing trains yet.
   * @throws RangeError or SpecError naming the field when the setup cannot be built.
   */
  constructor(setup: LabSetup) {
    this.setup = structuredClone(setup);
    this.data = prepareLabData(this.setup.data);
    this.model = Sequential.fromSpec(this.setup.model);
    const callbacks = this.setup.train.callbacks ?? [];
    const es = callbacks.find((c): c is EarlyStoppingSpec => c.name === 'EarlyStopping');
    // EarlyStopping runs as our own instance (not from the spec) so its best epoch can be read afterwards.
    this.early = es ? new EarlyStopping(es) : null;
    this.restore = !!es?.restoreBestWeights;
    const rest = callbacks.filter((c) => c.name !== 'EarlyStopping');
    compile(this.model, { ...this.setup.train, callbacks: rest });
  }

  /** Where the session is: not started, training, paused, or finished. */
  get state(): LabState {
    if (this.result) return 'done';
    if (!this.run) return 'ready';
    return this.run.paused ? 'paused' : 'training';
  }

  /** The history so far (empty before training). */
  get history(): History | null {
    return this.run?.history ?? null;
  }

  /** The finished run, once training has ended. */
  get lastRun(): LabRun | null {
    return this.result;
  }

  /** Trains in time slices; resolves with the run when training ends (all epochs, early stop, NaN, abort). */
  train(options: LabTrainOptions = {}): Promise<LabRun> {
    if (this.run) return Promise.reject(new Error('this session has already trained; make a new one to train again'));
    const run = startFit(this.model, this.data.train.X, this.data.train.y, {
      ...this.fitOptions(options),
      signal: options.signal,
      sliceMs: options.sliceMs,
    });
    this.run = run;
    return run.done.then((h) => (this.result = this.summarise(h)));
  }

  /** Trains to the end synchronously (Node, workers, tests) and returns the run. */
  trainSync(options: Omit<LabTrainOptions, 'signal' | 'sliceMs'> = {}): LabRun {
    if (this.run) throw new Error('this session has already trained; make a new one to train again');
    const h = fit(this.model, this.data.train.X, this.data.train.y, this.fitOptions(options));
    this.result = this.summarise(h);
    return this.result;
  }

  /** Holds training after the current step. */
  pause(): void {
    this.run?.pause();
  }

  /** Goes on after a pause. */
  resume(): void {
    this.stepping = false;
    this.run?.resume();
  }

  /** Trains one more epoch, then pauses (call {@link train} first; while paused, this steps). */
  stepEpoch(): void {
    this.stepping = true;
    this.run?.resume();
  }

  /** Pauses after each epoch until {@link resume} or {@link stepEpoch}: the session starts stepping. */
  set stepMode(on: boolean) {
    this.stepping = on;
  }

  /** Stops training between steps; `train()` then resolves with status `aborted`. */
  abort(): void {
    this.run?.abort();
  }

  private fitOptions(options: LabTrainOptions) {
    const callbacks: Callback[] = [];
    if (this.early) callbacks.push(this.early);
    const stepper: Callback = {
      onEpochEnd: () => {
        if (this.stepping) this.run?.pause();
      },
    };
    return {
      epochs: options.epochs,
      validationData: [this.data.validation.X, this.data.validation.y] as [number[][], number[]],
      callbacks: [...callbacks, { name: 'TerminateOnNaN' } as const, stepper],
      recordGradientNorms: true,
      onEpochEnd: options.onEpochEnd ? (e: number, logs: EpochLogs) => options.onEpochEnd!(e + 1, logs) : undefined,
    };
  }

  private summarise(h: History): LabRun {
    const acc = splitAccuracies(this.model, this.data);
    const weights = kernelWeights(this.model);
    const stopped = h.stopped;
    const early = stopped?.reason === 'early-stopping';
    const status = !stopped ? 'done' : early ? 'early-stopped' : stopped.reason === 'nan' ? 'diverged' : stopped.reason === 'aborted' ? 'aborted' : 'done';
    return {
      spec: structuredClone(this.setup),
      history: Object.fromEntries(Object.entries(h.history).map(([k, v]) => [k, v.slice()])),
      trainAccuracy: acc.train,
      validationAccuracy: acc.validation,
      testAccuracy: acc.test,
      stoppedEpoch: early ? stopped.epoch + 1 : null,
      restoredEpoch: early && this.restore && this.early ? this.early.bestEpoch + 1 : null,
      epochs: h.epoch.length,
      status,
      ...(stopped && !early ? { message: stopped.message } : {}),
      ...(stopped?.reason === 'nan' ? { nanEpoch: stopped.epoch + 1 } : {}),
      gradientNorms: (h.layerGradientNorms ?? []).map((e) => e.map((l) => l.kernel)),
      sparsity: sparsity(weights),
      weights,
    };
  }
}
