import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { SEMICIRCLE_BEST } from '../../src/core.js';
import { runContract } from '../internal/contract.js';
import { NnNetwork } from './nn-network.js';
import type { NnParamChangeEvent } from '../events/nn-param-change.js';
import type { NnParamSelectEvent } from '../events/nn-param-select.js';

const BEST = JSON.stringify(SEMICIRCLE_BEST);
const q = (el: NnNetwork, s: string) => el.shadowRoot!.querySelector(s)!;
const qa = (el: NnNetwork, s: string) => [...el.shadowRoot!.querySelectorAll(s)];

runContract<NnNetwork>({
  tag: 'nn-network',
  element: NnNetwork,
  template: () => html`<nn-network params=${BEST} point="0.2,0.3"></nn-network>`,
  bad: [
    ['params', '{"W1":[[1]],"b1":[0],"W2":[[1]],"b2":[0,0]}'],
    ['params', '{oops'],
    ['point', '0.2'],
    ['activation', 'gelu'],
    ['paths', 'x to gold'],
  ],
  snapshot: (el) => ({ params: el.currentParams, point: el.point }),
});

describe('<nn-network>', () => {
  it('draws x as the top input and the gold output on top', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network params=${BEST}></nn-network>`);
    const y = (s: string) => Number(q(el, s).querySelector('circle, rect')!.getAttribute(q(el, s).querySelector('circle') ? 'cy' : 'y'));
    const inputs = qa(el, '.node.input');
    expect(inputs[0].getAttribute('aria-label')).to.match(/^input x/);
    expect(Number(inputs[0].querySelector('circle')!.getAttribute('cy'))).to.be.lessThan(Number(inputs[1].querySelector('circle')!.getAttribute('cy')));
    expect(y('.node.output.gold')).to.be.lessThan(y('.node.output.purple'));
  });

  it('colours edges by sign and widens them by |w|', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network params=${BEST} point="0.85,0.15"></nn-network>`);
    const e = (k: string) => q(el, `.edge[data-key="${k}"]`);
    expect(e('W1.0.0').classList.contains('pos')).to.equal(true);
    expect(e('W1.0.1').classList.contains('neg')).to.equal(true);
    expect(Number(e('W2.0.1').getAttribute('stroke-width'))).to.be.greaterThan(Number(e('W2.0.2').getAttribute('stroke-width')));
  });

  it('greys dead units and dashes the edges through them', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network params=${BEST} point="0.2,0.3"></nn-network>`);
    const dead = qa(el, '.node.hidden.dead').map((n) => n.getAttribute('aria-label'));
    expect(dead).to.have.length(2);
    expect(dead[0]).to.match(/^hidden unit 2: .*dead$/);
    expect(qa(el, '.edge.dead').map((e) => e.getAttribute('data-key')).sort()).to.deep.equal(
      ['W1.1.0', 'W1.1.1', 'W1.2.0', 'W1.2.1', 'W2.0.1', 'W2.0.2', 'W2.1.1', 'W2.1.2'],
    );
  });

  it('shows z and a on hover and on focus', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network params=${BEST} point="0.2,0.3"></nn-network>`);
    const h1 = q(el, '.node.hidden') as SVGGElement;
    h1.focus();
    await el.updateComplete;
    expect(q(el, '.detail').textContent).to.match(/hidden unit 1: z = 0\.\d{3}, a = 0\.\d{3}/);
    h1.blur();
    const out = q(el, '.node.output.gold circle').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(out.left + out.width / 2), Math.round(out.top + out.height / 2)] });
    await el.updateComplete;
    expect(q(el, '.detail').textContent).to.match(/gold output: o = .*, p = 0\.83\d/);
  });

  it('has a green slider per weight and a blue one per bias, −2 to 2, each named after its edge', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    const w = qa(el, 'input.weight') as HTMLInputElement[];
    const b = qa(el, 'input.bias') as HTMLInputElement[];
    expect(w).to.have.length(12);
    expect(b).to.have.length(5);
    expect(w[0].min).to.equal('-2');
    expect(w[0].max).to.equal('2');
    expect(getComputedStyle(w[0]).accentColor).to.equal('rgb(26, 127, 55)');
    expect(getComputedStyle(b[0]).accentColor).to.equal('rgb(31, 95, 191)');
    expect(w.map((s) => s.getAttribute('aria-label'))).to.include('weight from hidden unit 2 to the gold output');
    expect(b.map((s) => s.getAttribute('aria-label'))).to.include('bias of hidden unit 3');
  });

  it('arrow keys move a slider by 0.01, Page Up/Down by 0.4; input and change fire for the student only', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network></nn-network>`);
    const s = q(el, 'input[data-key="b1.0"]') as HTMLInputElement;
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push('input'));
    el.addEventListener('change', () => seen.push('change'));
    s.focus();
    const ev = oneEvent(el, 'nn-param-change') as unknown as Promise<NnParamChangeEvent>;
    await sendKeys({ press: 'ArrowRight' });
    const e = await ev;
    expect(e.key).to.equal('b1.0');
    expect(e.value).to.be.closeTo(0.01, 1e-9);
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.params.b1[0]).to.be.closeTo(-0.39, 1e-9);
    expect(seen).to.deep.equal(['input', 'change', 'input', 'change']);
    el.params = JSON.parse(BEST);
    await el.updateComplete;
    expect(seen).to.have.length(4);
  });

  it('focusing a slider picks its parameter (nn-param-select) and marks its edge', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network selected="W2.1.0"></nn-network>`);
    expect(q(el, '.edge[data-key="W2.1.0"]').classList.contains('selected')).to.equal(true);
    const ev = oneEvent(el, 'nn-param-select') as unknown as Promise<NnParamSelectEvent>;
    (q(el, 'input[data-key="W1.1.0"]') as HTMLInputElement).focus();
    expect((await ev).key).to.equal('W1.1.0');
  });

  it('highlights every path from an input to an output', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network params=${BEST} point="0.85,0.15" paths="0,1"></nn-network>`);
    const on = qa(el, '.edge.on-path').map((e) => e.getAttribute('data-key')).sort();
    expect(on).to.deep.equal(['W1.0.0', 'W1.1.0', 'W1.2.0', 'W2.1.0', 'W2.1.1', 'W2.1.2']);
    expect(qa(el, '.edge.dead-path').map((e) => e.getAttribute('data-key')).sort()).to.deep.equal(['W1.2.0', 'W2.1.2']);
  });

  it('readonly disables the sliders', async () => {
    const el = await fixture<NnNetwork>(html`<nn-network readonly></nn-network>`);
    expect((qa(el, 'input') as HTMLInputElement[]).every((s) => s.disabled)).to.equal(true);
  });
});
