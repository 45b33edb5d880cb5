// The package a maintainer would publish: what `npm pack` puts in the tarball, and what package.json promises.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensurePacked, PACKAGE_DIR } from './packed.js';

interface PackedFile {
  path: string;
  size: number;
}
let files: PackedFile[] = [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

before(() => {
  ensurePacked();
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  files = (JSON.parse(out) as { files: PackedFile[] }[])[0].files;
});

test('the tarball has a LICENSE, the third-party notices, a README and a changelog', () => {
  const paths = new Set(files.map((f) => f.path));
  for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'dist/THIRD_PARTY_NOTICES.md']) {
    assert.ok(paths.has(f), `${f} is not in the tarball`);
  }
  const notices = readFileSync(join(PACKAGE_DIR, 'dist/THIRD_PARTY_NOTICES.md'), 'utf8');
  // The CDN build bundles Lit and KaTeX; the worker bundles TensorFlow.js.
  for (const name of ['katex', 'lit-html', '@lit/reactive-element', '@lit/context', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-webgpu']) {
    assert.match(notices, new RegExp(`^## ${name.replace(/[/@.]/g, '\\$&')} `, 'm'), `no notice for ${name}`);
  }
});

test('no source map over 1 MB, and nothing from test folders, stories or test helpers', () => {
  const bigMaps = files.filter((f) => f.path.endsWith('.map') && f.size > 1_000_000).map((f) => `${f.path} (${f.size} B)`);
  assert.deepEqual(bigMaps, []);
  const testish = files
    .map((f) => f.path)
    .filter(
      (p) =>
        /(^|\/)(tests?|__tests__|__snapshots__|fixtures|stories)\//.test(p) ||
        /\.(test|spec|stories|bench)\.(d\.ts|[cm]?[jt]s)$/.test(p) ||
        /(^|\/)(harness|snapshot|contract)\.d\.ts$/.test(p),
    );
  assert.deepEqual(testish, []);
});

test('every export in package.json points at a file in the tarball', () => {
  const paths = new Set(files.map((f) => f.path));
  const targets: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') targets.push(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements', 'web-types']) walk(pkg[field]);
  for (const t of targets) {
    if (t.includes('*')) {
      const prefix = t.slice(0, t.indexOf('*'));
      assert.ok([...paths].some((p) => p.startsWith(prefix)), `nothing packed matches ${t}`);
    } else assert.ok(paths.has(t), `${t} is exported but not packed`);
  }
  // Every element's entry has its declarations beside it.
  for (const f of readdirSync(join(PACKAGE_DIR, 'dist/elements')).filter((f) => f.endsWith('.js'))) {
    assert.ok(paths.has(`dist/elements/${f.replace(/\.js$/, '.d.ts')}`), `no declarations for dist/elements/${f}`);
  }
});

test('package.json: metadata, every dependency used, TensorFlow.js an optional peer', () => {
  for (const field of ['description', 'license', 'repository', 'homepage', 'keywords']) assert.ok(pkg[field], `package.json has no ${field}`);
  assert.ok(!('@lit/task' in pkg.dependencies));
  for (const name of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu']) {
    assert.ok(!(name in pkg.dependencies), `${name} is a dependency`);
    assert.ok(name in pkg.peerDependencies);
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true);
  }
  const dist = join(PACKAGE_DIR, 'dist');
  const code = [...readdirSync(dist), ...readdirSync(join(dist, 'chunks')).map((f) => `chunks/${f}`)]
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
  for (const dep of Object.keys(pkg.dependencies)) {
    const imported = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)["']${dep}(/[^"']*)?["']`).test(code);
    assert.ok(imported, `${dep} is a dependency that dist/ never imports`);
  }
});

/** Every module `entry` loads, statically or lazily, and every bare specifier among them. */
function importGraph(entry: string): { files: Set<string>; bare: Set<string> } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    // Static, side-effect and lazy imports alike; the specifier pattern keeps out strings in minified code.
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']((?:\.{1,2}\/|@|[a-z])[\w@./-]*)["']/g)) {
      const spec = m[1];
      if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec));
      else bare.add(spec);
    }
  }
  return { files, bare };
}

test('a site that uses no TensorFlow.js lab does not need TensorFlow.js installed: no element refers to it', () => {
  const dist = join(PACKAGE_DIR, 'dist');
  for (const entry of ['index.js', 'config.js', ...readdirSync(join(dist, 'elements')).filter((f) => f.endsWith('.js')).map((f) => `elements/${f}`)]) {
    const { bare } = importGraph(join(dist, entry));
    const tf = [...bare].filter((s) => s.startsWith('@tensorflow/'));
    assert.deepEqual(tf, [], `dist/${entry} reaches ${tf.join(', ')}`);
  }
  // The CDN build imports nothing bare at all, and carries no TensorFlow.js outside the worker.
  const { bare, files: cdnFiles } = importGraph(join(dist, 'cdn/index.js'));
  assert.deepEqual([...bare], []);
  for (const f of cdnFiles) assert.doesNotMatch(readFileSync(f, 'utf8'), /tfjs-core|registerKernel\(/, f);
  assert.ok(existsSync(join(dist, 'cdn/training.worker.js')));
  assert.ok(existsSync(join(dist, 'cdn/fonts/KaTeX_Main-Regular.woff2')));
});
