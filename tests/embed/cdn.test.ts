// The README's snippet as a course site uses it: the packed package served by a CDN-like server on one origin
// (with CORS, resolving the bare package URL through package.json's `unpkg` field, as unpkg does), and a plain
// HTML page on another origin holding only the snippet (its URL pointed at that server) and three elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome-path.mjs';
import { ensurePacked, PACKAGE_DIR } from './packed.js';
import { serve, watchErrors, type Served } from './serve.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const SNIPPET = readFileSync('README.md', 'utf8').match(/<script type="module" src="https:\/\/unpkg\.com\/nn-mathlets"><\/script>\n<nn-mathlet><\/nn-mathlet>/)?.[0];

let cdn: Served;
let site: Served;
let browser: Browser;

before(async () => {
  ensurePacked();
  const versioned = `/${pkg.name}@${pkg.version}`;
  cdn = await serve({
    mounts: { [`${versioned}/`]: PACKAGE_DIR },
    redirects: { [`/${pkg.name}`]: `${versioned}/${pkg.unpkg}` },
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  assert.ok(SNIPPET, "the README's snippet is not where this test looks for it");
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title></head>
<body>
${SNIPPET.replace('https://unpkg.com', cdn.origin)}
<nn-trainer preset="vanishing-fixed" epochs="3"></nn-trainer>
<nn-cifar src="/data/cifar10_tiny_100.bin" subset="20" epochs="1" batch-size="10" grid-size="4" backend="cpu"></nn-cifar>
</body></html>`;
  // The same page with the worker pointed at a copy on the site's own origin by the documented <meta> tag.
  const own = page
    .replace('<head>', '<head><meta name="nn-mathlets:worker-url" content="/own/training.worker.js">')
    .replace('</body>', '<nn-transfer src="/data/cifar10_tiny_100.bin" subset="20" backend="cpu"></nn-transfer>\n</body>');
  site = await serve({
    mounts: { '/data/': resolve('..', 'shared', 'data', 'cifar10'), '/own/': resolve(PACKAGE_DIR, 'dist/cdn') },
    pages: { '/': page, '/own-worker.html': own, '/favicon.ico': '' },
  });
  browser = await puppeteer.launch({ executablePath: findChrome()!, headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await site?.close();
});

test("the README's snippet from another origin: the mathlet with KaTeX's fonts, a lab that trains, a worker that starts", async () => {
  assert.notEqual(new URL(cdn.origin).origin, new URL(site.origin).origin);
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.origin}/`, { waitUntil: 'load' });
  const defined = await page.evaluate(async () => {
    await Promise.all(['nn-mathlet', 'nn-trainer', 'nn-cifar'].map((t) => customElements.whenDefined(t)));
    const m = document.querySelector('nn-mathlet')!;
    await (m as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return { mathletHeight: m.getBoundingClientRect().height, scripts: [...document.scripts].map((s) => s.src) };
  });
  assert.ok(defined.mathletHeight > 100, `<nn-mathlet> is ${defined.mathletHeight}px high`);

  // KaTeX arrives when the first formula is typeset (a parameter is picked, as a student does by focusing its
  // slider); its fonts come from the CDN, cross-origin, with CORS.
  await page.evaluate(() => {
    (document.querySelector('nn-mathlet') as unknown as { selected: string }).selected = 'W1.0.0';
  });
  await page.waitForFunction(
    () => {
      const m = document.querySelector('nn-mathlet')!.shadowRoot!;
      return [...m.querySelectorAll('nn-math')].some((n) => n.shadowRoot?.querySelector('.katex'));
    },
    { timeout: 60_000 },
  );
  const fonts = await page.evaluate(async () => {
    await document.fonts.load('16px KaTeX_Main');
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'KaTeX_Main').map((f) => f.status);
  });
  assert.ok(fonts.includes('loaded'), `KaTeX_Main: ${fonts.join(', ')}`);

  const trained = await page.evaluate(async () => {
    const t = document.querySelector('nn-trainer') as unknown as { train(): Promise<{ epochs: number }> };
    const run = await t.train();
    return run.epochs;
  });
  assert.equal(trained, 3);

  // The worker file sits on the CDN: it starts through the module wrapper and loads the page's data.
  const loaded = await page.evaluate(async () => {
    const c = document.querySelector('nn-cifar') as unknown as { loadData(): Promise<boolean> };
    return c.loadData();
  });
  assert.equal(loaded, true);
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});

test('a <meta name="nn-mathlets:worker-url"> points the labs at a worker the site hosts itself', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const workers: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('training.worker.js')) workers.push(r.url());
  });
  await page.goto(`${site.origin}/own-worker.html`, { waitUntil: 'load' });
  // Each lab starts its own worker, from the site's copy.
  const loaded = await page.evaluate(async () => {
    await Promise.all(['nn-cifar', 'nn-transfer'].map((t) => customElements.whenDefined(t)));
    const labs = [...document.querySelectorAll('nn-cifar, nn-transfer')] as unknown as Array<{ loadData(): Promise<boolean> }>;
    return Promise.all(labs.map((l) => l.loadData()));
  });
  assert.deepEqual(loaded, [true, true]);
  assert.deepEqual(workers, [`${site.origin}/own/training.worker.js`, `${site.origin}/own/training.worker.js`]);
  assert.deepEqual(errors, [], errors.join('\n'));
  await page.close();
});
