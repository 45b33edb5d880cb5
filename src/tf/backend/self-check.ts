/**
 * The WebGPU self-check: a tiny conv + dense net trained a few steps on WebGPU and on the CPU backend from the
 * same weights, on the same data, with the same dropout-free steps; the losses and gradients must agree.
 * WebGPU drivers differ (shader compilers, buggy GPUs); a backend that computes wrong numbers must not train a
 * student's model, and a few steps take well under a second on a GPU.
 *
 * Tolerances: both backends compute in float32, so round-off from summation order is ~1e-7 relative per
 * reduction; this machine's SwiftShader agrees with the CPU backend to about 2e-7 on small conv nets. A broken
 * kernel is off by 1e-2 or more. Losses must agree to 1e-4 (relative to max(1, |loss|)) and every gradient element
 * to 1e-3 of the gradient's largest magnitude: 500× above round-off, 10× below a real fault.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../spec/index.js';
import { buildModel } from '../model/build-model.js';
import { forward, outputKind } from '../train/forward.js';
import { lossValue } from '../train/losses.js';

/** Loss tolerance, relative to max(1, |loss|). */
export const SELF_CHECK_LOSS_TOLERANCE = 1e-4;
/** Gradient tolerance, relative to the largest gradient magnitude. */
export const SELF_CHECK_GRAD_TOLERANCE = 1e-3;

/** What the self-check found. */
export interface SelfCheckResult {
  passed: boolean;
  /** The backend checked against the CPU backend. */
  backend: string;
  steps: number;
  maxLossDiff: number;
  maxGradDiff: number;
  lossTolerance: number;
  gradTolerance: number;
  ms: number;
  /** Why it failed, in a sentence (empty when it passed). */
  reason: string;
}

/** One conv and one dense layer: what a CNN's training runs on, with as few distinct GPU programs as can be
 * (compiling them is most of the check's time on a first run). */
const SPEC: ModelSpec = {
  inputShape: [6, 6, 3],
  seed: 11,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};
const N = 6;
const STEPS = 2;
const LR = 0.1;

interface Trace {
  losses: number[];
  grads: Float32Array[];
}

/** Trains the probe net on `backend`; returns each step's loss and the gradients of every step, concatenated. */
async function trace(backend: string): Promise<Trace> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not start`);
  const model = buildModel(SPEC);
  const x = tf.tensor4d(Float32Array.from({ length: N * 6 * 6 * 3 }, (_, i) => 0.5 + 0.5 * Math.sin(i * 0.37)), [N, 6, 6, 3]);
  const y = tf.tensor1d(Int32Array.from({ length: N }, (_, i) => i % 3), 'int32');
  const kind = outputKind(model, false);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const out: Trace = { losses: [], grads: [] };
  try {
    for (let step = 0; step < STEPS; step++) {
      const { value, grads } = tf.variableGrads(
        () => lossValue('sparse_categorical_crossentropy', y, forward(model, x, { training: false, logits: true }), kind),
        variables,
      );
      const names = variables.map((v) => v.name);
      const flat = tf.tidy(() => tf.concat(names.map((n) => tf.reshape(grads[n], [-1]))));
      // Async reads only: a synchronous read on WebGPU can lose the device (TOOLCHAIN.md).
      out.losses.push((await value.data())[0]);
      out.grads.push((await flat.data()) as Float32Array);
      tf.tidy(() => variables.forEach((v, i) => v.assign(tf.sub(v, tf.mul(grads[names[i]], LR)))));
      tf.dispose([value, flat, ...Object.values(grads)]);
    }
  } finally {
    tf.dispose([x, y]);
    model.dispose();
  }
  return out;
}

/**
 * Runs the probe on `backend` and on 'cpu', and compares. Leaves `backend` active when it passes (else 'cpu').
 * Never throws for a numeric mismatch: that is a result (`passed: false`, with the reason).
 */
export async function selfCheck(backend = 'webgpu'): Promise<SelfCheckResult> {
  const start = performance.now();
  const base = { backend, steps: STEPS, lossTolerance: SELF_CHECK_LOSS_TOLERANCE, gradTolerance: SELF_CHECK_GRAD_TOLERANCE };
  let gpu: Trace;
  let cpu: Trace;
  try {
    gpu = await trace(backend);
    cpu = await trace('cpu');
  } catch (err) {
    return {
      ...base,
      passed: false,
      maxLossDiff: NaN,
      maxGradDiff: NaN,
      ms: performance.now() - start,
      reason: `the ${backend} self-check could not run: ${(err as Error).message}`,
    };
  }
  let maxLossDiff = 0;
  let maxGradDiff = 0;
  let lossOk = true;
  let gradOk = true;
  for (let s = 0; s < STEPS; s++) {
    const d = Math.abs(gpu.losses[s] - cpu.losses[s]);
    maxLossDiff = Math.max(maxLossDiff, d);
    if (!(d <= SELF_CHECK_LOSS_TOLERANCE * Math.max(1, Math.abs(cpu.losses[s])))) lossOk = false;
    const g = gpu.grads[s];
    const c = cpu.grads[s];
    let scale = 0;
    for (let i = 0; i < c.length; i++) scale = Math.max(scale, Math.abs(c[i]));
    for (let i = 0; i < c.length; i++) {
      const gd = Math.abs(g[i] - c[i]);
      maxGradDiff = Math.max(maxGradDiff, Number.isNaN(gd) ? Infinity : gd);
      if (!(gd <= SELF_CHECK_GRAD_TOLERANCE * scale + 1e-7)) gradOk = false;
    }
  }
  const passed = lossOk && gradOk;
  await tf.setBackend(passed ? backend : 'cpu');
  return {
    ...base,
    passed,
    maxLossDiff,
    maxGradDiff,
    ms: performance.now() - start,
    reason: passed
      ? ''
      : `${backend} computed different numbers from the CPU backend on a test network ` +
        `(${!lossOk ? `loss off by ${maxLossDiff.toExponential(2)}` : `gradients off by ${maxGradDiff.toExponential(2)}`})`,
  };
}
