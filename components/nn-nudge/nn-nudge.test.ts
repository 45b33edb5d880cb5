import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { SEMICIRCLE_BEST } from '../../src/core.js';
import { runContract } from '../internal/contract.js';
import { NnNudge } from './nn-nudge.js';

const BEST = JSON.stringify(SEMICIRCLE_BEST);

function rows(el: NnNudge) {
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => ({
    name: tr.querySelector('th')!.textContent!.replace('dead', '').trim(),
    dead: tr.classList.contains('dead'),
    linear: Number(tr.querySelector('.linear')!.textContent),
    actual: Number(tr.querySelector('.actual')!.textContent),
  }));
}

runContract<NnNudge>({
  tag: 'nn-nudge',
  element: NnNudge,
  template: () => html`<nn-nudge params=${BEST}></nn-nudge>`,
  bad: [
    ['variable', 'W9'],
    ['delta', '0'],
    ['delta', 'big'],
    ['params', '[]'],
  ],
  snapshot: (el) => ({ variable: el.variable, delta: el.delta }),
});

describe('<nn-nudge>', () => {
  it('first-order and actual change agree closely for a small δ, at every node', async () => {
    const el = await fixture<NnNudge>(html`<nn-nudge params=${BEST} point="0.85,0.15" variable="x" delta="0.001"></nn-nudge>`);
    for (const r of rows(el)) expect(r.actual, r.name).to.be.closeTo(r.linear, 1e-4);
    const p = rows(el).find((r) => r.name === 'p_gold')!;
    expect(p.linear).to.not.equal(0);
  });

  it('dead units stop the change: their activation rows stay 0', async () => {
    const el = await fixture<NnNudge>(html`<nn-nudge params=${BEST} point="0.2,0.3" variable="W1.1.0" delta="0.01"></nn-nudge>`);
    const r = rows(el);
    const a2 = r.find((x) => x.name === 'a2')!;
    expect(a2.dead).to.equal(true);
    expect(a2.linear).to.equal(0);
    expect(a2.actual).to.equal(0);
    // Nothing downstream of the dead unit moves either.
    expect(r.find((x) => x.name === 'p_gold')!.linear).to.equal(0);
    expect(r.find((x) => x.name === 'z2')!.linear).to.not.equal(0);
  });

  it('a larger δ shows where first order and actual part ways', async () => {
    const el = await fixture<NnNudge>(html`<nn-nudge params=${BEST} point="0.2,0.3" variable="x" delta="0.5"></nn-nudge>`);
    const p = rows(el).find((r) => r.name === 'p_gold')!;
    expect(Math.abs(p.actual - p.linear)).to.be.greaterThan(0.01);
  });

  it('picking a variable fires change; setting it from code does not', async () => {
    const el = await fixture<NnNudge>(html`<nn-nudge></nn-nudge>`);
    let n = 0;
    el.addEventListener('change', () => n++);
    el.variable = 'y';
    await el.updateComplete;
    expect(n).to.equal(0);
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'b2.1';
    const ev = oneEvent(el, 'change');
    select.dispatchEvent(new Event('change'));
    await ev;
    expect(el.variable).to.equal('b2.1');
  });
});
