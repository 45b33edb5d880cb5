/** What a lab reads off a trained model: accuracy per split, weight sparsity, and the weights for a histogram. */
import { evaluate, type Sequential } from '../nn/index.js';
import type { LabData } from './types.js';

/** Kernel weights smaller than this count as zeroed (L1 drives weights to about the optimizer's step size, not to 0.0). */
export const ZERO_THRESHOLD = 0.01;

/** Keras's accuracy (threshold 0.5 on a sigmoid) of the model on the train, validation and test splits. */
export function splitAccuracies(model: Sequential, data: LabData): { train: number; validation: number; test: number } {
  const acc = (s: LabData['train']) => evaluate(model, s.X, s.y).accuracy ?? NaN;
  const test = acc(data.test);
  return { train: acc(data.train), validation: data.validationIsTest ? test : acc(data.validation), test };
}

/** Every kernel weight (biases left out, as L1/L2 here regularise kernels only), in layer order. */
export function kernelWeights(model: Sequential): number[] {
  const out: number[] = [];
  for (const l of model.layers) for (let i = 0; i < l.kernel.length; i++) out.push(l.kernel[i]);
  return out;
}

/** The share of kernel weights under `threshold` in size. */
export function sparsity(weights: readonly number[], threshold = ZERO_THRESHOLD): { zeroFraction: number; threshold: number; zero: number; total: number } {
  let zero = 0;
  for (const w of weights) if (Math.abs(w) < threshold) zero++;
  return { zeroFraction: weights.length ? zero / weights.length : 0, threshold, zero, total: weights.length };
}

/** Counts of `weights` in `bins` equal bins over [−m, m], m the largest size (at least 1e-9). */
export function weightHistogram(weights: readonly number[], bins = 31): { edges: number[]; counts: number[] } {
  let m = 1e-9;
  for (const w of weights) if (Number.isFinite(w)) m = Math.max(m, Math.abs(w));
  const counts = new Array<number>(bins).fill(0);
  for (const w of weights) {
    if (!Number.isFinite(w)) continue;
    counts[Math.min(bins - 1, Math.floor(((w + m) / (2 * m)) * bins))]++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => -m + (2 * m * i) / bins), counts };
}

/** The words a lab prints under a run: the notebook's line, and whether the model overfits. */
export interface RunVerdict {
  /** "Train: 0.87, Test: 0.87" or "Train: 0.96, Validation: 0.81, Test: 0.75". */
  line: string;
  /** "overfits", "fits", "one class", … as a short judgement of the gap. */
  judgement: 'overfits' | 'slightly' | 'fits' | 'one-class';
  /** A sentence for the student. */
  sentence: string;
}

/**
 * The line the notebook prints, and a judgement: a train − validation gap of 0.05 or more overfits, 0.04 or less
 * does not; a model near chance on both predicts one class. With validation on the test split (problem 1) the
 * line has just train and test, as the notebook's `print('Train: %.2f, Test: %.2f')`.
 */
export function judgeRun(r: { trainAccuracy: number; validationAccuracy: number; testAccuracy: number }, validationIsTest: boolean): RunVerdict {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
  const line = validationIsTest
    ? `Train: ${f(r.trainAccuracy)}, Test: ${f(r.testAccuracy)}`
    : `Train: ${f(r.trainAccuracy)}, Validation: ${f(r.validationAccuracy)}, Test: ${f(r.testAccuracy)}`;
  const gap = r.trainAccuracy - r.validationAccuracy;
  const other = validationIsTest ? 'test' : 'validation';
  if (r.trainAccuracy < 0.6 && r.validationAccuracy < 0.6)
    return { line, judgement: 'one-class', sentence: 'Near chance on every split: the model predicts (almost) one class — it underfits.' };
  if (gap >= 0.05)
    return { line, judgement: 'overfits', sentence: `It overfits: train accuracy is ${gap.toFixed(2)} above ${other} accuracy.` };
  if (gap > 0.04)
    return { line, judgement: 'slightly', sentence: `A little overfitting: train is ${gap.toFixed(2)} above ${other}.` };
  const sentence = gap <= 0.005
    ? `No sign of overfitting: ${other} accuracy is as high as train accuracy.`
    : `No sign of overfitting: train accuracy is only ${gap.toFixed(2)} above ${other} accuracy.`;
  return { line, judgement: 'fits', sentence };
}

/**
 * Each layer's kernel and bias by the tag Keras's TensorBoard callback gives them (`dense/kernel_0`,
 * `dense_1/bias_0`, …): what `histogram_freq=1` records after every epoch. Views into the model's weights.
 */
export function weightsByTag(model: Sequential): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const l of model.layers) {
    out[`${l.name}/kernel_0`] = l.kernel;
    if (l.useBias) out[`${l.name}/bias_0`] = l.bias;
  }
  return out;
}
