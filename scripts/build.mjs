// `npm run build`: writes dist/ —
//   core.js (the engine, no DOM, no TensorFlow.js), tf.js (the TensorFlow.js side), index.js (registers every
//   element), config.js (page-wide settings), elements/<tag>.js (one element each), with Lit, @lit/context, KaTeX
//   and TensorFlow.js left as imports for a site's bundler to share with its own copies;
//   cdn/ the same elements for a plain <script type="module"> (a CDN, or a copy of the folder on the course's
//   server): Lit, @lit/context and KaTeX bundled once, shared through chunks, minified;
//   training.worker.js (in both: TensorFlow.js inside, loaded only when a lab trains) and KaTeX's fonts beside
//   each build; type declarations; the custom-elements manifest and the editor and JSX files made from it.
// Shared code goes to chunks, so importing two entry points never loads the engine twice.
//   node scripts/build.mjs [--outdir DIR] [--no-types] [--no-manifest] [--no-cdn]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const args = process.argv.slice(2);
const outdir = args.includes('--outdir') ? args[args.indexOf('--outdir') + 1] : 'dist';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const elementEntries = [];
for (const dir of readdirSync('components').sort()) {
  const file = join('components', dir, `${dir}.ts`);
  if (dir.startsWith('nn-') && existsSync(file)) elementEntries.push({ in: file, out: `elements/${dir}` });
}
const pageEntries = [{ in: 'components/index.ts', out: 'index' }, { in: 'components/config.ts', out: 'config' }, ...elementEntries];

// KaTeX's fonts: the source finds them in node_modules beside it; each build carries its own copy in fonts/, and
// the module that names them is rewritten to point there (it always lands in chunks/, shared by every entry that
// typesets, which the check after each build makes sure of).
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

// The worker's start: the source keeps the `new Worker(new URL(…))` line that Vite bundles (npm start,
// Storybook); built files start it through startModuleWorker, which also works from another origin and under
// Trusted Types, and which a site's bundler treats as a plain asset URL rather than bundling TensorFlow.js again.
const WORKER_MODULE = /src[\\/]worker[\\/]create-worker\.ts$/;
const WORKER_LINE = "return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });";
const workerStartPlugin = {
  name: 'worker-start',
  setup(b) {
    b.onLoad({ filter: WORKER_MODULE }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(WORKER_LINE)) throw new Error(`build: ${args.path} no longer has the line the build replaces: ${WORKER_LINE}`);
      return {
        contents: text.replace(WORKER_LINE, "return startModuleWorker(new URL('./training.worker.ts', import.meta.url), WORKER_NAME);"),
        loader: 'ts',
      };
    });
  },
};

/**
 * Files the worker loads from beside itself (`new URL('./x', import.meta.url)` inside the worker, such as
 * WebAssembly kernels): copied next to training.worker.js in both builds. Paths relative to the project.
 */
const WORKER_ASSETS = [];

/** Builds the training worker into `dir` (TensorFlow.js inside: a worker loaded by URL cannot resolve imports). */
async function buildWorker(dir) {
  return build({
    metafile: true,
    entryPoints: [{ in: 'src/worker/training.worker.ts', out: 'training.worker' }],
    outdir: dir,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    // No source map: TensorFlow.js's would be 7 MB, mostly of code the site did not write.
    minify: true,
    legalComments: 'eof',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
    external: ['fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  for (const asset of WORKER_ASSETS) copyFileSync(asset, join(dir, asset.split('/').pop()));
}

/** The packages whose code or files a build carries: `@scope/name` or `name`, from esbuild's metafiles. */
function bundledPackages(...results) {
  const names = new Set(['katex']); // its fonts are copied into each build
  for (const r of results) {
    for (const input of Object.keys(r.metafile.inputs)) {
      const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
      if (m) names.add(m[1]);
    }
  }
  return [...names].sort();
}

/** dist/THIRD_PARTY_NOTICES.md: each bundled or copied package with its version and its license text. */
function writeNotices(file, names) {
  const parts = [
    '# Third-party notices',
    '',
    'The files in this package carry code or files of the packages below (the CDN build bundles Lit, @lit/context',
    'and KaTeX; both builds copy KaTeX\'s fonts; the training worker bundles TensorFlow.js and what it depends on).',
    'Each is used under its license, reproduced here.',
  ];
  for (const name of names) {
    const dir = join('node_modules', name);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : `${meta.license} (no license file in the package)`;
    parts.push('', `## ${name} ${meta.version} (${meta.license})`, '', '```text', text, '```');
  }
  writeFileSync(file, `${parts.join('\n')}\n`);
}

/** Points each output's './training.worker.ts' at the built worker, and checks where the font list landed. */
function finish(result, dir) {
  const workerFile = join(dir, 'training.worker.js');
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
  if (!pointed) throw new Error(`build: no chunk in ${dir} loads './training.worker.ts'; the worker's URL was not pointed at it`);
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    const hasFonts = Object.keys(meta.inputs).some((i) => FONT_MODULE.test(i));
    if (hasFonts && !file.includes('/chunks/')) {
      throw new Error(`KaTeX's font list landed in ${file}, not in chunks/: its '../fonts/' URLs would miss`);
    }
  }
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  for (const f of readdirSync('node_modules/katex/dist/fonts').filter((f) => f.endsWith('.woff2'))) {
    copyFileSync(join('node_modules/katex/dist/fonts', f), join(dir, 'fonts', f));
  }
}

const common = {
  metafile: true,
  plugins: [katexFontsPlugin, workerStartPlugin],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  chunkNames: 'chunks/[name]-[hash]',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
};

// For bundlers: dependencies stay imports, so a site's bundler dedupes Lit and TensorFlow.js with its own copies.
const npmResult = await build({
  ...common,
  entryPoints: [{ in: 'src/core.ts', out: 'core' }, { in: 'src/tf/index.ts', out: 'tf' }, ...pageEntries],
  outdir,
  sourcemap: true,
  // The maps point at src/ and components/, which the package does not ship: they carry their sources.
  sourcesContent: true,
  external: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {}), 'lit/*', '@lit/*', 'katex/*', '@tensorflow/*'],
});
const npmWorker = await buildWorker(outdir);
finish(npmResult, outdir);
const carried = [npmWorker];

// For a script tag: everything the elements import is inside (Lit's production build), minified.
if (!args.includes('--no-cdn')) {
  const cdn = join(outdir, 'cdn');
  const cdnResult = await build({
    ...common,
    entryPoints: [{ in: 'src/core.ts', out: 'core' }, ...pageEntries],
    outdir: cdn,
    minify: true,
    legalComments: 'eof',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  for (const [file, meta] of Object.entries(cdnResult.metafile.outputs)) {
    const tf = Object.keys(meta.inputs).find((i) => i.includes('node_modules/@tensorflow/'));
    if (tf) throw new Error(`build: ${file} of the CDN build carries TensorFlow.js (${tf}); only the worker may`);
  }
  carried.push(cdnResult, await buildWorker(cdn));
  finish(cdnResult, cdn);
}
writeNotices(join(outdir, 'THIRD_PARTY_NOTICES.md'), bundledPackages(...carried));

if (!args.includes('--no-types')) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(outdir, 'types')], { stdio: 'inherit' });
  // Package exports allow one wildcard, so each element's declarations sit beside its file and point into types/:
  // the element (with its HTMLElementTagNameMap entry), and as types the events (with their event-map entries) and
  // the types of its properties, so that one element's import is enough to type a page that uses it.
  for (const { out } of elementEntries) {
    const tag = out.slice('elements/'.length);
    const lines = [
      `export * from '../types/components/${tag}/${tag}.js';`,
      "export type * from '../types/components/events/index.js';",
      "export type * from '../types/components/types.js';",
    ];
    writeFileSync(join(outdir, `${out}.d.ts`), `${lines.join('\n')}\n`);
  }
}
if (!args.includes('--no-manifest')) {
  execFileSync('node', ['scripts/manifest.mjs', '--dist', outdir], { stdio: 'inherit' });
}
console.log(`built ${pageEntries.length + 2} entry points into ${outdir}/ and ${pageEntries.length + 1} into ${outdir}/cdn/`);
