// `npm run build` writes dist/ with the public surface DESIGN.md lists; dist/core.js stays free of the DOM,
// Lit and TensorFlow.js, so it runs in Node and workers.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const OUT = '.tmp/dist-test';

before(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', OUT, '--no-types', '--no-manifest', '--no-cdn'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
});

test('dist/core.js imports nothing: no Lit, no TensorFlow.js, no DOM', () => {
  const core = readFileSync(`${OUT}/core.js`, 'utf8');
  assert.doesNotMatch(core, /from\s*["'](lit|@lit|@tensorflow|katex)/);
  assert.doesNotMatch(core, /\bdocument\.|customElements\./);
  // Shared chunks it imports must be clean too.
  for (const m of core.matchAll(/from\s*["'](\.\/chunks\/[^"']+)["']/g)) {
    const chunk = readFileSync(resolve(OUT, m[1]), 'utf8');
    assert.doesNotMatch(chunk, /from\s*["'](lit|@lit|@tensorflow|katex)/, m[1]);
  }
});

test('nn-mathlets/core exports the surface DESIGN.md lists', async () => {
  const core = await import(pathToFileURL(resolve(OUT, 'core.js')).href);
  const names = [
    'RandomState', 'makeCircles', 'makeMoons', 'makeBlobs', 'MinMaxScaler', 'trainTestSplit',
    'semicircleTask', 'SEMICIRCLE_BEST', 'parseCifar10', 'CIFAR10_CLASSES',
    'sequential', 'Sequential', 'dense', 'compile', 'fit', 'evaluate', 'predict',
    'trace', 'gradients', 'inputGradient', 'chainRulePaths', 'deadUnits', 'layerGradientNorms',
  ];
  const missing = names.filter((n) => !(n in core));
  assert.deepEqual(missing, [], `missing from dist/core.js: ${missing.join(', ')}`);
  const rs = new core.RandomState(0);
  assert.equal(rs.randint(0, 10, 5).length, 5);
});

test('every element has its own entry point in dist/elements/', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.exports['./elements/*'], './dist/elements/*.js');
  assert.equal(pkg.exports['./core'].default, './dist/core.js');
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.ok(existsSync(`${OUT}/index.js`));
  assert.ok(existsSync(`${OUT}/tf.js`));
});
