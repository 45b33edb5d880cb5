// KaTeX is loaded when the first formula is typeset: this file runs in a page of its own, where no formula was
// typeset before, and checks what is shown meanwhile and that the text around a formula stays where it was.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { loadedKatex } from './katex-loader.js';
import { NnMath } from './nn-math.js';

describe('<nn-math> before KaTeX has loaded', () => {
  it('keeps the formula\'s room, names it for screen readers, then typesets it without moving what follows', async () => {
    expect(loadedKatex()).to.equal(undefined);
    const wrap = document.createElement('div');
    wrap.style.font = '16px serif';
    wrap.style.width = '320px';
    document.body.append(wrap);
    render(html`<p>Here <nn-math tex="\\frac{\\partial p}{\\partial w_{1}}"></nn-math> and <span id="after">after</span>.</p>
      <nn-math display tex="\\sum_{i} x_i^2 = 1"></nn-math>
      <p id="below">below</p>`, wrap);
    const [inline, display] = wrap.querySelectorAll<NnMath>('nn-math');
    // Lit renders in a microtask after connecting; KaTeX's module needs a fetch, so it cannot be there yet.
    await Promise.resolve();
    await Promise.resolve();
    expect(loadedKatex()).to.equal(undefined);
    const pending = inline.shadowRoot!.querySelector('.pending');
    expect(pending).to.not.equal(null);
    const before = { after: wrap.querySelector('#after')!.getBoundingClientRect(), below: wrap.querySelector('#below')!.getBoundingClientRect() };
    expect(pending!.getAttribute('aria-label')).to.contain('\\partial p');
    expect(pending!.getAttribute('aria-busy')).to.equal('true');
    await inline.updateComplete;
    await display.updateComplete;
    expect(loadedKatex()).to.not.equal(undefined);
    expect(inline.shadowRoot!.querySelector('.katex')).to.not.equal(null);
    expect(display.shadowRoot!.querySelector('.katex-display')).to.not.equal(null);
    await document.fonts.ready;
    const after = { after: wrap.querySelector('#after')!.getBoundingClientRect(), below: wrap.querySelector('#below')!.getBoundingClientRect() };
    // Close, not exact: the room is a guess from the TeX.
    expect(Math.abs(after.below.top - before.below.top), 'the line below moved').to.be.below(24);
    expect(Math.abs(after.after.left - before.after.left), 'the word after moved').to.be.below(24);
    wrap.remove();
  });
});
