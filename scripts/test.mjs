// `npm test`: every test, in order — type check, the engine's tests in Node, the Storybook build and a render
// check of every story, every course page in the browser, the packed package embedded in pages (a CDN, a strict
// CSP, the examples), then the browser tests in headless Chromium — and one closing line with the totals.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, NO_CHROME_MESSAGE } from './chrome-path.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(NO_CHROME_MESSAGE);
  process.exit(1);
}
process.env.CHROME_PATH = chrome;

rmSync('.tmp/results', { recursive: true, force: true });
mkdirSync('.tmp/results', { recursive: true });

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function listTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTests(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

/** Passed, failed and skipped counts from a node:test TAP file. */
function tapCounts(file) {
  const tap = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const num = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skip') };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];
const only = process.env.NN_TEST_ONLY?.split(',');
const want = (stage) => !only || only.includes(stage);

function record(stage, code, counts) {
  const c = counts ?? (code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });
  // A stage that exits non-zero with every counted test passed (a crash, a reporter error) still counts as failed.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped ?? 0;
  stages.push(`${stage}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}

if (want('typecheck')) {
  console.log('\n== Type check (tsc --noEmit)');
  record('typecheck', await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
}

if (want('node')) {
  console.log('\n== Engine tests in Node');
  const files = listTests('tests/node', '.test.ts');
  const code = await run('node', [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', '--test-reporter-destination=.tmp/results/node.tap',
    ...files,
  ]);
  record('node', code, tapCounts('.tmp/results/node.tap'));
}

if (want('stories')) {
  console.log('\n== Storybook: static build and a render check of every story');
  const manifest = await run('node', ['scripts/manifest.mjs']);
  const built = manifest !== 0 ? manifest : await run('npx', ['storybook', 'build', '-o', 'storybook-static', '--quiet', '--disable-telemetry'], {
    STORYBOOK_DISABLE_TELEMETRY: '1',
  });
  if (built !== 0) record('storybook build', built);
  else {
    const code = await run('node', ['scripts/check-stories.mjs']);
    const counts = existsSync('.tmp/results/stories.json') ? JSON.parse(readFileSync('.tmp/results/stories.json', 'utf8')) : undefined;
    record('stories', code, counts);
  }
}

if (want('course')) {
  console.log('\n== Course pages: each page of content/ in headless Chromium (console errors, elements, axe)');
  const code = await run('node', ['scripts/check-course.mjs']);
  const counts = existsSync('.tmp/results/course.json') ? JSON.parse(readFileSync('.tmp/results/course.json', 'utf8')) : undefined;
  record('course', code, counts);
}

if (want('embed')) {
  console.log('\n== The packed package in pages: contents, manifest, a CDN, a strict CSP, the examples');
  // Built and packed once here; each test file reads the same tarball.
  const packed = await run('node', ['--import', 'tsx', 'tests/embed/packed.ts']);
  if (packed !== 0) record('embed', packed);
  else {
    const code = await run('node', [
      '--import', 'tsx',
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', '--test-reporter-destination=.tmp/results/embed.tap',
      ...listTests('tests/embed', '.test.ts'),
    ]);
    record('embed', code, tapCounts('.tmp/results/embed.tap'));
  }
}

if (want('browser')) {
  console.log('\n== Browser tests in headless Chromium');
  const bundled = await run('node', ['scripts/bundle-tf.mjs']);
  const code =
    bundled === 0 ? await run('npx', ['web-test-runner', '--config', 'web-dev-test-runner.config.mjs']) : bundled;
  const counts = existsSync('.tmp/results/browser.json')
    ? JSON.parse(readFileSync('.tmp/results/browser.json', 'utf8'))
    : undefined;
  record('browser', code, counts);
}

console.log('\n' + stages.join('\n'));
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
