// Runs one short training per rate, in turn, on one worker; owns the worker and ends it when the host leaves.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ModelSpec, TrainSpec } from '../../src/spec/types.js';
import { TrainingClient, type BackendReport, type BackendName, type TrainResult } from '../../src/worker/index.js';
import { startTrainingClient } from '../internal/training-client.js';

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

export class SweepRunner implements ReactiveController {
  /** The worker's client while the host is on the page and has trained. */
  client: TrainingClient | null = null;
  backend: BackendReport | null = null;
  runs: LrSweepRun[] = [];
  running = false;
  private loaded = '';
  private dataName = 'train';
  private stopped = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.client?.terminate();
    this.client = null;
    this.backend = null;
    this.loaded = '';
    this.running = false;
  }

  /** Asks the run in progress to stop, and skips the rates after it. */
  stop(): void {
    this.stopped = true;
    void this.client?.stop().catch(() => undefined);
  }

  /** Trains every rate in turn; rejects with the worker's error (bad data URL, a model that does not fit …). */
  async run(plan: SweepPlan, onChange: () => void): Promise<LrSweepRun[]> {
    this.running = true;
    this.stopped = false;
    this.runs = plan.rates.map((rate) => ({ rate, losses: [], diverged: false, status: 'waiting', message: '' }));
    onChange();
    try {
      const client = (this.client ??= startTrainingClient());
      this.backend ??= await client.init({ backend: plan.backend });
      onChange();
      // Loaded again only when the file or the subset changed: the worker keeps the data between sweeps.
      const key = `${plan.src}|${plan.subset}`;
      if (this.loaded !== key) {
        const sets = await client.loadData({ source: { kind: 'cifar10', from: plan.src }, name: 'train', subset: plan.subset });
        // A file named "test…" holds only a test part: the sweep trains on whatever part there is.
        this.dataName = (sets.find((d) => d.name === 'train') ?? sets[0]).name;
        this.loaded = key;
      }
      for (const run of this.runs) {
        if (this.stopped) break;
        run.status = 'running';
        onChange();
        // Same seed for every rate: each run starts from the same weights, so only the rate differs.
        await client.buildModel(plan.model);
        const result = await client.train(
          { spec: trainSpec(plan, run.rate), data: this.dataName, subset: plan.subset, maxSteps: plan.steps || undefined, progressIntervalMs: 0, divergence: divergence(plan) },
          { onBatch: (p) => { for (const l of p.losses) run.losses[l.step] = l.loss; onChange(); } },
        );
        finish(run, result);
        onChange();
      }
      return this.runs;
    } finally {
      this.running = false;
      onChange();
    }
  }
}

function trainSpec(plan: SweepPlan, rate: number): TrainSpec {
  return {
    optimizer: { name: plan.optimizer, learningRate: rate },
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    batchSize: plan.batchSize,
    epochs: plan.epochs,
    shuffle: true,
    seed: plan.seed,
  };
}

/** A window that fits the budget: a short run must still be able to call divergence. */
function divergence(plan: SweepPlan) {
  const steps = plan.steps || Math.ceil(plan.subset / plan.batchSize) * plan.epochs;
  return { window: Math.max(1, Math.min(10, Math.floor(steps / 3))), ratio: 1.25 };
}

function finish(run: LrSweepRun, result: TrainResult): void {
  run.losses = Array.from(run.losses, (l) => l ?? NaN);
  run.diverged = result.stopReason === 'diverged' || result.stopReason === 'nan';
  run.status = run.diverged ? 'diverged' : result.stopReason === 'stopped' ? 'stopped' : 'done';
  run.message = result.message;
}
