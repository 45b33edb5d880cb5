// `npm test` without a browser must stop at once with one line saying how to get one — no hang, no stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('npm test without Chromium prints one line on how to install it and exits non-zero', () => {
  const r = spawnSync(process.execPath, ['scripts/test.mjs'], {
    env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' },
    encoding: 'utf8',
    timeout: 20000,
  });
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /apt-get install chromium/);
  assert.match(lines[0], /CHROME_PATH=\/nonexistent\/chromium/);
  assert.equal(r.stdout.trim(), '');
});

test('the test runner config refuses to start without Chromium, with the same line', () => {
  const r = spawnSync(process.execPath, ['-e', "import('./web-dev-test-runner.config.mjs')"], {
    env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' },
    encoding: 'utf8',
    timeout: 20000,
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr.trim(), /^CHROME_PATH=\/nonexistent\/chromium does not exist.*apt-get install chromium/);
});
