// The element contract, fuzzed: every element that components/index.ts registers, every public reactive property it
// declares (so a new element or attribute is covered without editing this file), hundreds of seeded cases each.
// A case sets one bad or odd value — attribute text, a removed attribute, or a wrong-typed property as React, Vue or
// Svelte would set it — then the good value back. Throughout: nothing uncaught, nothing blank, an nn-error for each
// message shown (and none without one), the last good value kept after a refusal, and no message left at the end.
import { expect, fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import * as registry from '../../components/index.js';
import { NnElement } from '../../components/internal/nn-element.js';
import type { PropertyGuard } from '../../components/internal/property-guard.js';
import type { NnErrorEvent } from '../../components/events/nn-error.js';
import { RandomState } from '../../src/random/index.js';
import { SEMICIRCLE_BEST } from '../../src/data/index.js';
import { dense, sequential } from '../../src/nn/index.js';
import { RunStore } from '../../src/runs/index.js';

/** Cases per element, about: enough to reach every property several times, within the suite's time budget. */
const CASES = 200;

const BEST = JSON.stringify(SEMICIRCLE_BEST);
const ramp = (n: number) => Array.from({ length: n }, (_, i) => 0.5 + (0.4 * i) / n);

/**
 * Each element in a good state, as a page would write it. A new element needs one entry here: the test says so by
 * name rather than guess what "good" means for it.
 */
const GOOD_STATES: Record<string, () => TemplateResult> = {
  'nn-math': () => html`<nn-math tex="\\frac{\\partial p}{\\partial w} = \\sigma'(z)\\,x"></nn-math>`,
  'nn-boundary': () => html`<nn-boundary
    point="0.5,0.5"
    resolution="16"
    outline="semicircle"
    .model=${sequential([dense(3, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2], seed: 1 })}
    .points=${{ X: [[0.2, 0.3], [0.7, 0.6]], y: [0, 1] }}
    .halfPlanes=${[{ w: [1, -1], b: 0, label: 'h1' }]}
  ></nn-boundary>`,
  'nn-network': () => html`<nn-network params=${BEST} point="0.2,0.3" selected="W1.0.0" paths="0,1"></nn-network>`,
  'nn-mathlet': () => html`<nn-mathlet params=${BEST} point="0.3,0.4" hidden-units="3" selected="W2.1.0" paths="0,1" resolution="16"></nn-mathlet>`,
  'nn-nudge': () => html`<nn-nudge params=${BEST} variable="W1.0.0" delta="0.1"></nn-nudge>`,
  'nn-curves': () => html`<nn-curves metric="accuracy" smoothing="0.5" max-epochs="40"
    .runs=${[{ name: 'a', scalars: { accuracy: ramp(30), val_accuracy: ramp(30) }, markers: { stoppedEpoch: 30, lrChanges: [10] } }]}></nn-curves>`,
  'nn-activations': () => html`<nn-activations show="relu,sigmoid" x="0.5" range="3"></nn-activations>`,
  'nn-gradient-flow': () => html`<nn-gradient-flow depth="4" units="4"></nn-gradient-flow>`,
  'nn-backprop': () => html`<nn-backprop units="2" step="3"></nn-backprop>`,
  'nn-trainer': () => html`<nn-trainer preset="vanishing-fixed" epochs="5"></nn-trainer>`,
  'nn-schedule': () => html`<nn-schedule schedule="PiecewiseConstantDecay" params='{"boundaries":[10,20],"values":[0.1,0.01,0.001]}' steps="30"></nn-schedule>`,
  'nn-lr-sweep': () => html`<nn-lr-sweep src="/shared-data/cifar10/cifar10_tiny_100.bin" rates="0.001,0.01" subset="100" batch-size="16"></nn-lr-sweep>`,
  'nn-cifar': () => html`<nn-cifar src="/shared-data/cifar10/cifar10_tiny_100.bin" subset="100" epochs="2" batch-size="16"></nn-cifar>`,
  'nn-runs': () => html`<nn-runs scope="page" smoothing="0.3" filter="adam" ignore-link .store=${storeWithRuns()}></nn-runs>`,
};

/** A store with two short runs, as the labs record them. */
function storeWithRuns(): RunStore {
  const store = new RunStore(10);
  for (const name of ['adam 0.001', 'adam 0.01']) {
    const run = store.add({ name, source: 'nn-trainer' });
    for (let e = 0; e < 5; e++) store.appendEpoch(run.id, { loss: 1 / (e + 1), accuracy: 0.5 + e / 20 });
    store.end(run.id, 'done');
  }
  return store;
}

/** Every element the package registers, with its tag. */
const ELEMENTS = Object.values(registry)
  .filter((v): v is typeof NnElement => typeof v === 'function' && v.prototype instanceof NnElement)
  .map((ctor) => ({ ctor, tag: customElements.getName(ctor as unknown as CustomElementConstructor) }))
  .filter((e): e is { ctor: typeof NnElement; tag: string } => !!e.tag);

const LONG = 'x'.repeat(200_000);
const ATTRIBUTE_TEXTS = [
  '', ' ', 'abc', 'NaN', 'Infinity', '-Infinity', '1e309', '-1', '0', '1', '2', '0.5', '-0.5', '1e9', '-1e9', '1e-320',
  '9007199254740993', 'null', 'undefined', 'true', 'false', '{}', '[]', '{"a":1}', '[1,2]', '[[1,2]]', '{"W1":null}',
  '0,0', '0.5,0.5', '1,2,3', '1,2,3,4', '-1e308,1e308,0,1', LONG, '<img src=x onerror=alert(1)>', '\u0000', '💥',
  'relu', 'W1.0.0', 'W1.99.0', 'b2.1', '0,1', 'all', 'none', '\\rule{100000em}{100000em}', '\\frac{a}{b}',
  '{"boundaries":[1,2],"values":[1,2]}',
];
const PROPERTY_VALUES: unknown[] = [
  {}, [], null, undefined, NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53, -0, 0, 1, -1, 0.5, 1e9, '', 'abc', LONG,
  true, false, [1, 2], [NaN, 0], [[1]], [[0.2, 0.3]], { W1: null }, { name: 1 }, { length: 1e9 }, () => 1, new Date(0),
  new Float64Array(3), { input: 0, output: 1 }, { X: [[0, 0]], y: [0] }, [{ name: 'r', scalars: { accuracy: [1, 2] } }],
  Array.from({ length: 20_000 }, (_, i) => i), { inputShape: [2], layers: [{ type: 'dense', units: 1e9 }] },
  { name: 'PiecewiseConstantDecay', boundaries: Array.from({ length: 20_000 }, (_, i) => i + 1), values: Array.from({ length: 20_001 }, () => 0.1) },
];

/** Variations of a good attribute text: near misses find the edges of a rule. */
function mutations(good: string, rs: RandomState): string[] {
  const n = Number(good);
  const out = [`${good}x`, good.slice(0, -1), `${good},${good}`, ` ${good} `];
  if (good !== '' && Number.isFinite(n)) out.push(String(n * 1000), String(-n - 1), String(n + 0.5), String(n * 1e6 + 1));
  out.push(String(Math.round((rs.randomSample(1)[0] - 0.5) * 2e6) / 100));
  return out;
}

type Step = { events: NnErrorEvent[]; crashes: string[] };

/** Runs `action`, waits until the element has no update pending, and collects the nn-error events it fired. */
async function step(el: NnElement, action: () => void): Promise<Step> {
  const out: Step = { events: [], crashes: [] };
  const listen = (e: Event) => {
    const ev = e as NnErrorEvent;
    if (ev.message.includes('could not show this')) out.crashes.push(ev.message);
    if (e.composedPath()[0] === el) out.events.push(ev);
  };
  el.addEventListener('nn-error', listen);
  try {
    action();
    for (let i = 0; i < 5 && !(await el.updateComplete); i++);
  } finally {
    el.removeEventListener('nn-error', listen);
  }
  return out;
}

const shown = (el: Element) => el.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim() ?? '';
/** Nothing rendered, or a block with no height (an inline element, such as an empty formula, sizes to its content). */
const blank = (el: Element) =>
  (el.shadowRoot?.childElementCount ?? 0) === 0 || (el.getBoundingClientRect().height === 0 && getComputedStyle(el).display !== 'inline');
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
const show = (v: unknown) => {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v);
  try {
    const t = JSON.stringify(v) ?? String(v);
    return t.length > 60 ? `${t.slice(0, 60)}…` : t;
  } catch {
    return String(v);
  }
};

describe('element contract fuzz', () => {
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('finds every registered element, and has a good state for each', () => {
    expect(ELEMENTS.length).to.be.at.least(13);
    const missing = ELEMENTS.map((e) => e.tag).filter((t) => !GOOD_STATES[t]);
    expect(missing, 'elements with no good state in GOOD_STATES (tests/browser/contract-fuzz.test.ts): add one').to.deep.equal([]);
  });

  for (const { ctor, tag } of ELEMENTS) {
    describe(`<${tag}>`, () => {
      const props = [...ctor.elementProperties].filter(([, o]) => !o.state);

      it('gives every public property an initial value and a rule', () => {
        const fresh = document.createElement(tag) as NnElement;
        const guard = (fresh as unknown as { propertyGuard: PropertyGuard }).propertyGuard;
        for (const [key, o] of props) {
          expect(guard.hasDefault(key), `${String(key)} has no initializer (write "= undefined" when it has no default)`).to.equal(true);
          const kind = o.converter as { check?: unknown } | undefined;
          const ruled = o.type === String || o.type === Number || o.type === Boolean || typeof kind?.check === 'function' || typeof o.check === 'function';
          expect(ruled, `${String(key)} has no rule: give it a type, a Kind converter or a check`).to.equal(true);
        }
      });

      it(`keeps the contract over ${CASES} seeded cases of bad attributes, removals and wrong-typed properties`, async () => {
        const make = GOOD_STATES[tag];
        if (!make) throw new Error(`no good state for <${tag}> in GOOD_STATES`);
        const el = await fixture<NnElement>(make());
        for (let i = 0; i < 5 && !(await el.updateComplete); i++);
        expect(shown(el), 'no message in the good state').to.equal('');
        const rs = new RandomState([...tag].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
        const self = el as unknown as Record<PropertyKey, unknown>;
        const pick = <T>(list: readonly T[]) => list[rs.randint(0, list.length, 1)[0]];
        const failures: string[] = [];
        let refusals = 0;

        for (let c = 0; c < CASES && failures.length < 5; c++) {
          const [key, o] = pick(props);
          const attr = typeof o.attribute === 'string' ? o.attribute : o.attribute === false ? undefined : String(key).toLowerCase();
          const goodText = attr ? el.getAttribute(attr) : null;
          const goodValue = self[key];
          const channel = !attr ? 'property' : pick(['attribute', 'attribute', 'property', 'remove'] as const);
          const value: unknown =
            channel === 'attribute' ? pick([...ATTRIBUTE_TEXTS, ...mutations(goodText ?? String(goodValue ?? ''), rs)]) : channel === 'property' ? pick(PROPERTY_VALUES) : null;
          const what = `${String(key)} ${channel === 'remove' ? 'removed' : `${channel} = ${show(value)}`}`;

          const bad = await step(el, () => {
            if (channel === 'attribute') el.setAttribute(attr!, value as string);
            else if (channel === 'remove') el.removeAttribute(attr!);
            else self[key] = value;
          });
          const message = shown(el);
          if (bad.crashes.length) failures.push(`${what}: an update threw — ${bad.crashes[0]}`);
          if (blank(el)) failures.push(`${what}: the element is blank`);
          if (bad.events.length && !message) failures.push(`${what}: nn-error "${bad.events[0].message}" but no message shown`);
          if (!bad.events.length && message) failures.push(`${what}: a message "${message}" without an nn-error`);
          if (channel === 'remove' && bad.events.length) failures.push(`${what}: removing an attribute gave "${bad.events[0].message}" instead of the default`);
          if (bad.events.length) {
            refusals++;
            const now = self[key];
            const parsed = channel === 'attribute' ? el.getAttribute(attr!) : value;
            // Refused: the last good value stays (an element may also keep what it was given and show why it cannot use it).
            if (!same(now, goodValue) && !same(now, parsed)) failures.push(`${what}: refused, but ${String(key)} is now ${show(now)}, not ${show(goodValue)}`);
          }

          const back = await step(el, () => {
            if (attr && channel !== 'property') {
              if (goodText === null) el.removeAttribute(attr);
              else el.setAttribute(attr, goodText);
            } else self[key] = goodValue;
          });
          if (back.crashes.length) failures.push(`${what}, then the good value back: an update threw — ${back.crashes[0]}`);
          if (blank(el)) failures.push(`${what}, then the good value back: the element is blank`);
          const left = shown(el);
          if (left) failures.push(`${what}, then the good value back: the message "${left.slice(0, 120)}" stays`);
        }
        expect(failures, `<${tag}>`).to.deep.equal([]);
        expect(uncaught, 'uncaught errors').to.deep.equal([]);
        expect(refusals, 'cases refused (the fuzz must reach the rules)').to.be.greaterThan(CASES / 10);
      });
    });
  }
});
