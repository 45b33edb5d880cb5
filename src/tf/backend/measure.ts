/**
 * Backend choice by measurement: a few training steps of the student's own model on each candidate backend, timed,
 * and the fastest kept (the logic is src/tf/plan/choice.ts's; this is the timing). A slow backend is timed on small
 * batches so that measuring it does not take as long as training: on a software WebGPU adapter one step of the
 * homework's CNN at batch 32 takes half a minute, at batch 4 a few seconds, and per image the cost hardly differs.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName, ModelSpec, OptimizerSpec } from '../../spec/index.js';
import { chooseByMeasurement, describeChoice, type MeasuredChoice, type SpeedSample } from '../plan/choice.js';
import { buildModel } from '../model/build-model.js';
import { subset, type Dataset } from '../train/dataset.js';
import { Trainer } from '../train/trainer.js';
import { adapterLabel } from './adapter-info.js';
import { TfError } from '../errors.js';
import { backendCandidates, backendLabel, chooseBackend, type BackendReport } from './backend.js';

/**
 * Images per step when a backend is first timed; a fast one is then timed at the plan's batch size, a slow one at
 * three times this too (its step time is fitted as fixed + per image through the two).
 */
export const PROBE_BATCH = 4;
/** A backend whose step at the plan's batch size would take less than this (ms) is timed at that batch size. */
const FAST_STEP_MS = 300;

/** What to time: the model, the data its batches come from, and how it trains. */
export interface MeasureOptions {
  spec: ModelSpec;
  data: Dataset;
  /** The plan's batch size. */
  batchSize: number;
  /** Default RMSprop at 1e-3 (the homework's optimizer): the update's cost is part of a step. */
  optimizer?: OptimizerSpec;
  /** Default sparse categorical cross-entropy. */
  loss?: LossName;
  /** Longest time spent timing steps on one backend after its warm-up step (default 2000 ms). */
  maxMsPerBackend?: number;
  /** The candidates to compare (default every registered one, {@link backendCandidates}). */
  backends?: readonly string[];
  /** Below this speed (images/s) a hardware GPU is slow and the others are timed too (default 50). */
  slowBelow?: number;
  /** Called before each backend is timed. */
  onMeasure?: (backend: string, label: string, index: number, count: number) => void;
  /** Called with each Trainer that times steps (and null after it): a stop request can end it at once. */
  onTrainer?: (trainer: Trainer | null) => void;
  /** Checked between steps and backends: true ends the measurement. */
  stopped?: () => boolean;
}

/** What {@link measureBackends} found, with the backend now active. */
export interface MeasuredBackend extends MeasuredChoice {
  report: BackendReport;
  /** One sentence: what was chosen, its speed, and the others'. */
  summary: string;
}

/**
 * Times steps of `model` at `batchSize` until `done(timed, timedMs, lastMs)`; resolves with the warm-up and the
 * quickest timed step (the first steps of a fresh model still run colder code, and a busy machine only ever
 * slows a step down).
 */
async function timeSteps(
  model: tf.LayersModel,
  opts: MeasureOptions,
  batchSize: number,
  done: (timed: number, timedMs: number, lastMs: number) => boolean,
): Promise<{ warmupMs: number; timed: number; bestMs: number; lastMs: number }> {
  const trainer = new Trainer(model, {
    optimizer: opts.optimizer ?? { name: 'rmsprop', learningRate: 1e-3 },
    loss: opts.loss ?? 'sparse_categorical_crossentropy',
    batchSize,
    epochs: 1000,
    shuffle: false,
    seed: 0,
  });
  const started = performance.now();
  let warmEnd = 0;
  let last = 0;
  let lastMs = 0;
  let bestMs = Infinity;
  let timed = -1;
  opts.onTrainer?.(trainer);
  try {
    await trainer.fit(subset(opts.data, batchSize * 16), {
      progressIntervalMs: 0,
      maxSteps: 64,
      onBatch: () => {
        const now = performance.now();
        timed++;
        if (timed === 0) warmEnd = now;
        else bestMs = Math.min(bestMs, (lastMs = now - last));
        last = now;
        if (opts.stopped?.() || (timed > 0 && done(timed, now - warmEnd, lastMs))) trainer.stop();
      },
    });
  } finally {
    opts.onTrainer?.(null);
  }
  return { warmupMs: warmEnd - started, timed: Math.max(0, timed), bestMs, lastMs };
}

/**
 * Times a few training steps of `opts.spec` on one backend (started, and self-checked if WebGPU, on the way). Never
 * rejects: a backend that cannot start or throws gives a sample with `error`.
 */
export async function timeTrainingSteps(backend: string, opts: MeasureOptions): Promise<SpeedSample> {
  const started = performance.now();
  const label = backendLabel(backend);
  const failed = (error: string, unavailable = false): SpeedSample => ({
    backend, label, imagesPerSecond: NaN, steps: 0, batchSize: opts.batchSize, warmupMs: 0, totalMs: performance.now() - started, error,
    ...(unavailable ? { unavailable } : {}),
  });
  try {
    await chooseBackend({ backend });
  } catch (err) {
    return failed((err as Error).message.replace(/\.$/, ''), true);
  }
  let model: tf.LayersModel | null = null;
  try {
    model = buildModel(opts.spec);
    const maxMs = opts.maxMsPerBackend ?? 2000;
    const probe = Math.min(opts.batchSize, PROBE_BATCH);
    const fast = (ms: number) => (ms / probe) * opts.batchSize < FAST_STEP_MS;
    // Enough: three steps over 300 ms give a steady figure; a slow backend stops after two steps past maxMs.
    const enough = (n: number, ms: number) => (n >= 3 && ms >= 300) || (n >= 2 && ms >= maxMs);
    // Small batches first: one step after the warm-up says whether the plan's batch size can be timed quickly.
    const a = await timeSteps(model, opts, probe, (n, ms, lastMs) => (probe < opts.batchSize && fast(lastMs)) || enough(n, ms));
    if (a.timed === 0) return failed('measuring was stopped');
    let msPerStep = (a.bestMs / probe) * opts.batchSize;
    let steps = a.timed;
    let warmupMs = a.warmupMs;
    const next = probe < opts.batchSize && !opts.stopped?.() ? (fast(a.bestMs) ? opts.batchSize : Math.min(opts.batchSize, 3 * probe)) : 0;
    if (next) {
      // Fast: timed at the plan's batch size. Slow: a second, larger batch, for a step's cost that is not all per
      // image (the optimizer updates every weight once a step): t(n) = a + b·n through the two, at the plan's n.
      const b = await timeSteps(model, opts, next, next === opts.batchSize ? enough : (n) => n >= 1);
      if (b.timed > 0) {
        const perImage = Math.max(0, (b.bestMs - a.bestMs) / (next - probe));
        const fixed = Math.max(0, b.bestMs - perImage * next);
        msPerStep = next === opts.batchSize ? b.bestMs : perImage > 0 ? fixed + perImage * opts.batchSize : (b.bestMs / next) * opts.batchSize;
        steps += b.timed;
        warmupMs += b.warmupMs;
      }
    }
    return {
      backend, label, imagesPerSecond: (1000 * opts.batchSize) / msPerStep, steps, batchSize: opts.batchSize, warmupMs, totalMs: performance.now() - started,
    };
  } catch (err) {
    return failed((err as Error).message.replace(/\.$/, ''));
  } finally {
    model?.dispose();
  }
}

/**
 * Chooses the backend by timing training steps: the one `chooseBackend()` prefers first, and every other candidate
 * when WebGPU is missing, a software fallback, or slow (then the CPU-side ones first, and a GPU one that has not
 * finished a step in twice what the first took is given up on). Leaves the fastest active.
 *
 * @throws {TfError} `backend` when no candidate could train (each one's reason listed).
 */
export async function measureBackends(opts: MeasureOptions, preferred?: BackendReport): Promise<MeasuredBackend> {
  const first = preferred ?? (await chooseBackend());
  const adapter = first.adapter;
  // A backend given up on is stopped after the step it is in, and nothing more is timed on it.
  const abandoned = new Set<string>();
  const trainers = new Map<string, Trainer>();
  const choice = await chooseByMeasurement({
    candidates: opts.backends ?? backendCandidates(),
    preferred: { backend: first.backend, fallbackAdapter: adapter?.isFallbackAdapter ?? false },
    time: (name) =>
      timeTrainingSteps(name, {
        ...opts,
        stopped: () => abandoned.has(name) || !!opts.stopped?.(),
        onTrainer: (t) => {
          if (t) trainers.set(name, t);
          else trainers.delete(name);
          opts.onTrainer?.(t);
        },
      }),
    slowBelow: opts.slowBelow,
    onMeasure: (name, i, n) => opts.onMeasure?.(name, backendLabel(name), i, n),
    stopped: opts.stopped,
    abandon: (name) => {
      abandoned.add(name);
      trainers.get(name)?.stop();
    },
    label: backendLabel,
  }).catch((err: Error) => {
    throw new TfError('backend', err.message);
  });
  const report = await chooseBackend({ backend: choice.chosen.backend });
  const summary = describeChoice(choice, adapter ? { label: adapterLabel(adapter), fallback: adapter.isFallbackAdapter } : null);
  return { ...choice, report, summary };
}
