/**
 * WebGPU for Node through Dawn (`dawn.node`, from the `webgpu` package, or DAWN_NODE when packed): installs
 * `navigator.gpu` and the WebGPU globals. Call it before TensorFlow.js's WebGPU backend loads (it registers itself
 * only where navigator.gpu exists at that moment): so the benchmark imports TF.js dynamically, after this.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where dawn.node is: DAWN_NODE (the packed benchmark), else inside the installed `webgpu` package. */
function dawnPath(): string {
  if (process.env.DAWN_NODE) return process.env.DAWN_NODE;
  const pkg = dirname(require.resolve('webgpu'));
  return join(pkg, 'dist', `${process.platform}-${process.arch}`, 'dawn.node');
}

/** Installs Dawn's WebGPU as `navigator.gpu` (and GPUBufferUsage etc.) on globalThis. */
export function installDawn(): void {
  const dawn = require(dawnPath()) as { create: (flags: string[]) => unknown; globals: Record<string, unknown> };
  Object.assign(globalThis, dawn.globals);
  // Dawn's flags: none needed; DAWN_FLAGS (comma-separated "key=value") passes toggles through for experiments.
  const flags = process.env.DAWN_FLAGS ? process.env.DAWN_FLAGS.split(',') : [];
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn.create(flags) }, configurable: true, writable: true });
}
