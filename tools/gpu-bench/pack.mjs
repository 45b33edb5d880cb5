// Packs the GPU benchmark into one self-contained folder (default .cache/gpu-bench/, under 64 MiB) for a machine
// with a GPU, Python and PyTorch but no Node: this machine's node binary and dawn.node (xz), one esbuild bundle of
// tools/gpu-bench/main.ts with TensorFlow.js, the 2,000-image CIFAR-10 file, Vulkan's loader and SwiftShader (for
// machines without one, and for checking the pack here), run.sh and the PyTorch baseline.
//   node tools/gpu-bench/pack.mjs [--out DIR]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync, openSync, closeSync, chmodSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(root, '.cache', 'gpu-bench');
const LIMIT = 64 * 1024 * 1024;
const CHROMIUM = '/usr/lib/chromium';
const require = createRequire(import.meta.url);

mkdirSync(join(out, 'lib'), { recursive: true });
mkdirSync(join(out, 'swiftshader'), { recursive: true });

/** xz-compresses `src` to `dst` unless `dst` is newer (compressing Node takes a minute). */
function xz(src, dst) {
  if (existsSync(dst) && statSync(dst).mtimeMs > statSync(src).mtimeMs) return;
  const fd = openSync(dst + '.part', 'w');
  try {
    execFileSync('xz', ['-6', '-T0', '-c', src], { stdio: ['ignore', fd, 'inherit'] });
  } finally {
    closeSync(fd);
  }
  renameSync(dst + '.part', dst);
}

// 1. The benchmark with TensorFlow.js, as one ES module for Node. dawn.node is loaded at run time (DAWN_NODE).
await build({
  entryPoints: [join(here, 'main.ts')],
  outfile: join(out, 'bench.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  tsconfig: join(root, 'tsconfig.json'),
  // CommonJS inside TF.js (seedrandom, long) calls require(); an ES module has none unless given one.
  banner: { js: "import { createRequire as __nnRequire } from 'node:module'; const require = __nnRequire(import.meta.url);" },
  logLevel: 'warning',
});

// 2. Node and Dawn.
xz(process.execPath, join(out, 'node.xz'));
const dawn = join(dirname(require.resolve('webgpu')), 'dist', 'linux-x64', 'dawn.node');
xz(dawn, join(out, 'dawn.node.xz'));

// 3. Vulkan's loader and SwiftShader, from Debian's Chromium package.
for (const f of ['libvulkan.so.1', 'libvk_swiftshader.so']) {
  if (!existsSync(join(CHROMIUM, f))) throw new Error(`${join(CHROMIUM, f)} is missing: install Debian's chromium package`);
}
copyFileSync(join(CHROMIUM, 'libvulkan.so.1'), join(out, 'lib', 'libvulkan.so.1'));
xz(join(CHROMIUM, 'libvk_swiftshader.so'), join(out, 'swiftshader', 'libvk_swiftshader.so.xz'));

// 4. Data, scripts, docs.
copyFileSync(join(root, '..', 'shared', 'data', 'cifar10', 'cifar10_test_2k.bin'), join(out, 'cifar10_test_2k.bin'));
chmodSync(join(out, 'cifar10_test_2k.bin'), 0o644);
for (const f of ['run.sh', 'torch_baseline.py', 'README.md']) copyFileSync(join(here, f), join(out, f));
chmodSync(join(out, 'run.sh'), 0o755);
writeFileSync(join(out, 'PACKED.txt'), `Packed ${new Date().toISOString()} from nn-mathlets with Node ${process.version}.\n`);

// 5. Size check (the unpack folder .run is not part of the pack).
const files = (d) => readdirSync(d).flatMap((f) => (f === '.run' ? [] : statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
let total = 0;
for (const f of files(out)) {
  const size = statSync(f).size;
  total += size;
  console.log(`${(size / 1048576).toFixed(1).padStart(6)} MiB  ${relative(out, f)}`);
}
console.log(`${(total / 1048576).toFixed(1).padStart(6)} MiB  in all → ${out}`);
if (total > LIMIT) {
  console.error(`The pack is over 64 MiB (${total} bytes).`);
  process.exit(1);
}
