/**
 * Backend choice by measurement. Where WebGPU runs on real graphics hardware it is used as it is (its first steps
 * are still timed, to size plans). Where its adapter is a software fallback (SwiftShader: VMs, blocklisted GPUs,
 * remote desktops), where the browser has no WebGPU, or where even the GPU trains slowly, a few training steps are
 * timed on every registered candidate and the fastest trains. The CPU-side candidates go first: they are quick to
 * time, and their figure sets how long a GPU candidate is waited for (a software GPU compiles its kernels for a
 * minute and then trains slower still). The timing itself is passed in, so this logic runs (and is tested) without
 * TensorFlow.js.
 */
import { formatSpeed } from './format.js';

/** A few training steps of one model timed on one backend. */
export interface SpeedSample {
  /** The backend's name, as `chooseBackend({ backend })` takes it. */
  backend: string;
  /** The backend as a student reads it: "WebGPU", "the CPU". */
  label: string;
  /** Training images per second after the warm-up step; NaN when it could not be measured. */
  imagesPerSecond: number;
  /** Steps timed after the warm-ups, and the batch size the speed is for (the plan's). */
  steps: number;
  batchSize: number;
  /** The first step (compiling kernels, uploading weights), not counted in the speed. */
  warmupMs: number;
  /** Everything this measurement took, warm-up and self-check included. */
  totalMs: number;
  /** Why it could not be measured (it did not start, failed its self-check, threw). */
  error?: string;
  /** It could not even start here (not installed, no WebGPU in this browser): not worth naming to a student. */
  unavailable?: boolean;
  /** Given up on after this many ms without a timed step: slower than `batchSize` images in that time. */
  abandonedAfterMs?: number;
}

/** What the measured choice starts from: the backend the preference order picked, and its GPU adapter. */
export interface PreferredBackend {
  backend: string;
  /** The WebGPU adapter is a software fallback. */
  fallbackAdapter: boolean;
}

/** Options of {@link chooseByMeasurement}. */
export interface MeasuredChoiceOptions {
  /** Every registered candidate, in the order of preference (the first of equally fast ones wins). */
  candidates: readonly string[];
  preferred: PreferredBackend;
  /** Times a few training steps on one backend; resolves with an `error` sample rather than rejecting. */
  time: (backend: string) => Promise<SpeedSample>;
  /** Below this speed (images/s) a hardware WebGPU counts as slow, and the others are measured too (default 50). */
  slowBelow?: number;
  /** Called before each backend is timed: for "Measuring WebGPU (1 of 3)…". */
  onMeasure?: (backend: string, index: number, count: number) => void;
  /** Checked between backends: true ends the measurement (the samples so far decide). */
  stopped?: () => boolean;
  /**
   * How long to wait for each backend after the first that measured, given that one's sample (default: twice what
   * it took, at least 8 s). A backend that has not finished by then is given up on and `abandon` is called.
   */
  maxWaitMs?: (first: SpeedSample) => number;
  /** Told which backend was given up on, so its timing can be stopped after the step it is in. */
  abandon?: (backend: string) => void;
  /** A backend's name for a student (for a sample of one given up on); default its name. */
  label?: (backend: string) => string;
}

/** GPU backends: timed after the CPU-side ones when comparing. */
const GPU_BACKENDS = new Set(['webgpu', 'webgl']);

/** The measured choice: the chosen backend's sample and every sample taken, in the order they were taken. */
export interface MeasuredChoice {
  chosen: SpeedSample;
  samples: SpeedSample[];
  /** True when the other candidates were timed too (software adapter, no WebGPU, or a slow GPU). */
  compared: boolean;
}

/** Images/s below which a hardware GPU is "slow" for the homework's CNN: a 50,000-image epoch would take 17 min. */
export const SLOW_IMAGES_PER_SECOND = 50;

/** Whether to compare every candidate at once: the preferred backend is not WebGPU, or WebGPU is software. */
export function needsComparison(preferred: PreferredBackend): boolean {
  return preferred.backend !== 'webgpu' || preferred.fallbackAdapter;
}

/** The fastest sample that measured, or null; of equally fast ones the earliest in `order` wins. */
export function fastest(samples: readonly SpeedSample[], order: readonly string[] = []): SpeedSample | null {
  const rank = (s: SpeedSample) => (order.includes(s.backend) ? order.indexOf(s.backend) : order.length);
  let best: SpeedSample | null = null;
  for (const s of samples) {
    if (s.error || !(s.imagesPerSecond > 0)) continue;
    if (!best || s.imagesPerSecond > best.imagesPerSecond || (s.imagesPerSecond === best.imagesPerSecond && rank(s) < rank(best))) best = s;
  }
  return best;
}

/**
 * Times the preferred backend, and every other candidate when {@link needsComparison} says so or the preferred one
 * is slower than `slowBelow`; returns the fastest.
 *
 * @throws {Error} when no candidate could be measured (every sample has an error): the message lists why.
 */
export async function chooseByMeasurement(options: MeasuredChoiceOptions): Promise<MeasuredChoice> {
  const { preferred, time } = options;
  const slowBelow = options.slowBelow ?? SLOW_IMAGES_PER_SECOND;
  const samples: SpeedSample[] = [];
  let compared = needsComparison(preferred);
  // Comparing from the start: the CPU-side candidates first (in their order), then the GPU ones.
  const rest = options.candidates.filter((c) => c !== preferred.backend);
  const order = compared
    ? [...options.candidates.filter((c) => !GPU_BACKENDS.has(c)), ...options.candidates.filter((c) => GPU_BACKENDS.has(c))]
    : [preferred.backend, ...rest.filter((c) => !GPU_BACKENDS.has(c)), ...rest.filter((c) => GPU_BACKENDS.has(c))];
  if (!order.includes(preferred.backend)) order.unshift(preferred.backend);
  const count = () => (compared ? order.length : 1);
  // Waited for in proportion to the first backend that measured (none yet: waited for as long as it takes).
  const wait = (first: SpeedSample | undefined) => (first ? (options.maxWaitMs?.(first) ?? Math.max(8000, 2 * first.totalMs)) : Infinity);
  for (const [i, name] of order.entries()) {
    if (i > 0 && (!compared || options.stopped?.())) break;
    options.onMeasure?.(name, i, count());
    if (i === 0) {
      samples.push(await time(name));
      if (!compared && !(samples[0].imagesPerSecond >= slowBelow)) compared = true;
      continue;
    }
    const limit = wait(samples.find((x) => !x.error));
    const timing = time(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      if (Number.isFinite(limit)) timer = setTimeout(() => resolve(null), limit);
    });
    const sample = await Promise.race([timing, late]);
    clearTimeout(timer);
    if (sample) {
      samples.push(sample);
      continue;
    }
    // Given up on: its step runs on in the background; it is asked to stop after it.
    timing.catch(() => undefined);
    options.abandon?.(name);
    samples.push({
      backend: name, label: options.label?.(name) ?? name, imagesPerSecond: NaN, steps: 0, batchSize: samples[0].batchSize, warmupMs: limit,
      totalMs: limit, error: `no training step within ${Math.round(limit / 1000)} s`, abandonedAfterMs: limit,
    });
  }
  const chosen = fastest(samples, options.candidates);
  if (!chosen) throw new Error(`No backend could train here: ${samples.map((s) => `${s.label}: ${s.error ?? 'no speed'}`).join('; ')}.`);
  return { chosen, samples, compared };
}

/**
 * One plain sentence on what was chosen and why: "Training on the CPU at about 6.5 images/s, the fastest here
 * (WebGPU runs on a software fallback, google swiftshader: 1.2 images/s; WebGL: 0.9 images/s)."
 *
 * @param adapter the WebGPU adapter's one-line label, and whether it is a software fallback.
 */
export function describeChoice(choice: MeasuredChoice, adapter?: { label: string; fallback: boolean } | null): string {
  const { chosen, samples } = choice;
  const gpu = (s: SpeedSample) =>
    s.backend === 'webgpu' && adapter ? (adapter.fallback ? `${s.label} runs on a software fallback, ${adapter.label}` : `${s.label} (${adapter.label})`) : s.label;
  const head = `Training on ${chosen.backend === 'webgpu' ? gpu(chosen) : chosen.label} at about ${formatSpeed(chosen.imagesPerSecond)}`;
  const rest = samples.filter((s) => s !== chosen && !s.unavailable);
  if (rest.length === 0) return `${head}.`;
  const speed = (s: SpeedSample) =>
    s.abandonedAfterMs
      ? `slower still (no training step within ${Math.round(s.abandonedAfterMs / 1000)} s)`
      : s.error
        ? `not usable (${s.error})`
        : formatSpeed(s.imagesPerSecond);
  const others = rest.map((s) => `${gpu(s)}: ${speed(s)}`).join('; ');
  return `${head}, the fastest here (${others}).`;
}
