// `npm run build`: writes dist/ — core.js (the engine, no DOM, no TensorFlow.js), tf.js (the TensorFlow.js side),
// index.js (registers every element), elements/<tag>.js (one element each), type declarations and
// custom-elements.json. Shared code goes to chunks, so importing two entry points never loads the engine twice.
//   node scripts/build.mjs [--outdir DIR] [--no-types] [--no-manifest]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

await build({
  entryPoints,
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
