import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './nn-gradient-flow.js';
import type { NnGradientFlow } from './nn-gradient-flow.js';
import type { NnCurves } from '../nn-curves/nn-curves.js';
import { gradientByDepth } from '../../src/labs/index.js';

const curves = (el: NnGradientFlow) => el.shadowRoot!.querySelector('nn-curves') as NnCurves;
const series = (el: NnGradientFlow, name: string) => curves(el).runs.find((r) => r.name === name)!.scalars['gradient size'] as number[];

describe('<nn-gradient-flow>', () => {
  it('by depth: the sigmoid gradient vanishes towards the input, ReLU’s does not', async () => {
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow></nn-gradient-flow>`);
    expect(curves(el).runs.map((r) => r.name)).to.deep.equal(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    const sig = series(el, 'sigmoid');
    const relu = series(el, 'relu');
    expect(sig).to.have.length(10);
    expect(sig[0] / sig[9]).to.be.below(1e-4);
    expect(relu[0] / relu[9]).to.be.above(0.1);
    expect(curves(el).logScale).to.equal(true);
  });

  it('the depth and initializer controls recompute and fire change; attributes do not fire it', async () => {
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow depth="5"></nn-gradient-flow>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    expect(series(el, 'tanh')).to.have.length(5);
    el.depth = 3;
    await el.updateComplete;
    expect(changes).to.equal(0);
    const select = el.shadowRoot!.querySelectorAll('select')[0];
    select.value = '15';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    await oneEvent(el, 'change');
    await el.updateComplete;
    expect(el.depth).to.equal(15);
    expect(series(el, 'relu')).to.have.length(15);
  });

  it('computes a deep, wide network over several tasks: the old lines stay until all four new ones are ready', async () => {
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow depth="5"></nn-gradient-flow>`);
    el.depth = 30;
    el.units = 32;
    el.seed = 7;
    // The update that took the new sizes still draws the old lines: the work runs in later tasks.
    await new Promise((r) => requestAnimationFrame(r));
    expect(series(el, 'sigmoid')).to.have.length(5);
    await el.updateComplete;
    expect(curves(el).runs.map((r) => r.name)).to.deep.equal(['sigmoid', 'tanh', 'relu', 'leaky_relu']);
    for (const a of ['sigmoid', 'relu'] as const)
      expect(series(el, a)).to.deep.equal(gradientByDepth({ activation: a, depth: 30, units: 32, seed: 7 }));
    // A change while it runs: only the latest sizes are drawn.
    el.units = 31;
    await new Promise((r) => setTimeout(r));
    el.units = 30;
    await el.updateComplete;
    expect(series(el, 'tanh')).to.deep.equal(gradientByDepth({ activation: 'tanh', depth: 30, units: 30, seed: 7 }));
  });

  it('training view: one line per layer over the epochs', async () => {
    const norms = Array.from({ length: 30 }, (_, e) => [1e-3 * (e + 1), 1e-2, 0.1]);
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow view="training" .norms=${norms}></nn-gradient-flow>`);
    expect(el.shadowRoot!.querySelector('.controls')).to.equal(null);
    expect(curves(el).runs.map((r) => r.name)).to.deep.equal(['layer 1', 'layer 2', 'output layer']);
    expect(curves(el).xLabel).to.equal('epoch');
    expect(series(el, 'layer 1')[29]).to.be.closeTo(0.03, 1e-12);
  });

  it('refuses a bad view or depth with a message, keeping the last good one', async () => {
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow></nn-gradient-flow>`);
    setTimeout(() => el.setAttribute('depth', '100'));
    const ev = await oneEvent(el, 'nn-error');
    expect(ev.detail.attribute).to.equal('depth');
    expect(el.depth).to.equal(10);
    setTimeout(() => el.setAttribute('view', 'sideways'));
    await oneEvent(el, 'nn-error');
    await el.updateComplete;
    expect(el.view).to.equal('depth');
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('sideways');
  });

  it('is accessible at phone width', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await fixture<NnGradientFlow>(html`<nn-gradient-flow></nn-gradient-flow>`);
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
