// Browser tests: real headless Chromium (the machine's own), with WebGPU and WebGL on SwiftShader.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { mkdirSync, writeFileSync, createReadStream, existsSync, statSync } from 'node:fs';
import { resolve, normalize } from 'node:path';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './scripts/chrome-path.mjs';
import { TF_PACKAGES, bundleName } from './scripts/bundle-tf.mjs';
import { httpFaultsMiddleware } from './tests/browser/http-faults.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_CHROME_MESSAGE);
  process.exit(1);
}

/** Maps TensorFlow.js's bare imports to the pre-bundled files (scripts/bundle-tf.mjs says why). */
const tfBundlePlugin = {
  name: 'tf-bundle',
  resolveImport({ source }) {
    if (TF_PACKAGES.includes(source)) return `/.cache/tf/${bundleName(source)}`;
    return undefined;
  },
};

/**
 * Serves the real CIFAR-10 files from ../shared/data (beside the checkout, here and in CI) at /shared-data/,
 * so browser tests load them over HTTP as a course page would.
 */
const SHARED_DATA = resolve('..', 'shared', 'data');
async function sharedDataMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/shared-data/')) return next();
  const file = normalize(resolve(SHARED_DATA, '.' + ctx.path.slice('/shared-data'.length)));
  if (!file.startsWith(SHARED_DATA) || !existsSync(file) || !statSync(file).isFile()) {
    ctx.status = 404;
    return;
  }
  ctx.type = 'application/octet-stream';
  ctx.length = statSync(file).size;
  ctx.body = createReadStream(file);
}

/** Counts results for scripts/test.mjs, which prints one total for the Node and browser runs together. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load, or errored outside a test, counts as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed++;
      }
      mkdirSync('.tmp/results', { recursive: true });
      writeFileSync('.tmp/results/browser.json', JSON.stringify({ passed, failed, skipped }));
    },
  };
}

const files = process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['tests/browser/**/*.test.ts', 'components/**/*.test.ts'];

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  // Emulated GPU work takes both cores: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 15 * 60 * 1000,
  testFramework: { config: { timeout: 120000 } },
  browserStartTimeout: 60000,
  middleware: [sharedDataMiddleware, httpFaultsMiddleware],
  plugins: [tfBundlePlugin, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    }),
  ],
  reporters: [defaultReporter(), countingReporter()],
};
