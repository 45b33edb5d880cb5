import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './nn-activations.js';
import type { NnActivations } from './nn-activations.js';

const row = (el: NnActivations, name: string) =>
  [...el.shadowRoot!.querySelectorAll(`tr[data-name="${name}"] td`)].map((td) => Number(td.textContent));

describe('<nn-activations>', () => {
  it('draws the five activations and their derivatives, with values at x', async () => {
    const el = await fixture<NnActivations>(html`<nn-activations x="0"></nn-activations>`);
    const plots = el.shadowRoot!.querySelectorAll('svg[part=plot]');
    expect(plots).to.have.length(2);
    expect(plots[0].querySelectorAll('path.curve')).to.have.length(5);
    expect(plots[1].querySelectorAll('path.curve')).to.have.length(5);
    expect(row(el, 'sigmoid')).to.deep.equal([0.5, 0.25]);
    expect(row(el, 'tanh')).to.deep.equal([0, 1]);
    expect(row(el, 'relu')).to.deep.equal([0, 0]);
    expect(row(el, 'leaky_relu')).to.deep.equal([0, 0.3]);
    el.x = -2;
    await el.updateComplete;
    expect(row(el, 'leaky_relu')).to.deep.equal([-0.6, 0.3]);
    expect(row(el, 'elu')[1]).to.be.closeTo(Math.exp(-2), 1e-4);
  });

  it('typesets every formula with KaTeX', async () => {
    const el = await fixture<NnActivations>(html`<nn-activations show="sigmoid,relu"></nn-activations>`);
    const maths = el.shadowRoot!.querySelectorAll('nn-math');
    expect(maths).to.have.length(4);
    await (maths[0] as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(maths[0].shadowRoot!.querySelector('.katex')).to.not.equal(null);
    expect(maths[1].tex).to.contain('\\tfrac14');
  });

  it('the buttons show and hide activations and fire change; code setting show does not', async () => {
    const el = await fixture<NnActivations>(html`<nn-activations></nn-activations>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.show = 'relu';
    await el.updateComplete;
    expect(changes).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('svg[part=plot]')[0].querySelectorAll('path.curve')).to.have.length(1);
    const sigmoid = el.shadowRoot!.querySelector<HTMLButtonElement>('.toggles button')!;
    expect(sigmoid.getAttribute('aria-pressed')).to.equal('false');
    sigmoid.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'change');
    expect(el.show).to.equal('sigmoid,relu');
    expect(sigmoid.getAttribute('aria-pressed')).to.equal('true');
  });

  it('x moves with the keyboard', async () => {
    const el = await fixture<NnActivations>(html`<nn-activations x="1"></nn-activations>`);
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('label.x input')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.x).to.be.closeTo(1.05, 1e-9);
  });

  it('names an unknown activation and keeps the last good state', async () => {
    const el = await fixture<NnActivations>(html`<nn-activations show="relu"></nn-activations>`);
    setTimeout(() => el.setAttribute('show', 'relu,swish'));
    const ev = await oneEvent(el, 'nn-error');
    expect(ev.detail.attribute).to.equal('show');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('swish');
    setTimeout(() => el.setAttribute('x', 'abc'));
    await oneEvent(el, 'nn-error');
    await el.updateComplete;
    expect(el.x).to.equal(1);
  });

  it('is accessible and fits a phone', async () => {
    await setViewport({ width: 360, height: 700 });
    const el = await fixture<NnActivations>(html`<nn-activations></nn-activations>`);
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
