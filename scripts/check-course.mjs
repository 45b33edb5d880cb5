// Opens every course page (content/) through the same Vite server as `npm start`, in headless Chromium, and fails
// a page on a console error, an uncaught exception, an element tag that never registers, or an axe violation.
// Writes its counts to .tmp/results/course.json for scripts/test.mjs.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './chrome-path.mjs';
import { startViteServer } from './vite-shared.mjs';
import { unregisteredTags } from './page-checks.mjs';

const chrome = findChrome();
if (!chrome) {
  console.error(NO_CHROME_MESSAGE);
  process.exit(1);
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const problems = JSON.parse(readFileSync('content/problems.json', 'utf8'));
const pages = ['index.html', ...problems.map((p) => `${p.slug}.html`)];

const server = await startViteServer({ entries: ['content/**/*.html'] });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');

/** Console errors aside, what is wrong with the page as it stands: unregistered elements and axe violations. */
async function checkPage(page) {
  const found = [];
  const undefinedTags = await unregisteredTags(page);
  for (const t of undefinedTags) found.push(`<${t}> is never registered`);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  found.push(...violations.map((v) => `axe ${v}`));
  return found;
}

const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
let passed = 0;
let failed = 0;
for (const name of pages) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 800 });
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  // Vite may find a dependency late (say, one a worker imports), optimise it and reload the page once: a check
  // cut short by that navigation is run again on the reloaded page.
  for (let attempt = 0; attempt < 3; attempt++) {
    errors.length = 0;
    try {
      if (attempt === 0) await page.goto(`${base}/content/${name}`, { waitUntil: 'networkidle0', timeout: 120000 });
      else await page.waitForNetworkIdle({ idleTime: 500, timeout: 120000 });
      errors.push(...(await checkPage(page)));
      break;
    } catch (e) {
      if (!/Execution context was destroyed|navigat/i.test(String(e)) || attempt === 2) {
        errors.push(String(e));
        break;
      }
    }
  }
  await page.close();
  if (errors.length) {
    failed++;
    console.log(`  ✗ content/${name}\n      ${errors.slice(0, 5).join('\n      ')}`);
  } else {
    passed++;
    console.log(`  ✓ content/${name}`);
  }
}
await browser.close();
await server.close();
mkdirSync('.tmp/results', { recursive: true });
writeFileSync('.tmp/results/course.json', JSON.stringify({ passed, failed, skipped: 0 }));
console.log(`course pages: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
