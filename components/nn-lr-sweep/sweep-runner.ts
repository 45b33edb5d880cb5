// Runs one short training per rate, in turn, on one worker: starts it, loads the data, times the backends, then
// trains each rate with the plan the element picks from the measured speed. Stop answers at once: the worker is
// asked to stop after its step, and ended (the step abandoned) when that takes longer than a grace period.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSpec, TrainSpec } from '../../src/spec/types.js';
import type { BackendName, TrainResult } from '../../src/worker/index.js';
import { LabWorker, type Measured } from '../internal/lab-worker.js';
import { recordWorkerRun } from '../internal/worker-run.js';

/** One rate's run as the element shows it. */
export interface LrSweepRun {
  rate: number;
  /** Batch losses, first to last. */
  losses: number[];
  /** Stopped as diverged (NaN, or its loss rose above its start). */
  diverged: boolean;
  status: 'waiting' | 'running' | 'done' | 'diverged' | 'stopped';
  /** A sentence: how it ended. */
  message: string;
}

/** What a sweep trains: the model, data, optimizer and budget. */
export interface SweepPlan {
  rates: number[];
  model: ModelSpec;
  src: string;
  optimizer: 'rmsprop' | 'adam' | 'sgd' | 'adagrad' | 'nadam';
  backend: BackendName | 'auto';
  epochs: number;
  /** Steps per rate (0: the epochs decide). */
  steps: number;
  subset: number;
  batchSize: number;
  seed: number;
}

/** What the sweep is doing. */
export type SweepPhase = 'idle' | 'starting' | 'loading' | 'measuring' | 'training' | 'stopping';

/** The current rate's progress, for the progress line. */
export interface SweepProgress {
  /** Index of the rate training, 0-based. */
  run: number;
  /** Steps done in this rate, and per rate. */
  step: number;
  steps: number;
  /** Recent training speed (the measured one before the first steps). */
  imagesPerSecond: number;
}

/** Steps one rate trains under `plan`. */
export const stepsPerRate = (plan: SweepPlan) => plan.steps || plan.epochs * Math.ceil(plan.subset / plan.batchSize);

/** How long a stop waits for the step in progress before ending the worker (ms). */
export const STOP_GRACE_MS = 2000;

export class SweepRunner implements ReactiveController {
  readonly worker: LabWorker;
  runs: LrSweepRun[] = [];
  phase: SweepPhase = 'idle';
  /** The plan being trained, once the speed is known. */
  plan: SweepPlan | null = null;
  progress: SweepProgress | null = null;
  private loaded = '';
  private dataName = 'train';
  private stopRequested = false;
  /** Bumped by each run and each finished stop: callbacks of an older one change nothing. */
  private generation = 0;
  private loop: Promise<unknown> | null = null;

  constructor(private readonly host: ReactiveControllerHost & { id?: string }, private readonly changed: () => void) {
    host.addController(this);
    this.worker = new LabWorker(host, () => this.changed());
  }

  /** The worker's client while it runs. */
  get client() {
    return this.worker.client;
  }
  get running(): boolean {
    return this.phase !== 'idle';
  }

  hostDisconnected(): void {
    this.generation++;
    this.loaded = '';
    this.phase = 'idle';
    this.loop = null;
  }

  /**
   * Loads the data, times the backends, then trains every rate in turn with the plan `pick` makes from the measured
   * speed. Resolves with the runs when done or stopped; rejects with the worker's error (a bad data URL …).
   */
  run(full: SweepPlan, pick: (measured: Measured, spentMs: number) => SweepPlan): Promise<LrSweepRun[]> {
    const loop = this.sweep(full, pick);
    this.loop = loop;
    return loop;
  }

  private async sweep(full: SweepPlan, pick: (measured: Measured, spentMs: number) => SweepPlan): Promise<LrSweepRun[]> {
    const gen = ++this.generation;
    const started = performance.now();
    const live = () => gen === this.generation && !this.stopRequested;
    const set = (phase: SweepPhase) => {
      if (gen !== this.generation) return;
      this.phase = phase;
      this.changed();
    };
    this.stopRequested = false;
    this.plan = null;
    this.progress = null;
    this.runs = full.rates.map((rate) => ({ rate, losses: [], diverged: false, status: 'waiting', message: '' }));
    try {
      set('starting');
      const client = await this.worker.start(full.backend);
      // Loaded again only when the file or the subset changed: the worker keeps the data between sweeps.
      const key = `${full.src}|${full.subset}`;
      if (live() && this.loaded !== key) {
        set('loading');
        const sets = await this.worker.load({ source: { kind: 'cifar10', from: full.src }, name: 'train', subset: full.subset });
        // A file named "test…" holds only a test part: the sweep trains on whatever part there is.
        this.dataName = (sets.find((d) => d.name === 'train') ?? sets[0]).name;
        this.loaded = key;
      }
      if (!live()) return this.runs;
      set('measuring');
      const measured = await this.worker.measure({ spec: full.model, data: this.dataName, batchSize: full.batchSize, optimizer: { name: full.optimizer } }, full.backend);
      if (!live()) return this.runs;
      const plan = (this.plan = pick(measured, performance.now() - started));
      // Announced with the first rate's progress, just below.
      this.phase = 'training';
      for (const [i, run] of this.runs.entries()) {
        if (!live()) break;
        run.status = 'running';
        this.progress = { run: i, step: 0, steps: stepsPerRate(plan), imagesPerSecond: measured.chosen.imagesPerSecond };
        this.changed();
        // Same seed for every rate: each run starts from the same weights, so only the rate differs.
        await client.buildModel(plan.model);
        if (!live()) break;
        const spec = trainSpec(plan, run.rate);
        // Each rate is a run of its own in the page's run store (the run dashboard shows them beside the others).
        const source = `nn-lr-sweep${this.host.id ? `#${this.host.id}` : ''}`;
        const record = recordWorkerRun({ name: `${source} · lr ${run.rate}`, source, spec: { model: plan.model, train: spec }, hparams: { learning_rate: run.rate }, stepsPerEpoch: Math.ceil(plan.subset / plan.batchSize) });
        const result = await client
          .train(
            { spec, data: this.dataName, subset: plan.subset, maxSteps: plan.steps || undefined, progressIntervalMs: 0, divergence: divergence(plan) },
            {
              onBatch: (p) => {
                if (gen !== this.generation) return;
                for (const l of p.losses) run.losses[l.step] = l.loss;
                this.progress = { run: i, step: p.step + 1, steps: p.totalSteps, imagesPerSecond: p.imagesPerSecond || this.progress!.imagesPerSecond };
                this.changed();
              },
              onEpoch: (e) => void record.epoch(e),
            },
          )
          .catch((e: unknown) => {
            // A stopped sweep's rate keeps the epochs it trained, marked as ended by the stop.
            record.end(undefined, gen !== this.generation || this.stopRequested ? 'stopped' : e instanceof Error ? e.message : String(e));
            throw e;
          });
        record.end(result);
        if (gen !== this.generation) break;
        finish(run, result);
        this.changed();
      }
      return this.runs;
    } catch (err) {
      // A worker ended by stop() rejects what it was asked: that is the stop, not an error.
      if (gen !== this.generation || this.stopRequested) return this.runs;
      throw err;
    } finally {
      if (gen === this.generation) {
        for (const r of this.runs) if (r.status === 'running') r.status = 'stopped';
        this.phase = 'idle';
        this.progress = null;
        this.changed();
      }
    }
  }

  /**
   * Stops the sweep: "stopping" at once, the rate in training stops after its step, and the rates after it are
   * skipped. When the step takes longer than `graceMs` (or at once, given 0), the worker is ended instead (its data
   * and model with it; the next run starts a new one). Resolves when stopped; nothing changes after that.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    const loop = this.loop;
    if (!this.running || !loop) return;
    this.stopRequested = true;
    this.phase = 'stopping';
    this.changed();
    void this.worker.client?.stop().catch(() => undefined);
    const settled = loop.then(() => true, () => true);
    // A grace of 0 abandons the step at once.
    const inTime = graceMs > 0 && (await Promise.race([settled, new Promise<false>((r) => setTimeout(() => r(false), graceMs))]));
    if (!inTime) {
      this.worker.end();
      this.loaded = '';
      await settled;
    }
    for (const r of this.runs) if (r.status === 'running') r.status = 'stopped';
    this.generation++;
    this.phase = 'idle';
    this.progress = null;
    this.changed();
  }
}

function trainSpec(plan: SweepPlan, rate: number): TrainSpec {
  return {
    optimizer: { name: plan.optimizer, learningRate: rate },
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    batchSize: plan.batchSize,
    // A step budget may reach past one epoch (`maxSteps` ends the run where the budget does).
    epochs: plan.steps ? Math.max(plan.epochs, plan.steps) : plan.epochs,
    shuffle: true,
    seed: plan.seed,
  };
}

/** A window that fits the budget: a short run must still be able to call divergence. */
function divergence(plan: SweepPlan) {
  return { window: Math.max(1, Math.min(10, Math.floor(stepsPerRate(plan) / 3))), ratio: 1.25 };
}

function finish(run: LrSweepRun, result: TrainResult): void {
  run.losses = Array.from(run.losses, (l) => l ?? NaN);
  run.diverged = result.stopReason === 'diverged' || result.stopReason === 'nan';
  run.status = run.diverged ? 'diverged' : result.stopReason === 'stopped' ? 'stopped' : 'done';
  run.message = result.message;
}
