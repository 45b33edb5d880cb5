// The examples in examples/ as their users would run them: one shared install from the npm registry, the
// packed nn-mathlets installed from its tarball, each site built (the React one type-checked, strict, with the
// package's generated JSX typings and no declarations of its own) and opened in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome-path.mjs';
import { ensurePacked, TARBALL } from './packed.js';
import { serve, watchErrors, type Served } from './serve.js';

// Outside the checkout: inside it, module resolution would walk up into the checkout's own node_modules and find
// what the examples' install lacks. One folder per checkout, kept between runs for the registry install.
const WORK = join(tmpdir(), `nn-mathlets-examples-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}`);
let browser: Browser;

/** Runs a command in the examples' folder; its output comes with the error when it fails. */
function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: WORK, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

before(() => {
  ensurePacked();
  cpSync('examples', WORK, { recursive: true, filter: (src) => !/node_modules|_site|[/\\]dist$/.test(src) });
  // The registry install is kept between runs while the lockfile is unchanged; the package is installed anew.
  const lock = createHash('sha256').update(readFileSync('examples/package-lock.json')).digest('hex');
  const stamp = join(WORK, 'node_modules', '.lock-hash');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    run('npm', ['ci', '--no-audit', '--no-fund']);
    writeFileSync(stamp, lock);
  }
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', TARBALL]);
});

before(async () => {
  browser = await puppeteer.launch({ executablePath: findChrome()!, headless: true, args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
});

/** Opens `url`, waits for `tags` to be defined and rendered; returns the page and the errors it reports. */
async function open(url: string, tags: string[]): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(url, { waitUntil: 'load' });
  const heights = await page.evaluate(async (tags: string[]) => {
    await Promise.all(tags.map((t) => customElements.whenDefined(t)));
    return Promise.all(
      tags.map(async (t) => {
        const el = document.querySelector(t) as HTMLElement & { updateComplete: Promise<unknown> };
        await el.updateComplete;
        return el.getBoundingClientRect().height;
      }),
    );
  }, tags);
  tags.forEach((t, i) => assert.ok(heights[i] > 0, `<${t}> is not rendered`));
  return { page, errors };
}

async function withSite(site: Parameters<typeof serve>[0], check: (origin: string) => Promise<void>): Promise<void> {
  const served: Served = await serve({ ...site, pages: { '/favicon.ico': '', ...site.pages } });
  try {
    await check(served.origin);
  } finally {
    await served.close();
  }
}

test('plain HTML: the snippet, nothing built, with the package served by the site', async () => {
  const page = readFileSync(join(WORK, 'plain-html/index.html'), 'utf8').replace(
    'https://unpkg.com/nn-mathlets',
    '/vendor/nn-mathlets/dist/cdn/index.js',
  );
  assert.ok(page.includes('/vendor/nn-mathlets/'), 'the example no longer holds the README snippet');
  await withSite({ mounts: { '/vendor/nn-mathlets/': join(WORK, 'node_modules/nn-mathlets') }, pages: { '/': page } }, async (origin) => {
    const { page: p, errors } = await open(`${origin}/`, ['nn-mathlet', 'nn-trainer']);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(errors, [], errors.join('\n'));
    await p.close();
  });
});

test('React 19 + strict TypeScript: type-checks with the generated typings, builds, and the events and train() work', async () => {
  run('npx', ['tsc', '--noEmit', '-p', 'react']);
  run('npx', ['vite', 'build', 'react', '--logLevel', 'warn']);
  // The site's bundler copied the training worker (TensorFlow.js inside) as an asset; nothing else carries TF.js.
  const assets = readdirSync(join(WORK, 'react/dist/assets'));
  const worker = assets.find((f) => /^training\.worker.*\.js$/.test(f));
  assert.ok(worker, `no training worker among ${assets.join(', ')}`);
  for (const f of assets.filter((f) => f.endsWith('.js') && f !== worker)) {
    assert.doesNotMatch(readFileSync(join(WORK, 'react/dist/assets', f), 'utf8'), /registerKernel\(|tfjs-core/, f);
  }
  const data = join(process.cwd(), '..', 'shared', 'data', 'cifar10');
  await withSite({ mounts: { '/': join(WORK, 'react/dist'), '/data/': data }, pages: {} }, async (origin) => {
    const { page, errors } = await open(`${origin}/index.html`, ['nn-mathlet', 'nn-trainer', 'nn-cifar']);
    const loaded = await page.evaluate(() => (document.querySelector('nn-cifar') as unknown as { loadData(): Promise<boolean> }).loadData());
    assert.equal(loaded, true, 'the worker from the bundled asset loaded the data');
    // A slider moved from the keyboard: the mathlet's nn-param-change reaches React's `onnn-param-change`.
    await page.evaluate(() => {
      const network = document.querySelector('nn-mathlet')!.shadowRoot!.querySelector('nn-network')!;
      network.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!.focus();
    });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /^W1\.0\.0 = /.test(document.querySelector('#moved')!.textContent ?? ''), { timeout: 30_000 });
    await page.click('button');
    await page.waitForFunction(() => document.querySelector('#called')!.textContent!.includes('after 5 epochs'), { timeout: 120_000 });
    const status = await page.$eval('#status', (e) => e.textContent);
    assert.match(status ?? '', /^Test accuracy 0\.\d{3} after 5 epochs\.$/);
    assert.deepEqual(errors, [], errors.join('\n'));
    await page.close();
  });
});

test('Markdown (Eleventy): the elements written in the pages, the CDN build copied to the site', async () => {
  run('npx', ['eleventy', '--config=markdown/eleventy.config.js', '--quiet']);
  assert.ok(existsSync(join(WORK, 'markdown/_site/nn-mathlets/training.worker.js')));
  await withSite({ mounts: { '/': join(WORK, 'markdown/_site') }, pages: {} }, async (origin) => {
    const { page, errors } = await open(`${origin}/index.html`, ['nn-schedule', 'nn-activations', 'nn-math', 'nn-mathlet']);
    const typeset = await page.evaluate(() => document.querySelector('nn-math')!.shadowRoot!.querySelector('.mfrac') !== null);
    assert.equal(typeset, true);
    assert.deepEqual(errors, [], errors.join('\n'));
    await page.close();
  });
});
