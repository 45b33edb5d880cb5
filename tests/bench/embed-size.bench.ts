/**
 * Each element's initial JavaScript in a consumer's production build: a site that imports
 * `nn-mathlets/elements/<tag>` alone, bundled by esbuild as a site's bundler would (minified, code-split, Lit's
 * production build), counting the entry and every chunk it imports statically — what the page loads before the
 * element can render — minified and gzipped. What loads later (KaTeX at the first formula, the small engine's
 * WebAssembly kernels after the first paint, the training worker with TensorFlow.js at the first training) is shown
 * beside it. Sizes, not times: the machine does not matter.
 */
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './types.js';

const DIST = resolve('.tmp/bench-size/dist');
const OUT = resolve('.tmp/bench-size/out');

const kb = (n: number) => n / 1024;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The outputs a page loads first: the entry and, transitively, what it imports statically. */
function initialClosure(meta: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const i of meta.outputs[f].imports) if (i.kind === 'import-statement' && meta.outputs[i.path]) stack.push(i.path);
  }
  return seen;
}

export default async function embedSizeBench(): Promise<BenchRow[]> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', DIST, '--no-types', '--no-manifest'], { stdio: 'ignore' });
  const tags = readdirSync(join(DIST, 'elements')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
  const rows: BenchRow[] = [];
  for (const tag of tags) {
    rmSync(OUT, { recursive: true, force: true });
    const result = await build({
      entryPoints: { page: join(DIST, 'elements', `${tag}.js`) },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      conditions: ['production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir: OUT,
      metafile: true,
      logLevel: 'error',
    });
    const meta = result.metafile;
    const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o].entryPoint)!;
    const initial = initialClosure(meta, entry);
    const js = Object.keys(meta.outputs).filter((o) => o.endsWith('.js'));
    const sum = (files: string[], f: (file: string) => number) => files.reduce((a, file) => a + f(file), 0);
    const first = [...initial];
    const later = js.filter((f) => !initial.has(f));
    const tfInitial = first.some((f) => Object.keys(meta.outputs[f].inputs).some((i) => i.includes('@tensorflow')));
    const laterHas = (part: string) => later.some((f) => Object.keys(meta.outputs[f].inputs).some((i) => i.includes(part)));
    const laterWhat = [
      laterHas('node_modules/katex') ? 'KaTeX at the first formula' : '',
      laterHas('kernels-wasm') ? 'the WebAssembly kernels after the first paint' : '',
    ].filter(Boolean);
    const usesWorker = first.some((f) => readFileSync(f, 'utf8').includes('training.worker.js'));
    const notes = [
      `${kb(sum(first, (f) => statSync(f).size)).toFixed(1)} KB minified`,
      later.length ? `later: ${kb(sum(later, gz)).toFixed(1)} KB gz${laterWhat.length ? ` (${laterWhat.join('; ')})` : ''}` : '',
      usesWorker ? `training worker on first training: ${kb(gz(join(DIST, 'training.worker.js'))).toFixed(0)} KB gz with TensorFlow.js` : '',
      tfInitial ? 'TensorFlow.js IN THE INITIAL JS' : 'no TensorFlow.js',
    ].filter(Boolean);
    rows.push({
      name: `<${tag}> initial JS (consumer build, gzip)`,
      value: kb(sum(first, gz)),
      unit: 'KB gz',
      target: tag === 'nn-mathlet' ? '≤ 60 KB gz, no TF.js' : 'no TF.js',
      note: notes.join('; '),
    });
  }
  // The CDN build as a plain page loads it: the element's file and the chunks it imports, as served.
  const cdn = join(DIST, 'cdn');
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.[^"']+)["']/g)) closure(resolve(file, '..', m[1]), seen);
    return seen;
  };
  const cdnFiles = [...closure(join(cdn, 'elements', 'nn-mathlet.js'))];
  rows.push({
    name: '<nn-mathlet> from the CDN build (files a plain page loads first, gzip)',
    value: kb(cdnFiles.reduce((a, f) => a + gz(f), 0)),
    unit: 'KB gz',
    note: `${cdnFiles.length} files, Lit included`,
  });
  return rows;
}
