import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './nn-backprop.js';
import type { NnBackprop } from './nn-backprop.js';

const text = (el: NnBackprop, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const next = (el: NnBackprop) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!;

describe('<nn-backprop>', () => {
  it('steps through 5 forward steps (with the loss) and then 7 backward ones', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    expect(el.stepCount).to.equal(12);
    expect(text(el, '.progress')).to.contain('Step 0 of 12');
    const phases: string[] = [];
    for (let i = 0; i < 12; i++) {
      next(el).click();
      await el.updateComplete;
      phases.push(text(el, '.progress').split(' ')[0]);
    }
    expect(phases).to.deep.equal([...Array(5).fill('Forward'), ...Array(7).fill('Backward')]);
    expect(next(el).disabled).to.equal(true);
    expect(text(el, '.summary')).to.contain('read the cache in 4 of its steps (ŷ, a¹, z¹ and a¹, x)');
  });

  it('each backward step that needs a forward value rings it in the cache', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop step="6"></nn-backprop>`);
    // Step 6: δ² = ŷ − y reads ŷ, stored by the forward pass.
    expect(text(el, '.progress')).to.contain('Output error');
    expect(el.shadowRoot!.querySelector('.reads.cached')).to.not.equal(null);
    expect(el.shadowRoot!.querySelectorAll('tr.now')).to.have.length(1);
    expect(el.shadowRoot!.querySelectorAll('.node.cache-read').length).to.be.greaterThan(0);
    el.step = 7; // ∂L/∂W² = δ² (a¹)ᵀ reads a¹
    await el.updateComplete;
    expect(text(el, 'tr.now td:last-child')).to.contain('(now)');
    el.step = 8; // ∂L/∂b² = δ² reads nothing cached
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.reads.cached')).to.equal(null);
    expect(text(el, '.reads')).to.contain('only backward quantities');
  });

  it('discarding the cache counts the forward work the backward pass would redo', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop no-cache step="12"></nn-backprop>`);
    // ŷ = a² costs 2 layers, a¹ 1 layer, z¹ and a¹ (sigmoid′ reads both) 2, x 0.
    expect(text(el, '.summary')).to.contain('recomputed 5 layers');
    el.step = 6;
    await el.updateComplete;
    expect(text(el, '.warn')).to.contain('recompute 2 layers');
  });

  it('the formulas show the engine’s numbers: δ² = ŷ − y', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop step="6" label="0"></nn-backprop>`);
    const maths = el.shadowRoot!.querySelectorAll('.step .formula nn-math');
    expect(maths).to.have.length(2);
    const tex = (maths[1] as HTMLElement & { tex: string }).tex;
    const [yhat, , delta] = tex.match(/-?\d+\.\d+|\b0\b/g)!;
    expect(Number(delta)).to.be.closeTo(Number(yhat) - 0, 1e-3);
  });

  it('buttons work from the keyboard and fire change; setting step in code does not', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.step = 3;
    await el.updateComplete;
    expect(changes).to.equal(0);
    next(el).focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'change');
    expect(el.step).to.equal(4);
  });

  it('play advances on a timer and stops when the element leaves the page', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop></nn-backprop>`);
    const play = el.shadowRoot!.querySelectorAll('button')[3];
    play.click();
    await el.updateComplete;
    expect(play.getAttribute('aria-pressed')).to.equal('true');
    await new Promise((r) => setTimeout(r, 1300));
    expect(el.step).to.equal(1);
    el.remove();
    await new Promise((r) => setTimeout(r, 1300));
    expect(el.step).to.equal(1);
  });

  it('refuses a bad attribute by name and keeps its network', async () => {
    const el = await fixture<NnBackprop>(html`<nn-backprop activation="relu"></nn-backprop>`);
    setTimeout(() => el.setAttribute('activation', 'swish'));
    const ev = await oneEvent(el, 'nn-error');
    expect(ev.detail.attribute).to.equal('activation');
    await el.updateComplete;
    expect(el.activation).to.equal('relu');
    expect(text(el, '[part=error]')).to.contain('swish');
  });

  it('is accessible at phone width', async () => {
    await setViewport({ width: 360, height: 700 });
    const el = await fixture<NnBackprop>(html`<nn-backprop step="7"></nn-backprop>`);
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
