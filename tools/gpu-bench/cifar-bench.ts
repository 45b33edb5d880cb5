/**
 * Training throughput of the homework's CIFAR-10 CNN with this library's trainer (RMSprop, seeded dropout, the
 * same code the worker runs), on whichever backend is asked for. Shared by `npm run bench` (tests/bench) and the
 * packed GPU benchmark (tools/gpu-bench/main.ts).
 */
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  chooseBackend,
  cifarCnn,
  Trainer,
  type BackendName,
  type BackendReport,
  type Dataset,
} from '../../src/tf/index.js';
import type { TrainSpec } from '../../src/spec/index.js';

/** What to measure. */
export interface CifarBenchOptions {
  backend: BackendName;
  batchSizes: number[];
  /** Timed steps per batch size. */
  steps: number;
  /** Untimed steps first (shader compilation, allocation); reported as `warmupSeconds`. */
  warmup: number;
  /** How often losses are read back (default: the trainer's display rate, as in the page). */
  progressIntervalMs?: number;
  /** Run the WebGPU self-check (default true). */
  selfCheck?: boolean;
  log?: (line: string) => void;
}

/** One batch size's result. */
export interface CifarBenchRow {
  batchSize: number;
  steps: number;
  seconds: number;
  imagesPerSecond: number;
  warmupSteps: number;
  warmupSeconds: number;
  /** Mean training loss over the timed steps (a sanity check: about 2.3 at the start). */
  loss: number;
}

/** The backend's report and a row per batch size. */
export interface CifarBenchResult {
  backend: BackendReport;
  tfjsVersion: string;
  rows: CifarBenchRow[];
}

const SPEC = (batchSize: number): TrainSpec => ({
  optimizer: { name: 'rmsprop', learningRate: 1e-4 },
  loss: 'sparse_categorical_crossentropy',
  epochs: 1_000_000,
  batchSize,
  shuffle: true,
  seed: 0,
});

/** Measures images/s for each batch size. */
export async function benchCifarCnn(data: Dataset, options: CifarBenchOptions): Promise<CifarBenchResult> {
  const log = options.log ?? (() => {});
  const backend = await chooseBackend({ backend: options.backend, selfCheck: options.selfCheck });
  log(backend.summary);
  const rows: CifarBenchRow[] = [];
  for (const batchSize of options.batchSizes) {
    const model = buildModel(cifarCnn());
    let t = performance.now();
    if (options.warmup > 0) await new Trainer(model, SPEC(batchSize)).fit(data, { maxSteps: options.warmup });
    const warmupSeconds = (performance.now() - t) / 1000;
    log(`batch ${batchSize}: ${options.warmup} warm-up step(s) in ${warmupSeconds.toFixed(2)} s`);
    t = performance.now();
    const result = await new Trainer(model, SPEC(batchSize)).fit(data, {
      maxSteps: options.steps,
      progressIntervalMs: options.progressIntervalMs,
    });
    const seconds = (performance.now() - t) / 1000;
    const imagesPerSecond = (options.steps * batchSize) / seconds;
    const loss = result.history.at(-1)?.loss ?? NaN;
    log(`batch ${batchSize}: ${options.steps} step(s) in ${seconds.toFixed(2)} s → ${imagesPerSecond.toFixed(1)} images/s (loss ${loss.toFixed(3)})`);
    rows.push({ batchSize, steps: options.steps, seconds, imagesPerSecond, warmupSteps: options.warmup, warmupSeconds, loss });
    model.dispose();
  }
  return { backend, tfjsVersion: tf.version.tfjs, rows };
}
