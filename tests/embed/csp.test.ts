// A course page under the strictest policy that still allows the package: scripts from the page's own origin
// only, no inline styles, Trusted Types enforced (the worker's script included: every response carries the
// policy). Every element renders, and the labs train (the small engine in the page, TensorFlow.js in the worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome-path.mjs';
import { ensurePacked, PACKAGE_DIR } from './packed.js';
import { serve, watchErrors, type Served } from './serve.js';

/** The directives the README tells a site to send; 'wasm-unsafe-eval' is optional (see the second test). */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types nn-mathlets lit-html',
].join('; ');

/** Every element folder: components/<tag>/ with <tag>.component.ts (an element added later is on the page too). */
const TAGS = readdirSync('components')
  .filter((d) => d.startsWith('nn-') && existsSync(join('components', d, `${d}.component.ts`)))
  .sort();

/** The markup of the elements that need more than their defaults here; every other element appears bare. */
const MARKUP: Record<string, string> = {
  'nn-mathlet': '<nn-mathlet selected="W1.0.0"></nn-mathlet>',
  'nn-boundary': '<nn-boundary point="0.3,0.4"></nn-boundary>',
  'nn-math': '<p>Inline: <nn-math tex="\\frac{\\partial p}{\\partial w}"></nn-math></p>',
  'nn-trainer': '<nn-trainer preset="vanishing-fixed" epochs="2"></nn-trainer>',
  'nn-lr-sweep':
    '<nn-lr-sweep src="/data/cifar10_tiny_100.bin" rates="1e-3,1e-2" subset="20" batch-size="10" steps="2" backend="cpu"></nn-lr-sweep>',
  // The fast CPU path compiles WebAssembly in the worker: allowed by 'wasm-unsafe-eval' in the worker's own policy.
  'nn-cifar':
    '<nn-cifar src="/data/cifar10_tiny_100.bin" subset="20" epochs="1" batch-size="10" grid-size="4" backend="wasm-simd"></nn-cifar>',
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A strict course page</title>
<script type="module" src="/nn/index.js"></script>
</head><body>
${TAGS.map((t) => MARKUP[t] ?? `<${t}></${t}>`).join('\n')}
</body></html>`;

/** A conv net small enough for the CPU backend. */
const TINY_NET = {
  inputShape: [32, 32, 3],
  seed: 3,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 4 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

let browser: Browser;
before(async () => {
  ensurePacked();
  browser = await puppeteer.launch({ executablePath: findChrome()!, headless: true, args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
});

async function strictSite(csp: string): Promise<Served> {
  return serve({
    mounts: { '/nn/': resolve(PACKAGE_DIR, 'dist/cdn'), '/data/': resolve('..', 'shared', 'data', 'cifar10') },
    pages: { '/': PAGE, '/favicon.ico': '' },
    headers: { 'Content-Security-Policy': csp },
  });
}

/** Opens the page, records every CSP violation from the start, and waits for every element to render. */
async function open(site: Served) {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  // Runs before the page's own scripts and outside its policy, so that nothing refused goes unseen.
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(`${site.origin}/`, { waitUntil: 'load' });
  const sizes = await page.evaluate(async (tags: string[]) => {
    await Promise.all(tags.map((t) => customElements.whenDefined(t)));
    const out: Record<string, string> = {};
    for (const t of tags) {
      const el = document.querySelector(t) as HTMLElement & { updateComplete: Promise<unknown> };
      await el.updateComplete;
      const r = el.getBoundingClientRect();
      out[t] = `${Math.round(r.width)}x${Math.round(r.height)} ${el.shadowRoot?.childElementCount ?? 0}`;
    }
    return out;
  }, TAGS);
  return { page, errors, sizes };
}

/**
 * The small engine's kernels on the page (the elements' own copy: the CDN build's core.js shares its chunks) once
 * they have loaded or been refused, and what <nn-mathlet> then shows and computes.
 */
async function mathletOnKernels(page: Page) {
  return page.evaluate(async () => {
    const core = '/nn/core.js';
    const { loadWasmKernels } = (await import(core)) as { loadWasmKernels(): Promise<boolean> };
    const kernels = await loadWasmKernels();
    const m = document.querySelector('nn-mathlet') as unknown as HTMLElement & {
      updateComplete: Promise<unknown>;
      output: unknown;
      point: [number, number];
      network: { paramGradient(p: [number, number], key: string, k: number): unknown; nodeDerivatives(p: [number, number], key: string): unknown };
    };
    m.point = [0.65, 0.4];
    await m.updateComplete;
    return {
      kernels,
      // (No named helper here: the test's compiler would wrap it in a function the page does not have.)
      shown: ['.dp', '.do', '.readout'].map((s) => m.shadowRoot!.querySelector(s)?.textContent?.trim()),
      output: m.output,
      gradients: ['W1.0.0', 'b1.1', 'W2.1.0'].map((k) => [m.network.paramGradient(m.point, k, 1), m.network.nodeDerivatives(m.point, k)]),
    };
  });
}

/** The mathlet's numbers on the WebAssembly kernels (the first test), for the page that refuses them. */
let mathletOnWasm: unknown;

test('under a strict CSP with Trusted Types, every element renders and the labs train', async () => {
  const site = await strictSite(STRICT_CSP);
  try {
    const { page, errors, sizes } = await open(site);
    for (const t of TAGS) {
      const [w, h, children] = sizes[t].split(/[x ]/).map(Number);
      assert.ok(w > 0 && h > 0 && children > 0, `<${t}> rendered ${sizes[t]} (width x height, shadow children)`);
    }
    // KaTeX's layout comes through: the inline fraction is typeset and as tall as a fraction, not a line of text.
    const math = await page.evaluate(async () => {
      const m = document.querySelector('nn-math') as HTMLElement & { updateComplete: Promise<unknown> };
      await m.updateComplete;
      const frac = m.shadowRoot!.querySelector('.mfrac');
      return { frac: !!frac, height: m.shadowRoot!.querySelector('.katex-html')?.getBoundingClientRect().height ?? 0 };
    });
    assert.ok(math.frac && math.height > 20, `the fraction: ${JSON.stringify(math)}`);
    const mathlet = await mathletOnKernels(page);
    assert.equal(mathlet.kernels, true, "'wasm-unsafe-eval' lets the small engine load its WebAssembly kernels");
    mathletOnWasm = { ...mathlet, kernels: undefined };
    const network = await page.evaluate(() => document.querySelector('nn-network')!.getBoundingClientRect().height);
    assert.ok(network > 200, `<nn-network> is ${network}px high (inline sizes refused would shrink it)`);

    const trained = await page.evaluate(async (model) => {
      const trainer = document.querySelector('nn-trainer') as unknown as { train(): Promise<{ epochs: number }> };
      const cifar = document.querySelector('nn-cifar') as unknown as {
        model: unknown;
        loadData(): Promise<boolean>;
        train(): Promise<void>;
        predictions: { count: number } | null;
      };
      const sweep = document.querySelector('nn-lr-sweep') as unknown as HTMLElement & { model: unknown; start(): Promise<void> };
      const run = await trainer.train();
      cifar.model = model;
      const loaded = await cifar.loadData();
      await cifar.train();
      sweep.model = model;
      const ended = new Promise<{ runs: { losses: number[] }[] }>((r) => sweep.addEventListener('nn-sweep-end', (e) => r(e as never), { once: true }));
      void sweep.start();
      const swept = await ended;
      const backend = (document.querySelector('nn-cifar') as HTMLElement).shadowRoot!.querySelector('.status')?.textContent ?? '';
      return { epochs: run.epochs, loaded, predictions: cifar.predictions?.count ?? 0, sweep: swept.runs.map((s) => s.losses.length), simd: /SIMD/.test(backend) };
    }, TINY_NET);
    assert.deepEqual(trained, { epochs: 2, loaded: true, predictions: 4, sweep: [2, 2], simd: true });
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, [], errors.join('\n'));
    await page.close();
  } finally {
    await site.close();
  }
});

test("without 'wasm-unsafe-eval' the small engine computes the same numbers in JavaScript: the browser's one refusal is the only report", async () => {
  const site = await strictSite(STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''));
  try {
    const { page, errors } = await open(site);
    const mathlet = await mathletOnKernels(page);
    assert.equal(mathlet.kernels, false);
    assert.ok(mathletOnWasm, 'the first test recorded the numbers on the WebAssembly kernels');
    assert.deepEqual({ ...mathlet, kernels: undefined }, mathletOnWasm);
    const epochs = await page.evaluate(async () => {
      const trainer = document.querySelector('nn-trainer') as unknown as { train(): Promise<{ epochs: number }> };
      return (await trainer.train()).epochs;
    });
    assert.equal(epochs, 2);
    // The engine asks once per page; the refusal is caught, so nothing else reaches the console.
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.equal(violations.length, 1, violations.join('\n'));
    assert.match(violations[0], /^script-src: wasm-eval/);
    assert.ok(errors.length <= 1, errors.join('\n'));
    assert.ok(errors.every((e) => /^console: Refused to compile or instantiate WebAssembly module/.test(e)), errors.join('\n'));
    await page.close();
  } finally {
    await site.close();
  }
});
