// The course (`npm start` serves content/): an index of the 13 homework problems, each linking to its page, and
// every page either shows its element or says what it will hold — and the index says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';

const problems: Array<{ n: number; slug: string; title: string }> = JSON.parse(
  readFileSync('content/problems.json', 'utf8'),
);
const index = readFileSync('content/index.html', 'utf8');

test('the index lists the 13 problems in order, each linking to a page that exists', () => {
  assert.deepEqual(
    problems.map((p) => p.n),
    Array.from({ length: 13 }, (_, i) => i + 1),
  );
  let last = -1;
  for (const p of problems) {
    const at = index.indexOf(`href="./${p.slug}.html"`);
    assert.ok(at > last, `index links problem ${p.n} after problem ${p.n - 1}`);
    last = at;
    assert.ok(existsSync(`content/${p.slug}.html`), `content/${p.slug}.html exists`);
  }
});

test('each page shows an element or says what it will hold, and the index labels it so', () => {
  for (const p of problems) {
    const page = readFileSync(`content/${p.slug}.html`, 'utf8');
    const hasElement = /<nn-[a-z-]+[\s>]/.test(page);
    const placeholder = page.includes('data-placeholder');
    assert.ok(hasElement || placeholder, `${p.slug} has an element or a placeholder`);
    if (placeholder) assert.match(page, /Coming to this page:/);
    const status = index.match(new RegExp(`data-status="${p.slug}">([a-z]+)<`))?.[1];
    assert.equal(status, hasElement && !placeholder ? 'live' : 'coming', `index status of problem ${p.n}`);
    assert.match(page, /<script type="module" src="\.\.\/components\/index\.ts"><\/script>/);
    assert.match(page, /<meta name="viewport"/);
  }
});
