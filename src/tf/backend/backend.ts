/**
 * Backend choice: WebGPU first, then WebGL, this library's WebAssembly SIMD path on the CPU (simd/register.ts),
 * TF.js's WASM backend, TF.js's CPU backend, and any candidate registered with {@link registerBackendCandidate},
 * each tried in turn; an option forces one. WebGPU must pass the self-check (self-check.ts) the first time it is used
 * in a page or worker; otherwise the next backend is used and the report says why. Choosing by measured speed
 * instead of this order is measure.ts's.
 *
 * WASM is in the order but @tensorflow/tfjs-backend-wasm is not a dependency (its backend also lacks
 * Conv2DBackpropFilter, so it cannot train conv nets): it is reported as skipped, with that reason.
 */
import * as tf from '@tensorflow/tfjs';
// Registers 'webgpu' where navigator.gpu exists when this module loads (pages, workers, Node after Dawn's setup).
import '@tensorflow/tfjs-backend-webgpu';
import { TfError } from '../errors.js';
import { adapterLabel, describeGpuAdapter, navigatorGpu, type GpuAdapterDescription } from './adapter-info.js';
import { installFastCpuConvFilter } from './cpu-conv-filter.js';
import { selfCheck, type SelfCheckResult } from './self-check.js';
import { registerSimdBackend, SIMD_BACKEND_LABEL } from './simd/register.js';

/** The TF.js backends this library knows, in its order of preference. 'wasm-simd' is this library's CPU path. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm-simd' | 'wasm' | 'cpu';

/**
 * WebGPU first: it trains conv nets fastest where it works. On the CPU, 'wasm-simd' trains the homework CNN
 * about 15-20× faster than TF.js's cpu backend.
 */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm-simd', 'wasm', 'cpu'];

/** A TF.js backend registered (with `tf.registerBackend`) under another name, offered as a training backend. */
export interface BackendCandidate {
  /** Its name in TF.js's registry, as `chooseBackend({ backend })` takes it. */
  name: string;
  /** How a student reads it: "the fast CPU path". */
  label: string;
  /** Tried before this candidate in the automatic order (default: after every other). */
  before?: string;
}

const registered: BackendCandidate[] = [];

/**
 * Offers another TF.js backend (registered with `tf.registerBackend` under `name`) as a training backend: forced by
 * name, tried in the automatic order, and timed with the others when the backend is chosen by measurement.
 * Registering a name again replaces its entry.
 */
export function registerBackendCandidate(candidate: BackendCandidate): void {
  const i = registered.findIndex((c) => c.name === candidate.name);
  if (i >= 0) registered.splice(i, 1, { ...candidate });
  else registered.push({ ...candidate });
}

/** Every candidate backend's name, in the automatic order: the built-in ones, with registered ones placed. */
export function backendCandidates(): string[] {
  const order: string[] = [...BACKEND_ORDER];
  for (const c of registered) {
    if (order.includes(c.name)) continue;
    const at = c.before ? order.indexOf(c.before) : -1;
    if (at >= 0) order.splice(at, 0, c.name);
    else order.push(c.name);
  }
  return order;
}

/** A backend's name as a student reads it ("WebGPU", "the CPU"). */
export function backendLabel(name: string): string {
  return (LABELS as Record<string, string>)[name] ?? registered.find((c) => c.name === name)?.label ?? name;
}

/** Options of {@link chooseBackend}. */
export interface BackendOptions {
  /**
   * Use this backend or fail (a TfError `backend`), with no fallback: a built-in name or a registered candidate's.
   * 'auto' (default) tries the order.
   */
  backend?: BackendName | 'auto' | (string & {});
  /** Run the WebGPU self-check (default true). Turning it off is for benchmarks that check numbers themselves. */
  selfCheck?: boolean;
}

/** What was chosen and why: for the UI ("Training on WebGPU — nvidia ampere") and for bug reports. */
export interface BackendReport {
  /** The backend's name: a {@link BackendName}, or a registered candidate's. */
  backend: BackendName | (string & {});
  /** The WebGPU adapter, when WebGPU is available (also when another backend was chosen). */
  adapter: GpuAdapterDescription | null;
  /** The WebGPU self-check, when it ran. */
  selfCheck: SelfCheckResult | null;
  /** Backends tried before the chosen one, each with the reason it was passed over. */
  skipped: Array<{ backend: BackendName | (string & {}); reason: string }>;
  /** One sentence: "Training on WebGPU (nvidia ampere); self-check passed in 40 ms." */
  summary: string;
}

const LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  'wasm-simd': SIMD_BACKEND_LABEL,
  wasm: 'WebAssembly',
  cpu: 'the CPU',
};

/** The self-check runs once per page or worker: its result stands for the GPU's lifetime there. */
let selfCheckOnce: Promise<SelfCheckResult> | null = null;

/** Why `name` cannot be used here, or null when it started. Starting a backend makes it the active one. */
async function tryStart(name: string): Promise<string | null> {
  if (name === 'wasm-simd') {
    const unavailable = await registerSimdBackend();
    if (unavailable) return unavailable;
  }
  if (name === 'wasm' && !tf.findBackendFactory('wasm')) {
    return 'the WebAssembly backend (@tensorflow/tfjs-backend-wasm) is not installed, and it cannot train conv nets';
  }
  if (name === 'webgpu' && !navigatorGpu()) return 'this browser has no WebGPU (navigator.gpu is missing)';
  if (!tf.findBackendFactory(name)) return `TensorFlow.js has no ${name} backend registered here`;
  try {
    if (await tf.setBackend(name)) {
      await tf.ready();
      return null;
    }
    return `the ${backendLabel(name)} backend did not start`;
  } catch (err) {
    return `the ${backendLabel(name)} backend failed to start: ${(err as Error).message}`;
  }
}

/**
 * Picks and activates a backend.
 *
 * @throws {TfError} `backend` when a forced backend cannot start or fails its self-check (the message says why),
 *   or when none can (not even the CPU).
 */
export async function chooseBackend(options: BackendOptions = {}): Promise<BackendReport> {
  installFastCpuConvFilter();
  const forced = options.backend && options.backend !== 'auto' ? options.backend : null;
  const candidates = forced ? [forced] : backendCandidates();
  const skipped: BackendReport['skipped'] = [];
  const adapter = await describeGpuAdapter();
  let check: SelfCheckResult | null = null;
  for (const name of candidates) {
    let reason = await tryStart(name);
    if (!reason && name === 'webgpu' && options.selfCheck !== false) {
      selfCheckOnce ??= selfCheck('webgpu');
      check = await selfCheckOnce;
      if (check.passed) await tf.setBackend('webgpu');
      else reason = check.reason;
    }
    if (reason) {
      if (forced) throw new TfError('backend', `Cannot use ${backendLabel(name)}: ${reason}.`);
      skipped.push({ backend: name, reason });
      continue;
    }
    return { backend: name, adapter, selfCheck: check, skipped, summary: summarize(name, adapter, check, skipped) };
  }
  throw new TfError('backend', `No TensorFlow.js backend could start: ${skipped.map((s) => s.reason).join('; ')}.`);
}

function summarize(
  name: string,
  adapter: GpuAdapterDescription | null,
  check: SelfCheckResult | null,
  skipped: BackendReport['skipped'],
): string {
  let text = `Training on ${backendLabel(name)}`;
  if (name === 'webgpu' && adapter) text += ` (${adapterLabel(adapter)})`;
  if (check?.passed && name === 'webgpu') text += `; self-check passed in ${Math.round(check.ms)} ms`;
  const gpuSkip = skipped.find((s) => s.backend === 'webgpu');
  if (gpuSkip && name !== 'webgpu') text += `; WebGPU not used: ${gpuSkip.reason}`;
  return `${text}.`;
}

/** Forgets the self-check result (tests run it again). */
export function resetSelfCheck(): void {
  selfCheckOnce = null;
}
