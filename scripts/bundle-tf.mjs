// TensorFlow.js 4.22's ESM build imports CommonJS packages (seedrandom, long), which the test server cannot
// serve module by module. It is pre-bundled once with esbuild, with code splitting so every backend shares one
// tfjs-core, and the test server maps the bare imports to these files (see web-dev-test-runner.config.mjs).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TF_BUNDLE_DIR = join(root, '.cache', 'tf');
export const TF_PACKAGES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-webgpu'];

export const bundleName = (pkg) => pkg.replace('@tensorflow/', '') + '.js';

export async function bundleTf() {
  const stamp = join(TF_BUNDLE_DIR, '.stamp');
  const lock = join(root, 'package-lock.json');
  if (existsSync(stamp) && existsSync(lock) && statSync(stamp).mtimeMs > statSync(lock).mtimeMs) return;
  const entries = join(TF_BUNDLE_DIR, 'entries');
  mkdirSync(entries, { recursive: true });
  const entryPoints = {};
  for (const pkg of TF_PACKAGES) {
    const name = bundleName(pkg).replace(/\.js$/, '');
    const file = join(entries, name + '.js');
    writeFileSync(file, `export * from '${pkg}';\n`);
    entryPoints[name] = file;
  }
  await build({
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: TF_BUNDLE_DIR,
    logLevel: 'warning',
    // The wasm backend is not used; its node-only requires stay out of the bundle.
    external: ['fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  writeFileSync(stamp, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleTf();
