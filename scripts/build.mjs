// `npm run build`: writes dist/ — core.js (the engine, no DOM, no TensorFlow.js), tf.js (the TensorFlow.js side),
// index.js (registers every element), elements/<tag>.js (one element each), type declarations and
// custom-elements.json. Shared code goes to chunks, so importing two entry points never loads the engine twice.
//   node scripts/build.mjs [--outdir DIR] [--no-types] [--no-manifest]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const args = process.argv.slice(2);
const outdir = args.includes('--outdir') ? args[args.indexOf('--outdir') + 1] : 'dist';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const entryPoints = [
  { in: 'src/core.ts', out: 'core' },
  { in: 'src/tf/index.ts', out: 'tf' },
  { in: 'components/index.ts', out: 'index' },
];
for (const dir of readdirSync('components')) {
  const file = join('components', dir, `${dir}.ts`);
  if (dir.startsWith('nn-') && existsSync(file)) entryPoints.push({ in: file, out: `elements/${dir}` });
}

// KaTeX's fonts: the source finds them in node_modules beside it; dist/ carries its own copy in dist/fonts/, and
// the module that names them is rewritten to point there (it always lands in dist/chunks/, shared by every entry
// that typesets, which the check after the build makes sure of).
const FONT_MODULE = /components[\\/]nn-math[\\/]katex-fonts\.ts$/;
const katexFontsPlugin = {
  name: 'katex-fonts',
  setup(b) {
    b.onLoad({ filter: FONT_MODULE }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('../../node_modules/katex/dist/fonts/', '../fonts/'),
      loader: 'ts',
    }));
  },
};

const result = await build({
  entryPoints,
  metafile: true,
  plugins: [katexFontsPlugin],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Dependencies stay imports, so a site's bundler dedupes Lit and TensorFlow.js with its own copies.
  external: [...Object.keys(pkg.dependencies), 'lit/*', '@lit/*', 'katex/*', '@tensorflow/*'],
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});

// The training worker is loaded by URL, where bare imports cannot resolve: it is its own bundle, TensorFlow.js
// inside, and the client's `new URL('./training.worker.ts', import.meta.url)` is pointed at it from whichever
// chunk holds the client.
await build({
  entryPoints: [{ in: 'src/worker/training.worker.ts', out: 'training.worker' }],
  outdir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  minify: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  external: ['fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
const workerFile = join(outdir, 'training.worker.js');
let pointed = 0;
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const text = readFileSync(file, 'utf8');
  let rel = relative(dirname(file), workerFile);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const next = text.replace(/(["'])\.\/training\.worker\.ts\1/g, JSON.stringify(rel));
  if (next !== text) {
    writeFileSync(file, next);
    pointed++;
  }
}
if (!pointed) throw new Error("build: no chunk loads './training.worker.ts'; the worker's URL was not pointed at dist/");

mkdirSync(join(outdir, 'fonts'), { recursive: true });
for (const f of readdirSync('node_modules/katex/dist/fonts').filter((f) => f.endsWith('.woff2'))) {
  copyFileSync(join('node_modules/katex/dist/fonts', f), join(outdir, 'fonts', f));
}
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  const hasFonts = Object.keys(meta.inputs).some((i) => FONT_MODULE.test(i));
  if (hasFonts && !file.includes('/chunks/')) {
    throw new Error(`KaTeX's font list landed in ${file}, not in dist/chunks/: its '../fonts/' URLs would miss`);
  }
}

if (!args.includes('--no-types')) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(outdir, 'types')], { stdio: 'inherit' });
  // Package exports allow one wildcard, so each element's declarations sit beside its file and point into types/.
  for (const { out } of entryPoints.filter((e) => e.out.startsWith('elements/'))) {
    const tag = out.slice('elements/'.length);
    writeFileSync(join(outdir, `${out}.d.ts`), `export * from '../types/components/${tag}/${tag}.js';\n`);
  }
}
if (!args.includes('--no-manifest')) {
  execFileSync('node', ['scripts/manifest.mjs'], { stdio: 'inherit' });
  copyFileSync('.cache/custom-elements.json', join(outdir, 'custom-elements.json'));
}
console.log(`built ${entryPoints.length} entry points into ${outdir}/`);
