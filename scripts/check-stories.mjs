// Opens every story of the static Storybook build in headless Chromium and fails on a console error, an uncaught
// exception, a story that does not render, or text that fails axe's contrast rule on a light page or a dark one
// (the elements follow the page's color-scheme). Writes its counts to .tmp/results/stories.json for
// scripts/test.mjs.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdirSync, writeFileSync, createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './chrome-path.mjs';
import { unregisteredTags } from './page-checks.mjs';

const ROOT = resolve(process.env.STORYBOOK_DIR ?? 'storybook-static');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png' };
const STORY_TIMEOUT = Number(process.env.STORY_TIMEOUT_MS ?? 60000);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Each element's manifest entry by tag: its docs page must show what the manifest says. */
const manifest = JSON.parse(readFileSync('.cache/custom-elements.json', 'utf8'));
const declared = new Map(manifest.modules.flatMap((m) => m.declarations).filter((d) => d.tagName).map((d) => [d.tagName, d]));

/** What a docs page lacks of its element's manifest entry: the description, and a row per attribute. */
async function docsProblems(page, story) {
  const d = declared.get(story.title.split('/').pop());
  if (!d) return [];
  const found = [];
  const opening = d.description.replace(/`/g, '').replace(/\s+/g, ' ').slice(0, 60);
  // The docs blocks render after the page reports itself shown.
  await page
    .waitForFunction((o) => document.body.innerText.replace(/\s+/g, ' ').includes(o) && document.querySelector('table'), { timeout: STORY_TIMEOUT }, opening)
    .catch(() => undefined);
  const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
  if (!text.includes(opening)) found.push(`docs of <${d.tagName}> do not show its description ("${opening}…")`);
  const missing = (d.attributes ?? []).map((a) => a.name).filter((n) => !text.includes(n));
  if (missing.length) found.push(`docs of <${d.tagName}> do not list ${missing.join(', ')}`);
  return found;
}

/** axe's colour-contrast rule on the story as shown, then again with the page dark; one line per failing node. */
async function contrastProblems(page) {
  await page.addScriptTag({ path: axePath });
  const found = [];
  for (const scheme of ['light', 'dark']) {
    const nodes = await page.evaluate(async (scheme) => {
      const root = document.documentElement;
      root.style.colorScheme = scheme;
      document.body.style.background = scheme === 'dark' ? '#121212' : '#fff';
      document.body.style.color = scheme === 'dark' ? '#e8e8ec' : '#1b1b1f';
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const result = await window.axe.run(document.querySelector('#storybook-root') ?? document, {
        runOnly: ['color-contrast'],
        resultTypes: ['violations'],
      });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? v.help}`));
    }, scheme);
    found.push(...nodes.slice(0, 3).map((n) => `contrast (${scheme}): ${n}`));
  }
  return found;
}

const chrome = findChrome();
if (!chrome) {
  console.error(NO_CHROME_MESSAGE);
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
// Docs pages (MDX and autodocs) are checked too: they render every story of an element at once.
// STORY_FILTER=nn-math checks only the stories whose id contains it.
const stories = Object.values(index.entries).filter(
  (e) => (e.type === 'story' || e.type === 'docs') && (!process.env.STORY_FILTER || e.id.includes(process.env.STORY_FILTER)),
);

const server = createServer((req, res) => {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
  // Chromium asks for a favicon that Storybook's build does not have; its 404 is not the story's error.
  if (path === '/favicon.ico') {
    res.statusCode = 204;
    res.end();
    return;
  }
  let file = normalize(join(ROOT, path));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(ROOT) || !existsSync(file)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
let passed = 0;
let failed = 0;
for (const story of stories) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=${story.type}`, { waitUntil: 'load' });
    // Storybook marks the body once the story has rendered (sb-show-main) or failed (sb-show-errordisplay).
    await page.waitForFunction(
      () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      { timeout: STORY_TIMEOUT },
    );
    const shownError = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')
      ? document.querySelector('#error-message')?.textContent ?? 'story error' : null);
    if (shownError) errors.push(shownError);
    const unregistered = await unregisteredTags(page);
    for (const t of unregistered) errors.push(`<${t}> is never registered`);
    // Give elements a moment to finish their first async work (fonts, workers) and report errors.
    await new Promise((r) => setTimeout(r, 300));
    if (story.type === 'story' && !shownError) errors.push(...(await contrastProblems(page)));
    if (story.type === 'docs' && !shownError) errors.push(...(await docsProblems(page, story)));
  } catch (e) {
    errors.push(String(e));
  }
  await page.close();
  if (errors.length) {
    failed++;
    console.log(`  ✗ ${story.title} › ${story.name}\n      ${errors.slice(0, 3).join('\n      ')}`);
  } else {
    passed++;
    console.log(`  ✓ ${story.title} › ${story.name}`);
  }
}
await browser.close();
server.close();
mkdirSync('.tmp/results', { recursive: true });
writeFileSync('.tmp/results/stories.json', JSON.stringify({ passed, failed, skipped: 0 }));
console.log(`stories: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
